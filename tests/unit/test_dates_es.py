"""Spanish days and answers as typed: weekday names and abbreviations (lun, mar, mié or mie,
jue, vie, sáb or sab, dom, and the whole names) when smcoach speaks Spanish, English names
always; a yes is y, yes, s, si or sí."""

import unicodedata
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach import i18n
from smcoach.domain.dates import WEEKDAYS, parse_day, parse_goal_day, parse_weekdays
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


# --- days and goal dates in Spanish words ---------------------------------------------------------

MONDAY = date(2026, 11, 30)


@pytest.fixture
def spanish():
    i18n.use("es")
    yield
    i18n.use("en")


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("hoy", MONDAY),
        ("ayer", date(2026, 11, 29)),
        ("Mañana", date(2026, 12, 1)),
        ("manana", date(2026, 12, 1)),  # typed without the tilde
        ("anteayer", date(2026, 11, 28)),
        ("pasado mañana", date(2026, 12, 2)),
        ("lunes pasado", date(2026, 11, 23)),
        ("el  viernes pasado", date(2026, 11, 27)),
        ("próximo miércoles", date(2026, 12, 2)),
        ("el proximo mie", date(2026, 12, 2)),
        ("el jueves que viene", date(2026, 12, 3)),
        ("este sábado", date(2026, 11, 28)),
        ("mar", date(2026, 11, 24)),  # Tuesday, not March
        ("yesterday", date(2026, 11, 29)),  # English always
        ("last fri", date(2026, 11, 27)),
        ("-2d", date(2026, 11, 28)),
    ],
)
def test_a_day_in_spanish_words(spanish, typed, day):
    assert parse_day(typed, MONDAY) == day


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("finales de marzo", date(2027, 3, 31)),
        ("a fines de febrero", date(2027, 2, 28)),
        ("fin de marzo de 2028", date(2028, 3, 31)),
        ("marzo", date(2027, 3, 31)),
        ("marzo de 2027", date(2027, 3, 31)),
        ("dic 2026", date(2026, 12, 31)),
        ("septiembre", date(2027, 9, 30)),
        ("en 3 meses", date(2027, 2, 28)),
        ("dentro de seis semanas", date(2027, 1, 11)),
        ("en un año", date(2027, 11, 30)),
        ("en 10 dias", date(2026, 12, 10)),
        ("end of march", date(2027, 3, 31)),  # English always
        ("in 3 months", date(2027, 2, 28)),
    ],
)
def test_a_goal_date_in_spanish_words(spanish, typed, day):
    assert parse_goal_day(typed, MONDAY) == day


def test_spanish_words_are_read_only_in_spanish_and_errors_say_the_spanish_forms(spanish):
    with pytest.raises(SmcoachError, match="hoy, ayer, mañana"):
        parse_day("el mes que viene", MONDAY)
    with pytest.raises(SmcoachError, match="finales de marzo"):
        parse_goal_day("cuando pueda", MONDAY)
    with pytest.raises(SmcoachError, match="1 de febrero de 2027 o 2 de enero de 2027"):
        parse_goal_day("01/02/2027", MONDAY)
    i18n.use("en")
    for typed in ("ayer", "lunes pasado"):
        with pytest.raises(SmcoachError):
            parse_day(typed, MONDAY)
    with pytest.raises(SmcoachError):
        parse_goal_day("finales de marzo", MONDAY)


@given(
    st.sampled_from(SPANISH),
    st.integers(0, 3),
    st.sampled_from(["{d} pasado", "el {d} pasado", "próximo {d}", "el {d} que viene"]),
    st.booleans(),
)
def test_any_weekday_before_or_after_reads_as_that_day(names, form, phrase, upper):
    name = names[form % len(names)]
    typed = phrase.format(d=name)
    typed = typed.upper() if upper else typed
    try:
        i18n.use("es")
        day = parse_day(typed, MONDAY)
    finally:
        i18n.use("en")
    assert WEEKDAYS[day.weekday()] == WEEKDAYS[SPANISH.index(names)]
    assert (day < MONDAY) == ("pasado" in phrase) and abs((day - MONDAY).days) <= 7


