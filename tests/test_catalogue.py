"""smcoach's sentences in Spanish: the gettext catalogue (src/smcoach/locale/) holds every
English sentence of messages.py with the same fields, the compiled catalogue is the PO file's,
and the template is in step with messages.py (tools/catalogue.py makes them)."""

import importlib.util
import string
from pathlib import Path

import pytest

from smcoach import i18n
from smcoach.cli.help_language import DEFAULT, HELP, LAYOUT, LAYOUT_TEXTS, USAGE
from smcoach.domain.demo import GOAL_BY, JO, jo_texts
from smcoach.messages import TEXT, t

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("catalogue", ROOT / "tools" / "catalogue.py")
assert _spec is not None and _spec.loader is not None
catalogue = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(catalogue)
REMAKE = "run: python tools/catalogue.py extract && python tools/catalogue.py update"


def fields(template: str) -> list[tuple[str, str]]:
    return sorted(
        (name, spec or "")
        for _, name, spec, _ in string.Formatter().parse(template)
        if name is not None
    )


@pytest.fixture(scope="module")
def spanish():  # -> babel Catalog
    return catalogue.read("es")


def test_every_sentence_has_its_spanish_with_the_same_fields(spanish):
    by_key = {m.context: m for m in spanish if m.id and m.context not in (HELP, LAYOUT, JO)}
    assert set(by_key) == set(TEXT), REMAKE
    for key, english in TEXT.items():
        message = by_key[key]
        assert message.id == english, f"{key}: the PO file has old English. {REMAKE}"
        assert message.string, f"{key} has no Spanish"
        assert not message.fuzzy, f"{key}: the Spanish is marked fuzzy (to be checked)"
        assert fields(message.string) == fields(english), key
        assert message.string.count("\n") == english.count("\n"), key


def test_every_help_text_has_its_spanish(spanish):
    """The help of every command and option, and click's words around it, in Spanish: the
    same paragraphs, and the command names and options it mentions kept as they are."""
    texts = {m.id: m for m in spanish if m.context == HELP}
    assert set(texts) == set(catalogue.help_sources()), REMAKE
    for english, message in texts.items():
        assert message.string and not message.fuzzy, f"no Spanish for the help: {english[:60]}"
        assert message.string.count("\n\n") == english.count("\n\n"), english[:60]
        for word in english.split():
            if word.startswith(("--", "smcoach")):
                assert word.strip(".,;:)('") in message.string, (word, english[:60])
    layout = {m.id: m.string for m in spanish if m.context == LAYOUT}
    assert set(layout) == set(LAYOUT_TEXTS) and all(layout.values())
    assert fields(layout[DEFAULT]) == fields(DEFAULT)
    assert layout[USAGE].endswith(" ")  # click writes the command straight after it


def test_every_word_of_jo_the_demos_participant_has_its_spanish(spanish):
    from datetime import date

    from smcoach.domain.dates import parse_goal_day

    said = {m.id: m for m in spanish if m.context == JO}
    assert set(said) == set(jo_texts()), REMAKE
    assert all(m.string and not m.fuzzy for m in said.values())
    try:  # Jo's goal date is typed in --auto: smcoach must read it in Spanish
        i18n.use("es")
        assert parse_goal_day(said[GOAL_BY].string, date(2026, 11, 30)) == date(2027, 2, 28)
    finally:
        i18n.use("en")


def test_the_template_is_made_from_the_sentences():
    made = (ROOT / "src" / "smcoach" / "locale" / "smcoach.pot").read_bytes()
    assert made == catalogue.po_bytes(catalogue.template()), REMAKE


def test_the_compiled_catalogue_is_the_po_files(spanish):
    shipped = catalogue.po_path("es").with_suffix(".mo").read_bytes()
    assert shipped == catalogue.mo_bytes(spanish), "run: python tools/catalogue.py compile"


def test_a_sentence_is_said_in_the_language_chosen():
    try:
        i18n.use("es")
        assert t("plan.not_found", id=99) == "no hay ningún plan de acción con el ID 99"
        i18n.use("en")
        assert t("plan.not_found", id=99) == "there is no action plan with ID 99"
    finally:
        i18n.use("en")


def test_a_sentence_without_a_translation_is_said_in_english(monkeypatch):
    """A key added since the catalogue was compiled (or whose English changed) is English."""
    monkeypatch.setitem(TEXT, "plan.not_found", "no plan {id} here (new wording)")
    try:
        i18n.use("es")
        assert t("plan.not_found", id=99) == "no plan 99 here (new wording)"
    finally:
        i18n.use("en")


def test_no_sentence_has_a_field_named_key():
    """t(key, **fields) takes the sentence's key first: a field named 'key' could not be filled."""
    assert [k for k, english in TEXT.items() if ("key", "") in fields(english)] == []
