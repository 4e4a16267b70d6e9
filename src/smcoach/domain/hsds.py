"""Community services to and from Open Referral's Human Services Data Specification, HSDS 3.0,
in its tabular form (a data package: datapackage.json and one CSV file a table), and from a
single flat CSV for small local lists. Pure: the files are read and written in
store/directory.py; here rows become services, and services rows, with every problem found
reported as (file, line, message), the line as a spreadsheet shows it (the header is line 1).

What is read, and what it becomes (HSDS 3.0 table: columns -> Service field):
  services (services.csv): id -> hsds_id, name, description, url, email, status,
      eligibility_description -> eligibility, fees_description -> cost,
      assured_date -> checked, organization_id -> organization (its name) and organization_id
  organizations (organizations.csv): id, name
  service_at_location (service_at_location.csv): service_id, location_id
  locations (locations.csv): id; addresses (addresses.csv; HSDS 3.0 keeps addresses in their
      own table): location_id, address_1, address_2, city, region, state_province,
      postal_code -> address (the first physical one of the service's locations, as a line)
  phones (phones.csv): number, extension; by service_id, else the service's
      service_at_location_id or location_id, else its organization_id -> phone
  schedules (schedules.csv): description, else byday with opens_at and closes_at; by
      service_id, else service_at_location_id or location_id -> hours
  service_areas (service_areas.csv): service_id, name (else description) -> areas
  languages (languages.csv): service_id, name (else code) -> languages
  attributes (attributes.csv) with taxonomy_terms (taxonomy_terms.csv): the names of the
      terms linked to a service (link_id, link_entity 'service' or blank) -> categories
  cost_options (cost_options.csv): service_id, option, amount, currency,
      amount_description -> cost, when the service has no fees_description
Other tables and columns are left alone. The files are those named by datapackage.json's
resources (by resource name: service, organization, ...), or else the names above.

Export writes the same tables back (organizations, services, locations, addresses,
service_at_location, phones, schedules, service_areas, languages, taxonomy_terms,
attributes), so that importing the export gives the same services: an address goes in
address_1 as one line, hours in a schedule's description. Ids smcoach makes for the rows it
adds (an organization known only by name, a location, a phone...) are UUIDs derived from the
service's id, so the same services always give the same files.

A flat CSV has the columns of FLAT_COLUMNS (only name is needed); a list in one cell is
separated by ';'; a row without an id gets one derived from its organization and name.
"""

import uuid
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any, NamedTuple

from smcoach.domain.services import (
    STATUSES,
    Service,
    join_list,
    parse_iso_day,
    plausible_phone,
    problems,
    split_list,
)
from smcoach.messages import t

HSDS_VERSION = "3.0.0"
# The UUID namespace of the ids smcoach derives (uuid5): fixed, so exports are repeatable.
NAMESPACE = uuid.UUID("4f1c2a7e-6b1d-5c3e-9a55-2d1f0b8e7c61")


class Table(NamedTuple):
    """One CSV file as read: its name (as errors name it), its columns (lower case), and its
    rows, each with its line as a spreadsheet shows it and its values by column."""

    file: str
    columns: list[str]
    rows: list[tuple[int, dict[str, str]]]


class RowError(NamedTuple):
    file: str
    line: int
    message: str


# HSDS 3.0 resources read: name -> (file name in the 3.0 data package, columns a row needs).
RESOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    "service": ("services.csv", ("id", "name")),
    "organization": ("organizations.csv", ("id", "name")),
    "service_at_location": ("service_at_location.csv", ("id", "service_id", "location_id")),
    "location": ("locations.csv", ("id",)),
    "address": ("addresses.csv", ("id",)),
    "phone": ("phones.csv", ("id", "number")),
    "schedule": ("schedules.csv", ("id",)),
    "service_area": ("service_areas.csv", ("id",)),
    "language": ("languages.csv", ("id",)),
    "attribute": ("attributes.csv", ("id", "link_id", "taxonomy_term_id")),
    "taxonomy_term": ("taxonomy_terms.csv", ("id", "name")),
    "cost_option": ("cost_options.csv", ("id", "service_id")),
}

# The columns smcoach writes, in the order of HSDS 3.0's datapackage.json.
EXPORT_COLUMNS: dict[str, tuple[str, ...]] = {
    "organization": ("id", "name", "description"),
    "service": ("id", "organization_id", "name", "description", "url", "email", "status",
                "eligibility_description", "fees_description", "assured_date"),
    "location": ("id", "location_type"),
    "address": ("id", "location_id", "address_1", "address_2", "city", "region",
                "state_province", "postal_code", "country", "address_type"),
    "service_at_location": ("id", "service_id", "location_id"),
    "phone": ("id", "service_id", "number"),
    "schedule": ("id", "service_id", "description"),
    "service_area": ("id", "service_id", "name"),
    "language": ("id", "service_id", "name"),
    "taxonomy_term": ("id", "name", "description"),
    "attribute": ("id", "link_id", "taxonomy_term_id", "link_type", "link_entity"),
}  # fmt: skip

