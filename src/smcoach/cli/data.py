"""Your data is yours: smcoach export, import, backup, restore and erase."""

from collections.abc import Generator, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, Annotated, Any, BinaryIO

import typer

from smcoach.cli.common import Env, interactive, today
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.render import notice

FORMATS = ("json", "csv", "md", "html", "ics")

Out = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        help="The file to write (csv: a folder, or a file ending .zip). Without it, the "
        "export is printed.",
        show_default=False,
    ),
]
Force = Annotated[bool, typer.Option("--force", help="Replace the --out file if it exists.")]


def export(
    ctx: typer.Context,
    format_: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help="json: everything, the format 'smcoach import' reads; csv: a table per kind "
            "of record; md or html: an appointment summary to bring to your doctor or nurse; "
            "ics: your current plans' days, for your calendar.",
        ),
    ] = "json",
    out: Out = None,
    force: Force = False,
) -> None:
    """Export your data, an appointment summary, or your plan's days as a calendar.

    json or csv: everything; md or html: a summary to bring to an appointment; ics: this
    week's planned days. Files are readable only by you.

    Example: smcoach export --format html --out summary.html
    """
    kind = format_.strip().lower()
    if kind not in FORMATS:
        raise SmcoachError(t("export.format_bad", got=format_, formats=", ".join(FORMATS)))
    env: Env = ctx.obj
    if kind == "csv":
        if out is None:
            raise SmcoachError(t("export.needs_out"))
        _export_csv(env, out, force)
    else:
        import contextlib
        import itertools

        with contextlib.closing(_render(env, kind)) as made:
            # The first piece is made before anything is written: what stops an export (a
            # damaged file, no plan for a calendar) stops it before a file or folder is made.
            pieces = itertools.chain([next(made)], made)
            if out is None:
                import sys

                for piece in pieces:
                    sys.stdout.buffer.write(piece)
                return
            from smcoach.store.files import write_private_with

            write_private_with(out, lambda f: f.writelines(pieces), overwrite=force)
    notice(t("export.saved", what=t(f"export.what_{kind}"), path=out))


def _render(env: Env, kind: str) -> Generator[bytes, None, None]:
    """The export as the bytes of one file, in pieces: the JSON export of everything is
    written as it is read, so that any amount of data is exported in the same memory."""
    store = env.store
    if kind == "json":
        from smcoach.render.jsonstream import chunks

        with store.dump_streamed() as document:
            for piece in chunks(document, sort_keys=True):
                yield piece.encode("utf-8")
        yield b"\n"
        return
    if kind == "ics":
        from smcoach.render.calendar import ics

        yield ics(store.plans())  # a calendar needs one event at least: no plan is an error
        return
    from smcoach.cli.summary import appointment_summary
    from smcoach.render import summary

    made = appointment_summary(store, today())
    text = summary.markdown(made) if kind == "md" else summary.html(made)
    yield text.encode("utf-8")


def _export_csv(env: Env, out: Path, force: bool) -> None:
    """One CSV file per kind of record, in a folder or a zip file, each written as its rows
    are read: any amount of data is exported in the same memory."""
    import contextlib
    from functools import partial

    from smcoach.store.files import write_private_with

    with contextlib.closing(env.store.tables()) as tables:
        if out.suffix.lower() != ".zip":
            for table, columns, rows in tables:
                fill = partial(_write_csv, columns=columns, rows=rows)
                write_private_with(out / f"{table}.csv", fill, overwrite=force)
            return
        import zipfile

        def pack(file: BinaryIO) -> None:
            with zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED) as archive:
                for table, columns, rows in tables:
                    # a fixed time: the same data gives the same zip
                    info = zipfile.ZipInfo(f"{table}.csv", date_time=(1980, 1, 1, 0, 0, 0))
                    info.external_attr = 0o600 << 16
                    info.compress_type = zipfile.ZIP_DEFLATED
                    with archive.open(info, "w") as member:
                        _write_csv(member, columns, rows)

        write_private_with(out, pack, overwrite=force)


