"""smcoach's sentences in Spanish: the gettext catalogue (src/smcoach/locale/) holds every
English sentence of messages.py with the same fields, the compiled catalogue is the PO file's,
and the template is in step with messages.py (tools/catalogue.py makes them)."""

import importlib.util
import string
from pathlib import Path

import pytest

from smcoach import i18n
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
    by_key = {m.context: m for m in spanish if m.id}
    assert set(by_key) == set(TEXT), REMAKE
    for key, english in TEXT.items():
        message = by_key[key]
        assert message.id == english, f"{key}: the PO file has old English. {REMAKE}"
        assert message.string, f"{key} has no Spanish"
        assert not message.fuzzy, f"{key}: the Spanish is marked fuzzy (to be checked)"
        assert fields(message.string) == fields(english), key
        assert message.string.count("\n") == english.count("\n"), key


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
