"""Unit and property tests for smcoach.domain.symptoms: names, ratings and NAME=N."""

import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach.domain.symptoms import (
    Symptom,
    find,
    normalise,
    parse_name,
    parse_optional_rating,
    parse_rate,
    parse_rates,
    parse_rating,
)
from smcoach.errors import SmcoachError

DAY = date(2026, 11, 23)

# Any name smcoach accepts: something besides spaces, and no '='.
valid_names = st.text(min_size=1).filter(lambda s: bool(s.strip()) and "=" not in s)
spaces = st.sampled_from(["", " ", "  ", "\t", " \t "])


# parse_rate -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("fatigue=6", ("fatigue", 6)),
        ("Pain=0", ("Pain", 0)),
        ("mood=10", ("mood", 10)),
        (" fatigue = 6 ", ("fatigue", 6)),
        ("shortness of breath=3", ("shortness of breath", 3)),
        ("shortness of breath\t=\t3", ("shortness of breath", 3)),
        ("pain=07", ("pain", 7)),
        ("sleep (hours lost)=2", ("sleep (hours lost)", 2)),
        ("douleur à l'épaule=4", ("douleur à l'épaule", 4)),
    ],
)
def test_rate_reads_name_and_whole_number(text: str, expected: tuple[str, int]) -> None:
    assert parse_rate(text) == expected


@pytest.mark.parametrize(
    "text", ["fatigue", "fatigue=", "=6", " = 6", "fatigue = ", "", "   ", "=", "6"]
)
def test_rate_without_name_or_value_is_a_format_error(text: str) -> None:
    with pytest.raises(SmcoachError) as caught:
        parse_rate(text)
    assert str(caught.value) == (
        f"'{text}' is not a rating: use NAME=N with N a whole number from 0 to 10, "
        "such as --rate fatigue=6"
    )


@pytest.mark.parametrize(
    ("text", "got"),
    [
        ("pain=11", "11"),
        ("pain=-1", "-1"),
        ("pain=+3", "+3"),
        ("pain=3.5", "3.5"),
        ("pain=3.0", "3.0"),
        ("pain=010", "010"),
        ("pain=1e1", "1e1"),
        ("pain=٣", "٣"),  # an Arabic-Indic three: only ASCII digits
        ("pain=３", "３"),  # a fullwidth three
        ("pain=²", "²"),
        ("pain=six", "six"),
        ("pain=3=4", "3=4"),
        ("pain=3 4", "3 4"),
        ("pain=100000000000000000000000", "100000000000000000000000"),
    ],
)
def test_rate_outside_0_to_10_or_not_whole_is_refused(text: str, got: str) -> None:
    with pytest.raises(SmcoachError) as caught:
        parse_rate(text)
    assert str(caught.value) == f"a rating must be a whole number from 0 to 10, got {got}"


@given(valid_names, st.integers(0, 10), spaces, spaces)
def test_any_valid_name_and_rating_round_trip(name: str, n: int, before: str, after: str) -> None:
    assert parse_rate(f"{name}{before}={after}{n}") == (name.strip(), n)


@given(st.one_of(st.text(), st.from_regex(r"\A[^=]{0,8}=\s*[-+]?[0-9]{0,3}(\.[0-9])?\s*\Z")))
def test_any_text_gives_a_rating_or_an_smcoach_error(text: str) -> None:
    try:
        name, rating = parse_rate(text)
    except SmcoachError:
        pass
    else:
        assert name and name == name.strip() and "=" not in name
        assert 0 <= rating <= 10


# parse_rating, parse_name ---------------------------------------------------------------------


@pytest.mark.parametrize("n", range(11))
def test_rating_accepts_0_to_10(n: int) -> None:
    assert parse_rating(str(n)) == n
    assert parse_rating(f" {n}\n") == n


def test_optional_rating_is_none_for_an_empty_answer() -> None:
    assert parse_optional_rating("") is None
    assert parse_optional_rating("   ") is None
    assert parse_optional_rating("4") == 4
    with pytest.raises(SmcoachError, match="got 11"):
        parse_optional_rating("11")


@given(st.text())
def test_rating_of_any_text_is_0_to_10_or_an_smcoach_error(text: str) -> None:
    with contextlib.suppress(SmcoachError):
        assert 0 <= parse_rating(text) <= 10


def test_name_is_kept_as_typed_without_surrounding_spaces() -> None:
    assert parse_name("  Shortness of  Breath ") == "Shortness of  Breath"
    with pytest.raises(SmcoachError, match="^a symptom's name cannot be empty$"):
        parse_name(" \t")
    with pytest.raises(SmcoachError, match="cannot contain '='"):
        parse_name("a=b")


# matching -------------------------------------------------------------------------------------


def test_names_match_whatever_the_case_and_spacing() -> None:
    assert normalise("Shortness of  BREATH ") == normalise("shortness of breath")
    assert normalise("Straße") == normalise("STRASSE")  # full case folding, not just ASCII
    assert normalise("pain") != normalise("pains")
    listed = [Symptom(1, "Fatigue", "active", DAY), Symptom(2, "low mood", "active", DAY)]
    assert find(listed, "FATIGUE") == listed[0]
    assert find(listed, "Low  Mood") == listed[1]
    assert find(listed, "pain") is None


def test_rates_of_one_command_name_each_symptom_once() -> None:
    assert parse_rates(["fatigue=6", "pain = 3"]) == [("fatigue", 6), ("pain", 3)]
    assert parse_rates([]) == []
    with pytest.raises(SmcoachError) as caught:
        parse_rates(["fatigue=6", "pain=3", "FATIGUE=2"])
    assert str(caught.value) == "'FATIGUE' is rated twice: give each symptom one rating a day"