FLAT_COLUMNS = ("id", "name", "organization", "description", "categories", "areas", "address",
                "phone", "email", "url", "hours", "eligibility", "languages", "cost", "status",
                "checked")  # fmt: skip

_DAYS = {"MO": "Mon", "TU": "Tue", "WE": "Wed", "TH": "Thu", "FR": "Fri", "SA": "Sat",
         "SU": "Sun"}  # fmt: skip


def derived_id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


# --- reading --------------------------------------------------------------------------------


class _Reader:
    """Collects the problems of a data package while it is read."""

    def __init__(self, tables: dict[str, Table]):
        self.tables = tables
        self.errors: list[RowError] = []
        self.ids: dict[str, set[str]] = {}

    def error(self, table: Table, line: int, message: str) -> None:
        self.errors.append(RowError(table.file, line, message))

    def rows(self, resource: str) -> Iterator[tuple[Table, int, dict[str, str]]]:
        """The rows of a resource that have what a row needs (each without, reported), ids
        each once."""
        table = self.tables.get(resource)
        if table is None:
            return
        needed = RESOURCES[resource][1]
        missing = [c for c in needed if c not in table.columns]
        if missing:
            self.error(table, 1, t("services.row.no_column", column=missing[0]))
            return
        seen: dict[str, int] = {}
        for line, row in table.rows:
            empty = next((c for c in needed if not row.get(c)), None)
            if empty is not None:
                self.error(table, line, t("services.row.empty", column=empty))
                continue
            if row["id"] in seen:
                self.error(table, line, t("services.row.twice", id=row["id"], line=seen[row["id"]]))
                continue
            seen[row["id"]] = line
            yield table, line, row
        self.ids[resource] = set(seen)

    def refers(self, table: Table, line: int, row: dict[str, str], column: str, to: str) -> bool:
        """Whether the row's `column` names a row of `to`; a reference to a table the package
        does not have is left alone (False), as is a blank one."""
        value = row.get(column, "")
        if not value or to not in self.tables:
            return False
        if value not in self.ids.get(to, set()):
            to_file = self.tables[to].file
            self.error(
                table, line, t("services.row.dangling", column=column, id=value, file=to_file)
            )
            return False
        return True


def _clean(row: dict[str, str], column: str) -> str | None:
    value = row.get(column, "").strip()
    return value or None


def _service_fields(
    reader: _Reader, table: Table, line: int, row: dict[str, str], today: date
) -> dict[str, Any] | None:
    """A services.csv row's own fields; None (with the problems reported) if it is not valid."""
    status = (_clean(row, "status") or "active").lower()
    checked_text = _clean(row, "assured_date")
    checked = parse_iso_day(checked_text) if checked_text else None
    bad = False
    if checked_text and checked is None:
        reader.error(
            table, line, t("services.row.bad_date", column="assured_date", got=checked_text)
        )
        bad = True
    fields: dict[str, Any] = {
        "hsds_id": row["id"].strip(),
        "name": row["name"].strip(),
        "description": _clean(row, "description"),
        "url": _clean(row, "url"),
        "email": _clean(row, "email"),
        "status": status,
        "eligibility": _clean(row, "eligibility_description"),
        "cost": _clean(row, "fees_description"),
        "checked": checked,
        "organization_id": _clean(row, "organization_id"),
    }
    for _, message in problems(Service(ref="", **fields), today):
        reader.error(table, line, message)
        bad = True
    return None if bad else fields


def _time(text: str) -> str | None:
    """'09:00', '09:00:00', '09:00Z', '09:00+01:00' -> '09:00'; None if not a time."""
    import re

    m = re.fullmatch(
        r"([01][0-9]|2[0-4]):([0-5][0-9])(:[0-5][0-9])?(Z|[+-][0-9]{2}:?[0-9]{2})?", text
    )
    return f"{m[1]}:{m[2]}" if m else None


