"""Reading and writing directories of community services as files: an HSDS 3.0 data package
(a folder with datapackage.json and CSV files, or the CSV files alone) or a single flat CSV.
Rows become services in domain/hsds.py; here the files are found, decoded and parsed with the
standard csv module, and written private (0600 in 0700 folders).
"""

from __future__ import annotations

import csv
import io
import json
import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from smcoach.errors import SmcoachError
from smcoach.messages import t

if TYPE_CHECKING:
    from smcoach.domain.hsds import RowError, Table
    from smcoach.domain.services import Service

DESCRIPTOR = "datapackage.json"


def read_csv(path: Path, name: str) -> tuple[Table | None, list[RowError]]:
    """A CSV file as a Table (columns in lower case; blank rows left out), or its problems:
    not UTF-8, a row the csv module cannot read, more cells than the first line has columns,
    a column named twice. Lines are counted as a spreadsheet shows them: the header is 1."""
    from smcoach.domain.hsds import RowError, Table

    try:
        data = path.read_bytes()
    except OSError as e:
        raise SmcoachError(t("services.unreadable", path=path, detail=e.strerror or e)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return None, [RowError(name, line, t("services.row.not_utf8"))]
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, dict[str, str]]] = []
    errors: list[RowError] = []
    columns: list[str] = []
    record = 0
    try:
        for record, cells in enumerate(reader, 1):
            if record == 1:
                columns = [c.strip().lower() for c in cells]
                twice = next((c for n, c in enumerate(columns) if c and c in columns[:n]), None)
                if twice:
                    return None, [RowError(name, 1, t("services.row.column_twice", column=twice))]
                continue
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > len(columns) and any(c.strip() for c in cells[len(columns) :]):
                errors.append(RowError(name, record, t("services.row.too_many_cells")))
                continue
            rows.append((record, dict(zip(columns, cells, strict=False))))
    except csv.Error as e:
        return None, [*errors, RowError(name, record + 1, t("services.row.unreadable", detail=e))]
    return Table(name, columns, rows), errors


def _package_files(folder: Path) -> tuple[dict[str, Path], list[RowError]]:
    """The file of each HSDS resource smcoach reads: as datapackage.json names them, or by
    their usual names."""
    from smcoach.domain.hsds import RESOURCES, RowError

    found: dict[str, Path] = {}
    descriptor = folder / DESCRIPTOR
    if descriptor.is_file():
        try:
            package = json.loads(descriptor.read_text("utf-8-sig"))
        except json.JSONDecodeError as e:
            return {}, [RowError(DESCRIPTOR, e.lineno, t("services.row.not_json", detail=e.msg))]
        except (OSError, UnicodeDecodeError) as e:
            raise SmcoachError(t("services.unreadable", path=descriptor, detail=e)) from None
        resources = package.get("resources") if isinstance(package, dict) else None
        if not isinstance(resources, list):
            return {}, [RowError(DESCRIPTOR, 1, t("services.row.no_resources"))]
        for resource in resources:
            if not isinstance(resource, dict) or resource.get("name") not in RESOURCES:
                continue  # a table smcoach does not read
            name, path = resource["name"], str(resource.get("path"))
            inside = not os.path.isabs(path) and ".." not in Path(path).parts
            if not inside or not (folder / path).is_file():
                problem = t("services.row.no_file", name=name, path=path)
                return {}, [RowError(DESCRIPTOR, 1, problem)]
            found[name] = folder / path
        return found, []
    for name, (usual, _) in RESOURCES.items():
        for candidate in (usual, f"{name}.csv"):
            if (folder / candidate).is_file():
                found[name] = folder / candidate
                break
    return found, []


def read_package(folder: Path, today: date) -> tuple[list[Service], list[RowError]]:
    """The services of an HSDS data package in `folder`, and the problems of every row of
    every file (all files are read through, so that every problem is found at once)."""
    from smcoach.domain.hsds import from_package

    files, errors = _package_files(folder)
    if errors:
        return [], errors
    tables: dict[str, Table] = {}
    for name, path in files.items():
        table, found = read_csv(path, path.name)
        errors += found
        if table is not None:
            tables[name] = table
    services, found = from_package(tables, today)
    return ([], errors + found) if errors or found else (services, [])


def read_flat(path: Path, today: date) -> tuple[list[Service], list[RowError]]:
    from smcoach.domain.hsds import from_flat

    table, errors = read_csv(path, path.name)
    if table is None:
        return [], errors
    services, found = from_flat(table, today)
    return ([], errors + found) if errors or found else (services, [])


def read_any(path: Path, today: date) -> tuple[list[Service], list[RowError]]:
    """A data package (a folder, or its datapackage.json) or a flat CSV file."""
    if path.is_dir():
        return read_package(path, today)
    if path.name == DESCRIPTOR and path.is_file():
        return read_package(path.parent, today)
    if path.is_file():
        return read_flat(path, today)
    if not path.exists():
        raise SmcoachError(t("services.no_such_path", path=path))
    raise SmcoachError(t("services.import_what", path=path))


def read_provided(folder: Path, today: date) -> tuple[list[Service], list[RowError]]:
    """A content folder's services/: a data package, or else each of its .csv files a flat
    list (in the order of their names)."""
    from smcoach.domain.hsds import RESOURCES

    usual = {f for f, _ in RESOURCES.values()}
    if (folder / DESCRIPTOR).is_file() or (folder / "services.csv").is_file():
        return read_package(folder, today)
    services: list[Service] = []
    errors: list[RowError] = []
    for path in sorted(folder.glob("*.csv")):
        if path.name in usual:
            continue
        found, problems = read_flat(path, today)
        services += found
        errors += problems
    return services, errors


# --- writing --------------------------------------------------------------------------------


def _csv_bytes(columns: tuple[str, ...], rows: Any) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")  # RFC 4180, as spreadsheets write CSV
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def flat_bytes(services: list[Service]) -> bytes:
    from smcoach.domain.hsds import to_flat

    return _csv_bytes(*to_flat(services))


def write_package(folder: Path, services: list[Service], overwrite: bool) -> list[Path]:
    """Write `services` as an HSDS 3.0 data package into `folder` (made private if new): every
    file is checked before any is written, so an existing one stops the export whole unless
    `overwrite`. Returns the files written."""
    from smcoach.domain.hsds import descriptor, export_paths, to_package
    from smcoach.store.files import write_private

    if folder.exists() and not folder.is_dir():
        raise SmcoachError(t("services.out_not_folder", path=folder))
    paths = export_paths()
    tables = to_package(services)
    files = {folder / paths[name]: _csv_bytes(*table) for name, table in tables.items()}
    text = json.dumps(descriptor(paths), indent=2, ensure_ascii=False) + "\n"
    files[folder / DESCRIPTOR] = text.encode("utf-8")
    if not overwrite:
        for path in files:
            if path.exists():
                raise SmcoachError(t("file.exists", path=path))
    for path, data in files.items():
        write_private(path, data, overwrite=overwrite)
    return list(files)