def _write_csv(file: IO[bytes], columns: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
    """A table as CSV in UTF-8, written some 64,000 characters at a time."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
        if buffer.tell() >= 1 << 16:
            file.write(buffer.getvalue().encode("utf-8"))
            buffer.seek(0)
            buffer.truncate()
    file.write(buffer.getvalue().encode("utf-8"))


def _cell(value: object) -> object:
    """A value as a spreadsheet should show it: text that a spreadsheet would run as a formula
    (starting with = + - @ or a tab) is kept as text with a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def import_(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A file made by 'smcoach export --format json'.")],
    merge: Annotated[
        bool,
        typer.Option(
            "--merge",
            help="Add the file's records to those already here, skipping any already there.",
        ),
    ] = False,
) -> None:
    """Import an export made by 'smcoach export --format json'.

    Into an empty database, or with --merge alongside what is there. All or nothing: a file
    that does not fit changes nothing.

    Example: smcoach import smcoach-export.json
    """
    # Opened before the store, so that a file that cannot be read makes no database; closed
    # by the `with f` below, which leaves what is not about reading it outside `_reading`.
    with _reading(file):
        f = open(file, "rb")  # noqa: SIM115
    with f:
        store = ctx.obj.store
        # Read twice, a record at a time: checked through, then loaded (see store/dump.py).
        with _reading(file):
            export = store.check_import(f)
        if merge:
            notice(t("import.backed_up", path=store.backup()))
        with _reading(file):
            added, same = store.import_records(export, merge)
    if merge:
        notice(t("import.merged", path=file, count=added, same=same))
    else:
        notice(t("import.done", path=file, count=added))


@contextmanager
def _reading(file: Path) -> Iterator[None]:
    """What goes wrong reading the file, as one line."""
    import json

    try:
        yield
    except OSError as e:
        raise SmcoachError(t("import.unreadable", path=file, detail=e.strerror or e)) from None
    except (UnicodeDecodeError, RecursionError, ValueError) as e:
        detail = e.msg if isinstance(e, json.JSONDecodeError) else type(e).__name__
        raise SmcoachError(t("import.not_json", path=file, detail=detail)) from None


def backup(
    ctx: typer.Context,
    dest: Annotated[
        Path | None,
        typer.Argument(
            help="A new file, or a folder, for the copy (default: the backups folder beside your "
            "data, which keeps the newest five).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Back up all your data into one file (safe while smcoach is in use elsewhere).

    Example: smcoach backup ~/Documents/smcoach-backup.db
    """
    store = ctx.obj.store
    if dest is not None and dest.is_dir():
        dest = dest / f"{Path(store.path).stem}-{datetime.now():%Y%m%d-%H%M%S}.db"
    if dest is not None and dest.exists():
        raise SmcoachError(t("backup.dest_exists", path=dest))
    try:
        made = store.backup(dest)
    except FileExistsError:
        raise SmcoachError(t("backup.dest_exists", path=dest)) from None
    notice(t("backup.saved", path=made))


def restore(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A backup made by smcoach (see 'smcoach doctor').")],
) -> None:
    """Put your data back from a backup.

    What is there now is backed up first (or, if it is damaged, moved aside), so a restore can
    itself be undone.

    Example: smcoach restore ~/.local/share/smcoach/smcoach-backups/smcoach-20261129-101500.db
    """
    from smcoach.store.maintenance import restore as restore_file

    env: Env = ctx.obj
    saved = restore_file(Path(env.path), file)
    notice(t("restore.done", source=file))
    if saved.saved_as is not None:
        key = "restore.moved_aside" if saved.moved_aside else "restore.saved_before"
        notice(t(key, path=saved.saved_as))


def erase(
    ctx: typer.Context,
    yes: Annotated[bool, typer.Option("--yes", help="Do not ask: for scripts.")] = False,
    backups: Annotated[
        bool, typer.Option("--backups", help="Also erase every backup (nothing is kept).")
    ] = False,
) -> None:
    """Erase all your smcoach data from this computer.

    Removes the database (and its -wal and -shm files), and with --backups the backups too.
    Without --backups a last backup is kept.

    Example: smcoach erase --backups
    """
    import os

    from smcoach.store.backups import backups_folder
    from smcoach.store.maintenance import erase as erase_files

    env: Env = ctx.obj
    folder = backups_folder(env.path)
    if not os.path.lexists(env.path) and not (backups and folder.exists()):
        notice(t("erase.nothing", path=env.path))
        return
    if not yes:
        if not interactive():
            raise SmcoachError(t("erase.needs_yes"))
        from smcoach.cli.prompts import ask

        notice(t("erase.what_backups" if backups else "erase.what", path=env.path, folder=folder))
        word = t("erase.word")
        answer = ask(t("erase.type", word=word), str, what=t("what.confirmation"))
        if answer.strip().lower() != word:
            notice(t("erase.stopped"))
            raise typer.Exit(1)
    erased = erase_files(Path(env.path), backups)
    for path in erased.removed:
        notice(t("erase.removed", path=path))
    if erased.backup is not None:
        notice(t("erase.kept", path=erased.backup))