def _days(byday: str) -> str | None:
    """'MO,WE' -> 'Mon, Wed'; '2MO' -> '2 Mon' (the second Monday); None if not days."""
    import re

    shown = []
    for part in byday.upper().replace(" ", "").split(","):
        m = re.fullmatch(r"([+-]?[0-9]{1,2})?(MO|TU|WE|TH|FR|SA|SU)", part)
        if m is None:
            return None
        shown.append(f"{m[1]} {_DAYS[m[2]]}" if m[1] else _DAYS[m[2]])
    return ", ".join(shown)


def _schedule_text(reader: _Reader, table: Table, line: int, row: dict[str, str]) -> str | None:
    if description := _clean(row, "description"):
        return description
    opens, closes, byday = _clean(row, "opens_at"), _clean(row, "closes_at"), _clean(row, "byday")
    parts = []
    if byday:
        days = _days(byday)
        if days is None:
            reader.error(table, line, t("services.row.bad_days", got=byday))
            return None
        parts.append(days)
    times = []
    for column, value in (("opens_at", opens), ("closes_at", closes)):
        if value:
            shown = _time(value)
            if shown is None:
                reader.error(table, line, t("services.row.bad_time", column=column, got=value))
                return None
            times.append(shown)
    if times:
        parts.append("–".join(times))
    return " ".join(parts) or None


def _address_line(row: dict[str, str]) -> str | None:
    parts = [_clean(row, c) for c in ("address_1", "address_2", "city")]
    parts.append(_clean(row, "state_province") or _clean(row, "region"))
    parts.append(_clean(row, "postal_code"))
    return ", ".join(p for p in parts if p) or None


def _add(index: dict[str, list[str]], key: str | None, value: str | None) -> None:
    if key and value and value not in index.setdefault(key, []):
        index[key].append(value)


def from_package(tables: dict[str, Table], today: date) -> tuple[list[Service], list[RowError]]:
    """The services of an HSDS 3.0 data package (its tables by resource name), and every
    problem found in any row. The services are given only when there is no problem."""
    reader = _Reader(tables)
    if "service" not in tables:
        return [], [RowError("services.csv", 0, t("services.row.no_services"))]
    # Each table is read after those its rows refer to.
    organizations = {row["id"]: row["name"].strip() for _, _, row in reader.rows("organization")}
    for _ in reader.rows("location"):
        pass  # read for their ids, which the tables below refer to
    base: dict[str, dict[str, Any]] = {}
    for table, line, row in reader.rows("service"):
        fields = _service_fields(reader, table, line, row, today)
        reader.refers(table, line, row, "organization_id", "organization")
        if fields is not None:
            base[fields["hsds_id"]] = fields
    services_read = reader.ids.get("service", set())
    # What a service reaches through its locations: service -> SAL ids, location ids.
    sal_of: dict[str, list[str]] = {}
    location_of: dict[str, list[str]] = {}
    for table, line, row in reader.rows("service_at_location"):
        reader.refers(table, line, row, "service_id", "service")
        reader.refers(table, line, row, "location_id", "location")
        _add(sal_of, row["service_id"], row["id"])
        _add(location_of, row["service_id"], row["location_id"])
    addresses: dict[str, list[str]] = {}  # location -> address lines, physical ones first
    postal: dict[str, list[str]] = {}
    for table, line, row in reader.rows("address"):
        reader.refers(table, line, row, "location_id", "location")
        kind = (_clean(row, "address_type") or "physical").lower()
        _add(
            addresses if kind == "physical" else postal,
            _clean(row, "location_id"),
            _address_line(row),
        )
    phones: dict[str, dict[str, list[str]]] = {k: {} for k in ("service", "sal", "location", "org")}
    for table, line, row in reader.rows("phone"):
        number = row["number"].strip()
        if extension := _clean(row, "extension"):
            number = f"{number} ext. {extension}"
        if not plausible_phone(number):
            reader.error(table, line, t("services.bad.phone", got=number))
            continue
        for column, to, key in (("service_id", "service", "service"),
                                ("service_at_location_id", "service_at_location", "sal"),
                                ("location_id", "location", "location"),
                                ("organization_id", "organization", "org")):  # fmt: skip
            if reader.refers(table, line, row, column, to):
                _add(phones[key], row[column], number)
    hours: dict[str, dict[str, list[str]]] = {k: {} for k in ("service", "sal", "location")}
    for table, line, row in reader.rows("schedule"):
        text = _schedule_text(reader, table, line, row)
        for column, to, key in (("service_id", "service", "service"),
                                ("service_at_location_id", "service_at_location", "sal"),
                                ("location_id", "location", "location")):  # fmt: skip
            if reader.refers(table, line, row, column, to):
                _add(hours[key], row[column], text)
    areas: dict[str, list[str]] = {}
    for table, line, row in reader.rows("service_area"):
        if reader.refers(table, line, row, "service_id", "service"):
            _add(areas, row["service_id"], _clean(row, "name") or _clean(row, "description"))
    languages: dict[str, list[str]] = {}
    for table, line, row in reader.rows("language"):
        if reader.refers(table, line, row, "service_id", "service"):
            _add(languages, row["service_id"], _clean(row, "name") or _clean(row, "code"))
    terms = {row["id"]: row["name"].strip() for _, _, row in reader.rows("taxonomy_term")}
    categories: dict[str, list[str]] = {}
    for table, line, row in reader.rows("attribute"):
        entity = (_clean(row, "link_entity") or "").lower()
        if entity not in ("", "service") or (not entity and row["link_id"] not in services_read):
            continue  # an attribute of an organization, a location...: not a category
        if reader.refers(table, line, row, "link_id", "service") and reader.refers(
            table, line, row, "taxonomy_term_id", "taxonomy_term"
        ):
            _add(categories, row["link_id"], terms[row["taxonomy_term_id"]])
    costs: dict[str, list[str]] = {}
    for table, line, row in reader.rows("cost_option"):
        if reader.refers(table, line, row, "service_id", "service"):
            amount = " ".join(filter(None, [_clean(row, "amount"), _clean(row, "currency")]))
            words = [_clean(row, "option"), amount or None, _clean(row, "amount_description")]
            _add(costs, row["service_id"], ", ".join(w for w in words if w) or None)
    if reader.errors:
        return [], reader.errors

    def first(index: dict[str, list[str]], keys: list[str]) -> list[str]:
        found: list[str] = []
        for key in keys:
            found += [v for v in index.get(key, []) if v not in found]
        return found

    services = []
    for sid, fields in base.items():
        sals, locs = sal_of.get(sid, []), location_of.get(sid, [])
        org = fields["organization_id"]
        numbers = (phones["service"].get(sid) or first(phones["sal"], sals)
                   or first(phones["location"], locs) or phones["org"].get(org or "", [])
                   )  # fmt: skip
        opening = (hours["service"].get(sid) or first(hours["sal"], sals)
                   or first(hours["location"], locs))  # fmt: skip
        lines = first(addresses, locs) or first(postal, locs)
        services.append(
            Service(
                ref="",
                organization=organizations.get(org or ""),
                categories=tuple(categories.get(sid, [])),
                areas=tuple(areas.get(sid, [])),
                address=lines[0] if lines else None,
                phone=join_list(numbers) or None,
                hours=join_list(opening) or None,
                languages=tuple(languages.get(sid, [])),
                origin="imported",
                **{**fields, "cost": fields["cost"] or join_list(costs.get(sid, [])) or None},
            )
        )
    return services, []