# --- the words of a choice, in Spanish ----------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "typed", "choice"),
    [
        ("feedback", "hecho", "done"),
        ("feedback", "En parte", "partly"),
        ("feedback", "no hecho", "not"),
        ("feedback", "done", "done"),  # English always
        ("feedback", "h", "done"),  # the start of one choice's words
        ("agreed", "sí", "agreed"),
        ("agreed", "si", "agreed"),
        ("agreed", "cambiar", "change"),
        ("agreed", "dejar", "leave"),
        ("discuss", "rehacer", "rework"),
        ("discuss", "mantener", "keep"),
        ("help_now", "dej", "leave"),
    ],
)
def test_the_group_round_reads_spanish_answers(spanish, key, typed, choice):
    from smcoach.domain.round import Ask, parse

    assert parse(Ask(key), typed) == choice


def test_skip_and_stop_in_spanish_and_the_error_names_the_spanish_words(spanish):
    from smcoach.domain.round import Ask, Skip, Stop, parse

    for typed, control in (("omitir", Skip), ("Parar", Stop), ("skip", Skip), ("stop", Stop)):
        with pytest.raises(control):
            parse(Ask("what"), typed)
    with pytest.raises(
        SmcoachError, match="responda hecho, en parte o no hecho .o omitir, o parar."
    ):
        parse(Ask("feedback"), "quizá")


def test_carry_on_or_start_over_and_the_check_menu_in_spanish(spanish):
    from smcoach.cli.prompts import checkin_options, pick
    from smcoach.cli.session import _resume_choice

    for typed in ("", "seguir", "Seg", "s", "sí", "carry on"):
        assert _resume_choice(typed) == "resume"
    for typed in ("empezar de nuevo", "emp", "n", "no", "over"):
        assert _resume_choice(typed) == "over"
    with pytest.raises(SmcoachError, match="responda 'seguir'"):
        _resume_choice("quizá")
    from smcoach.cli.prompts import yes_no_options
    from smcoach.domain.selfefficacy import SEMCDS, parse_answers

    assert pick("si", yes_no_options()) == "yes"  # with or without its accent
    assert parse_answers("8,omitir,6,skip", SEMCDS) == [8, None, 6, None]
    options = checkin_options()
    assert [label for _, label in options] == ["hecho", "en parte", "no hecho", "día de descanso",
                                               "omitir"]  # fmt: skip
    assert [pick(typed, options) for typed in ("hecho", "no hecho", "dia", "3", "done")] == [
        "done", "not", "rest", "not", "done"]  # fmt: skip


def test_the_weekday_codes_are_the_ones_plans_keep():
    assert i18n.WEEKDAY_CODES == WEEKDAYS


def test_every_form_of_the_spanish_date_words_reads_as_an_english_form_smcoach_reads():
    """content/dates/es.toml: each form uses only the slots smcoach fills, and what it reads
    as is a day or goal date the English parsers read, whatever fills the slots."""
    import re

    from smcoach.content import date_words

    table = date_words("es")
    assert table["phrases"] and table["words"]
    samples = {"day": "mon", "month": "march", "n": "3", "unit": "months", "year": "2028"}
    for form, english in table["phrases"].items():
        slots = set(re.findall(r"{(\w+)}", form))
        assert slots <= set(samples) and set(re.findall(r"{(\w+)}", english)) <= slots, form
        filled = english.format(**samples)
        try:
            parse_day(filled, MONDAY)
        except SmcoachError:
            parse_goal_day(filled, MONDAY)  # raises if neither reads it
    for english in table["words"].values():
        if english.isdigit() or english == "a":  # a number
            assert parse_goal_day(f"in {english} weeks", MONDAY)
        else:  # a unit of time
            assert parse_goal_day(f"in 2 {english.rstrip('s')}s", MONDAY)
    assert date_words("en") == {"phrases": {}, "words": {}}  # English: smcoach's own forms


def test_a_session_stopped_in_spanish_carries_on_in_english(tmp_path):
    """An answer kept in one language that the other cannot read is asked again, offered as it
    was typed: never an error that comes back each time the session is carried on."""
    from smcoach.cli.prompts import AnswersAsker
    from smcoach.cli.session import RecordingAsker
    from smcoach.domain.rules import parse_how_often
    from smcoach.store import Store

    store = Store(str(tmp_path / "a.db"))
    try:
        session = store.start_session("plan", False, MONDAY, "now")
        store.add_session_answer(session.id, "plan.how_often", "lun,mié", "now")
        asker = RecordingAsker(AnswersAsker({"plan": {"how_often": "mon,wed"}}), store, session.id)
        assert asker.ask("plan.how_often", "Which days?", parse_how_often) == (("mon", "wed"), None)
        assert dict(store.session_answers(session.id))["plan.how_often"] == "mon,wed"
    finally:
        store.close()
