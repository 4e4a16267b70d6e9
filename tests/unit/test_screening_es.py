"""The Spanish safety screening (content/safety/es.toml): the examples named in the issue, the
everyday look-alikes and negations it must leave alone, how the text is normalised, and the
rules the Spanish lists are written by. The lists are measured on tests/corpora/*.es.toml."""

import re
import tomllib
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach import content
from smcoach.domain.screening import CATEGORIES, normalise

ACCENTED = {"á": "a", "é": "e", "í": "i", "ó": "o", "ú": "u", "ü": "u", "ñ": "n"}


def categories(text: str) -> tuple[str, ...]:
    return content.screen("es").categories(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wanting to die, said as people in Spain and Latin America say it
        ("me quiero morir", "crisis"),
        ("tengo ganas de morirme", "crisis"),
        ("quiero matarme", "crisis"),
        ("me voy a quitar la vida", "crisis"),
        ("ya no quiero vivir", "crisis"),
        ("estoy cansada de vivir", "crisis"),
        ("ojalá no despertara mañana", "crisis"),
        ("le pido a Dios que me lleve", "crisis"),
        ("la vida no tiene sentido", "crisis"),
        ("todos estarían mejor sin mí", "crisis"),
        ("soy una carga para mis hijos", "crisis"),
        # hurting themselves
        ("me corto los brazos cuando estoy mal", "crisis"),
        ("tengo ganas de hacerme daño", "crisis"),
        ("me quiero tirar por la ventana", "crisis"),
        # too many pills
        ("me tomé todas las pastillas", "overdose"),
        ("me tragué una caja entera de paracetamol", "overdose"),
        ("estoy juntando pastillas para dormir", "overdose"),
        ("se tomó todas las pastillas de la semana de una vez", "overdose"),
        ("no me importaría no despertar mañana", "crisis"),
        ("el dolor en el pecho se me pasó pero volvió", "urgent"),
        # urgent physical warning signs
        ("tengo un dolor en el pecho que no se va", "urgent"),
        ("no puedo respirar", "urgent"),
        ("tiene la cara caída", "urgent"),
        ("tiene el brazo débil", "urgent"),
        ("habla arrastrada desde esta mañana", "urgent"),
        ("se desmayó en la calle", "urgent"),
        ("sangrado abundante de la herida", "urgent"),
        ("el azúcar muy alta y está confundido", "urgent"),
        ("tiene el azúcar muy baja, está muy adormilada", "urgent"),
    ],
)
def test_the_examples_in_the_issue_call_for_help(text: str, expected: str) -> None:
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        # negations
        "no tengo ganas de morirme",
        "ya no me duele el pecho",
        "no tengo dolor en el pecho",
        "sin dolor de pecho esta semana",
        "nunca he pensado en suicidarme",
        "no tengo pensamientos suicidas",
        # everyday uses
        "me muero de risa",
        "me mata el tráfico",
        "estoy muerta de cansancio",
        "me muero de ganas de ver a mis nietos",
        "me quería morir de vergüenza",
        "me mato a trabajar",
        "casi me da un infarto con la factura",
        "se me cayó la cara de vergüenza",
        "me ahogo de calor en el metro",
        "no puedo con mi vida",
        "no aguanto más el dolor de rodilla",
        "quiero acabar con todo el papeleo",
        "no quiero ser una carga para mis hijos",
        "quiero morirme de viejo en mi casa",
        # decided: an everyday cause stated, nothing else (see content/safety/es.toml)
        "me duele el pecho de tanto reír",
        "me duele el pecho cuando toso",
        # medicines taken as prescribed, history, other meanings
        "tomé todas mis pastillas a su hora",
        "tomarme todas las pastillas de la mañana",
        "tomo las pastillas todas juntas en el desayuno",
        "parar y descansar si siento dolor en el pecho",
        "análisis de sangre en ayunas",
        "me sangran las encías al cepillarme",
        "tuve un desmayo hace años",
        "tengo el brazo izquierdo débil desde la operación",
        "me falta el aire al subir escaleras",
        "se me colgó el celular",
        "me corté el pelo",
        "la enfermera me preguntó si pensaba en suicidarme",
    ],
)
def test_look_alikes_and_negations_do_not(text: str) -> None:
    assert categories(text) == ()


def test_a_negation_only_counts_in_the_same_clause() -> None:
    assert categories("no sé qué hacer, me quiero morir") == ("crisis",)
    assert categories("no aguanto más y me quiero morir") == ("crisis",)
    assert categories("no me quiero morir") == ()


def test_text_typed_without_accents_or_with_separate_accent_marks_reads_the_same() -> None:
    for text in (
        "me desmayé y no respiro bien",
        "quiero quitarme la vida",
        "dolor en el pecho que no se va",
    ):
        plain = "".join(ACCENTED.get(ch, ch) for ch in text)
        decomposed = unicodedata.normalize("NFD", text)
        assert categories(plain) == categories(text) == categories(decomposed) != ()


def test_normalising_leaves_ascii_text_as_it_was() -> None:
    text = "  I Can't   breathe,\u2019 right NOW  "
    assert normalise(text) == " ".join(text.replace("\u2019", "'").lower().split())
    assert normalise("me\u0301dico") == normalise("MÉDICO") == "médico"


def _strings(data: object) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


SPANISH_LISTS = ("safety/es.toml", "coach/es.toml")


@pytest.mark.parametrize("name", SPANISH_LISTS)
def test_every_spanish_pattern_compiles_in_lower_case(name: str) -> None:
    for pattern in _strings(tomllib.loads((Path(content.content_root()) / name).read_text())):
        re.compile(pattern)
        assert not re.search(r"(?<!\\)[A-Z]", pattern), pattern


def _bare_accents(pattern: str) -> list[str]:
    """Accented letters not in a character class with their plain twin ("m[eé]dico" is
    right; "médico" misses "medico", the way many people type it)."""
    bare, i = [], 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            end = i + 1
            while end < len(pattern) and (pattern[end] != "]" or pattern[end - 1] == "\\"):
                end += 1
            members = pattern[i + 1 : end]
            bare += [c for c in members if c in ACCENTED and ACCENTED[c] not in members]
            i = end + 1
            continue
        if ch in ACCENTED:
            bare.append(ch)
        i += 1
    return bare


@pytest.mark.parametrize("name", SPANISH_LISTS)
def test_every_accented_letter_also_accepts_its_plain_twin(name: str) -> None:
    for pattern in _strings(tomllib.loads((Path(content.content_root()) / name).read_text())):
        assert not _bare_accents(pattern), pattern


def test_the_spanish_files_have_the_english_files_shape() -> None:
    root = Path(content.content_root())
    for kind in ("safety", "coach"):
        en = tomllib.loads((root / kind / "en.toml").read_text())
        es = tomllib.loads((root / kind / "es.toml").read_text())
        assert {k: type(v) for k, v in es.items()} == {k: type(v) for k, v in en.items()}
        for section, keys in en.items():
            if isinstance(keys, dict):
                assert set(es[section]) == set(keys), section


@given(st.text(max_size=300))
def test_screening_spanish_never_raises_and_answers_in_order(text: str) -> None:
    found = categories(text)
    assert list(found) == [c for c in CATEGORIES if c in found]
