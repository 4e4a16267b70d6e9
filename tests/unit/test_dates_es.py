"""Spanish days and answers as typed: weekday names and abbreviations (lun, mar, mié or mie,
jue, vie, sáb or sab, dom, and the whole names) when smcoach speaks Spanish, English names
always; a yes is y, yes, s, si or sí."""

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach import i18n
from smcoach.domain.dates import WEEKDAYS, parse_day, parse_weekdays
from smcoach.domain.problems import parse_yes
from smcoach.domain.round import yes_no
from smcoach.errors import SmcoachError

SPANISH = [
    ("lunes", "lun"),
    ("martes", "mar"),
    ("miércoles", "mié", "miercoles", "mie"),
    ("jueves", "jue"),
    ("viernes", "vie"),
    ("sábado", "sáb", "sabado", "sab"),
    ("domingo", "dom"),
]
ENGLISH = [("monday", "mon"), ("tuesday", "tue", "tues"), ("wednesday", "wed"),
           ("thursday", "thu", "thurs"), ("friday", "fri"), ("saturday", "sat"),
           ("sunday", "sun")]  # fmt: skip


@pytest.mark.parametrize(
    ("typed", "days"),
    [
        ("lun,mié,vie", ("mon", "wed", "fri")),
        ("Lunes miercoles VIERNES", ("mon", "wed", "fri")),
        ("sáb, dom", ("sat", "sun")),
        ("SAB,Mie", ("wed", "sat")),
        ("mon,mié", ("mon", "wed")),  # English always
        ("mie\u0301", ("wed",)),  # the accent typed apart from its letter
    ],
)
def test_spanish_weekdays(typed, days):
    assert parse_weekdays(typed, "es") == days


def test_spanish_names_are_read_only_in_spanish():
    with pytest.raises(SmcoachError):
        parse_weekdays("lun,mié", "en")
    with pytest.raises(SmcoachError):
        parse_weekdays("lun,mier", "es")  # no such abbreviation


@given(
    st.lists(
        st.tuples(st.integers(0, 6), st.booleans(), st.integers(0, 3), st.booleans()),
        min_size=1,
        max_size=10,
    ),  # fmt: skip
    st.sampled_from([",", ", ", " "]),
)
def test_any_mix_of_names_cases_and_separators_reads_as_its_days(picks, separator):
    words = []
    for number, spanish, form, upper in picks:
        names = (SPANISH if spanish else ENGLISH)[number]
        word = names[form % len(names)]
        words.append(word.upper() if upper else word)
    text = separator.join(words)
    assert parse_weekdays(text, "es") == tuple(WEEKDAYS[n] for n in sorted({p[0] for p in picks}))
    decomposed = unicodedata.normalize("NFD", text)
    assert parse_weekdays(decomposed, "es") == parse_weekdays(text, "es")


def test_a_day_by_its_spanish_name_when_smcoach_speaks_spanish():
    monday = date(2026, 11, 30)
    try:
        i18n.use("es")
        assert parse_day("mié", monday) == date(2026, 11, 25)  # the latest, up to today
        assert parse_day("next mié", monday) == date(2026, 12, 2)
        assert parse_day("lunes", monday) == monday
    finally:
        i18n.use("en")
    with pytest.raises(SmcoachError):
        parse_day("mié", monday)


@pytest.mark.parametrize("typed", ["s", "S", "si", "sí", "Sí", "SÍ", "si\u0301", "y", "yes"])
def test_a_spanish_yes(typed):
    assert parse_yes(typed) is True
    assert yes_no(typed) == "yes"


@pytest.mark.parametrize("typed", ["n", "no", "NO"])
def test_a_no(typed):
    assert parse_yes(typed) is False
    assert yes_no(typed) == "no"