def from_flat(table: Table, today: date) -> tuple[list[Service], list[RowError]]:
    """The services of a flat CSV (columns of FLAT_COLUMNS), and every problem in its rows."""
    errors: list[RowError] = []
    unknown = [c for c in table.columns if c not in FLAT_COLUMNS]
    if unknown:
        known = ", ".join(FLAT_COLUMNS)
        return [], [
            RowError(
                table.file, 1, t("services.row.unknown_column", column=unknown[0], known=known)
            )
        ]
    if "name" not in table.columns:
        return [], [RowError(table.file, 1, t("services.row.no_column", column="name"))]
    services: list[Service] = []
    seen: dict[str, int] = {}
    for line, row in table.rows:
        name = _clean(row, "name")
        if name is None:
            errors.append(RowError(table.file, line, t("services.row.empty", column="name")))
            continue
        organization = _clean(row, "organization")
        hsds_id = _clean(row, "id") or derived_id("flat", organization or "", name)
        if hsds_id in seen:
            errors.append(
                RowError(table.file, line, t("services.row.twice", id=hsds_id, line=seen[hsds_id]))
            )
            continue
        seen[hsds_id] = line
        checked_text = _clean(row, "checked")
        checked = parse_iso_day(checked_text) if checked_text else None
        if checked_text and checked is None:
            errors.append(
                RowError(
                    table.file, line, t("services.row.bad_date", column="checked", got=checked_text)
                )
            )
            continue
        service = Service(
            ref="",
            hsds_id=hsds_id,
            name=name,
            organization=organization,
            description=_clean(row, "description"),
            categories=split_list(row.get("categories")),
            areas=split_list(row.get("areas")),
            address=_clean(row, "address"),
            phone=join_list(split_list(row.get("phone"))) or None,
            email=_clean(row, "email"),
            url=_clean(row, "url"),
            hours=_clean(row, "hours"),
            eligibility=_clean(row, "eligibility"),
            languages=split_list(row.get("languages")),
            cost=_clean(row, "cost"),
            status=(_clean(row, "status") or "active").lower(),
            checked=checked,
            origin="imported",
        )
        found = problems(service, today)
        errors += [RowError(table.file, line, message) for _, message in found]
        if not found:
            services.append(service)
    return ([] if errors else services), errors


