"""smcoach's message catalogues, for translators: the sentences of src/smcoach/messages.py
(TEXT, English, by key), the --help of every command (under the context "help") and the words
of Jo, the demo's participant ("demo.jo"), as a gettext template and PO files, compiled for the
program.

    python tools/catalogue.py extract   # src/smcoach/locale/smcoach.pot from messages.TEXT
    python tools/catalogue.py update    # each language's PO brought in step with the template
    python tools/catalogue.py compile   # each PO compiled to its .mo, which smcoach reads

Each sentence is one entry: its key as the context (msgctxt), its English as msgid, so that a
translator sees the English in any PO editor and two keys with the same English can still be
translated apart. smcoach looks a sentence up by both (gettext's pgettext); a sentence with no
translation is shown in English. Fields in {braces} stay as they are (tests check that each
translation has exactly the English fields). Uses Babel, installed with the test extras.
"""

import io
import sys
from datetime import UTC
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "smcoach" / "locale"
DOMAIN = "smcoach"
LANGUAGES = ("es",)
NOTE = "Fields in {braces} stay exactly as they are; the rest is translated."
HELP_NOTE = (
    "--help text. Command names, options, file names and the command lines of examples "
    "(with the words typed in them) stay as they are; paragraphs stay paragraphs."
)
LAYOUT_NOTE = "A word of --help's layout, as click writes it (keep a trailing space)."
JO_NOTE = (
    "What Jo, the made-up participant of 'smcoach demo', says or wrote: as a person "
    "would say it in the language. A date ('in 3 months') must be one smcoach reads."
)


def template():  # -> babel.messages.catalog.Catalog
    from babel.messages.catalog import Catalog

    sys.path.insert(0, str(ROOT / "src"))
    from datetime import datetime

    from smcoach.cli.help_language import HELP, LAYOUT, LAYOUT_TEXTS
    from smcoach.domain.demo import JO, jo_texts
    from smcoach.messages import TEXT

    # A fixed date: the template and the PO files change only when the sentences do.
    made = datetime(2026, 11, 30, tzinfo=UTC)
    catalog = Catalog(
        project="smcoach",
        fuzzy=False,
        creation_date=made,
        header_comment="# smcoach's sentences, in English, by key (msgctxt).",
    )
    for key, english in TEXT.items():
        catalog.add(english, context=key, auto_comments=[NOTE] if "{" in english else [])
    for english in help_sources():
        catalog.add(english, context=HELP, auto_comments=[HELP_NOTE])
    for english in LAYOUT_TEXTS:
        catalog.add(english, context=LAYOUT, auto_comments=[LAYOUT_NOTE])
    for english in jo_texts():
        catalog.add(english, context=JO, auto_comments=[JO_NOTE])
    return catalog


def help_sources() -> list[str]:
    """The help of every command and option, in English, from the commands themselves."""
    import typer

    from smcoach.cli.help_language import sources
    from smcoach.cli.main import app

    return sources(typer.main.get_command(app))


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(language: str):  # -> Catalog
    from babel.messages.pofile import read_po

    with open(po_path(language), "rb") as f:
        return read_po(f, locale=language, domain=DOMAIN)


def po_bytes(catalog) -> bytes:
    from babel.messages.pofile import write_po

    out = io.BytesIO()
    write_po(out, catalog, width=0, omit_header=False, sort_output=False, ignore_obsolete=True)
    return out.getvalue()


def mo_bytes(catalog) -> bytes:
    from babel.messages.mofile import write_mo

    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def extract() -> None:
    LOCALE.mkdir(parents=True, exist_ok=True)
    (LOCALE / f"{DOMAIN}.pot").write_bytes(po_bytes(template()))


def update() -> None:
    from babel.messages.catalog import Catalog

    new = template()
    for language in LANGUAGES:
        path = po_path(language)
        if path.exists():
            catalog = read(language)
            catalog.update(new, no_fuzzy_matching=True)
        else:
            catalog = Catalog(locale=language, domain=DOMAIN, project="smcoach")
            catalog.update(new, no_fuzzy_matching=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_bytes(catalog))


def compile_all() -> None:
    for language in LANGUAGES:
        po_path(language).with_suffix(".mo").write_bytes(mo_bytes(read(language)))


if __name__ == "__main__":
    {"extract": extract, "update": update, "compile": compile_all}[sys.argv[1]]()