# --- writing --------------------------------------------------------------------------------

Rows = list[list[str]]


def _day(day: date | None) -> str:
    return day.isoformat() if day else ""


def to_flat(services: Iterable[Service]) -> tuple[tuple[str, ...], Iterator[list[str]]]:
    """The flat CSV's columns and rows, in the order given."""

    def rows() -> Iterator[list[str]]:
        for s in services:
            yield [s.hsds_id, s.name, s.organization or "", s.description or "",
                   join_list(s.categories), join_list(s.areas), s.address or "", s.phone or "",
                   s.email or "", s.url or "", s.hours or "", s.eligibility or "",
                   join_list(s.languages), s.cost or "", s.status, _day(s.checked)]  # fmt: skip

    return FLAT_COLUMNS, rows()


def to_package(services: list[Service]) -> dict[str, tuple[tuple[str, ...], Rows]]:
    """The tables of an HSDS 3.0 data package (by resource name: columns and rows) for
    `services`, sorted by their ids so that the same services always give the same files."""
    tables: dict[str, Rows] = {name: [] for name in EXPORT_COLUMNS}
    organizations: dict[str, str] = {}  # id -> name
    terms: dict[str, str] = {}  # id -> name
    for s in sorted(services, key=lambda s: s.hsds_id):
        sid = s.hsds_id
        org_id = ""
        if s.organization:
            org_id = s.organization_id or derived_id("organization", s.organization)
            if organizations.setdefault(org_id, s.organization) != s.organization:
                org_id = derived_id("organization", org_id, s.organization)  # renamed since
                organizations.setdefault(org_id, s.organization)
        tables["service"].append([sid, org_id, s.name, s.description or "", s.url or "",
                                  s.email or "", s.status, s.eligibility or "", s.cost or "",
                                  _day(s.checked)])  # fmt: skip
        if s.address:
            location = derived_id(sid, "location")
            tables["location"].append([location, "physical"])
            tables["address"].append([derived_id(sid, "address"), location, s.address,
                                      "", "", "", "", "", "", "physical"])  # fmt: skip
            tables["service_at_location"].append([derived_id(sid, "at"), sid, location])
        for n, number in enumerate(split_list(s.phone), 1):
            tables["phone"].append([derived_id(sid, "phone", str(n)), sid, number])
        if s.hours:
            tables["schedule"].append([derived_id(sid, "schedule"), sid, s.hours])
        for n, area in enumerate(s.areas, 1):
            tables["service_area"].append([derived_id(sid, "area", str(n)), sid, area])
        for n, language in enumerate(s.languages, 1):
            tables["language"].append([derived_id(sid, "language", str(n)), sid, language])
        for category in s.categories:
            term = derived_id("category", category)
            terms.setdefault(term, category)
            tables["attribute"].append(
                [derived_id(sid, "category", category), sid, term, "", "service"]
            )
    tables["organization"] = [[i, name, ""] for i, name in sorted(organizations.items())]
    tables["taxonomy_term"] = [[i, name, ""] for i, name in sorted(terms.items())]
    return {name: (EXPORT_COLUMNS[name], rows) for name, rows in tables.items()}


def descriptor(paths: dict[str, str]) -> dict[str, Any]:
    """datapackage.json for the tables `to_package` gives (resource name -> file name)."""
    resources = []
    for name, columns in EXPORT_COLUMNS.items():
        schema: dict[str, Any] = {
            "fields": [{"name": c, "type": "string"} for c in columns],
            "primaryKey": "id",
        }
        resources.append({"name": name, "path": paths[name], "profile": "tabular-data-resource",
                          "format": "csv", "mediatype": "text/csv", "schema": schema})  # fmt: skip
    return {
        "name": "community_services",
        "title": "Community services exported by smcoach",
        "profile": "tabular-data-package",
        "version": HSDS_VERSION,
        "resources": resources,
    }


def export_paths() -> dict[str, str]:
    """The file name of each table smcoach writes: HSDS 3.0's, as datapackage.json names them
    (addresses.csv for the address table)."""
    return {name: RESOURCES[name][0] for name in EXPORT_COLUMNS}


def known_statuses() -> str:
    return ", ".join(STATUSES)
