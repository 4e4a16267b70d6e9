"""Unit and property tests for smcoach.domain.rules: the values a person types."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach.domain.rules import (
    CONFIDENT,
    parse_confidence,
    parse_id,
    parse_times,
    require_text,
)
from smcoach.errors import SmcoachError

# Text near whole numbers: signs, spaces, decimals, non-ASCII digits.
number_like = st.one_of(
    st.text(),
    st.from_regex(r"\A\s*[+-]{0,3}\d{0,4}(\.\d{0,2})?\s*\Z"),
    st.text(alphabet="0123456789+-. _\t٣８²", max_size=8),
)


def test_confident_line_is_seven() -> None:
    assert CONFIDENT == 7


# parse_confidence -----------------------------------------------------------------------------


@pytest.mark.parametrize("n", range(11))
def test_confidence_accepts_0_to_10_as_int_and_text(n: int) -> None:
    assert parse_confidence(n) == n
    assert parse_confidence(str(n)) == n


@pytest.mark.parametrize(
    ("text", "expected"),
    [(" 8 ", 8), ("\t10\n", 10), ("07", 7), ("+8", 8), ("-0", 0), ("0", 0)],
)
def test_confidence_reads_padded_and_signed_whole_numbers(text: str, expected: int) -> None:
    assert parse_confidence(text) == expected


def test_confidence_11_has_the_exact_message() -> None:
    with pytest.raises(SmcoachError) as caught:
        parse_confidence("11")
    assert str(caught.value) == "confidence must be a whole number from 0 to 10, got 11"
    with pytest.raises(SmcoachError) as caught:
        parse_confidence(11)
    assert str(caught.value) == "confidence must be a whole number from 0 to 10, got 11"


@pytest.mark.parametrize(
    "text",
    [
        "11",
        "-1",
        "100",
        "7.5",
        "7.0",
        "seven",
        "",
        "  ",
        "8/10",
        "1e1",
        "٨",
        "８",
        "²",
        "8 9",
        "--5",
        "+-5",
        "-+3",
        "++7",
    ],
)
def test_confidence_refuses_anything_else(text: str) -> None:
    with pytest.raises(SmcoachError) as caught:
        parse_confidence(text)
    assert str(caught.value) == f"confidence must be a whole number from 0 to 10, got {text}"


@pytest.mark.parametrize("n", [-1, 11, -100, 1000])
def test_confidence_refuses_ints_out_of_range(n: int) -> None:
    with pytest.raises(SmcoachError, match=f"got {n}$"):
        parse_confidence(n)


@given(n=st.integers())
def test_confidence_accepted_iff_0_to_10(n: int) -> None:
    for value in (n, str(n)):
        if 0 <= n <= 10:
            assert parse_confidence(value) == n
        else:
            with pytest.raises(SmcoachError):
                parse_confidence(value)


@given(text=number_like)
def test_confidence_on_any_text_returns_0_to_10_or_a_person_error(text: str) -> None:
    try:
        value = parse_confidence(text)
    except SmcoachError as e:
        assert str(e).startswith("confidence must be a whole number from 0 to 10, got ")
    else:
        assert 0 <= value <= 10
        assert value == int(text.strip())


# parse_times --------------------------------------------------------------------------------


@pytest.mark.parametrize("n", range(1, 8))
def test_times_accepts_1_to_7(n: int) -> None:
    assert parse_times(n) == n
    assert parse_times(f" {n} ") == n


@pytest.mark.parametrize("text", ["0", "8", "-1", "3.5", "three", "", "--2"])
def test_times_refuses_others(text: str) -> None:
    with pytest.raises(SmcoachError) as caught:
        parse_times(text)
    assert str(caught.value) == f"--times must be a whole number from 1 to 7, got {text}"


@given(n=st.integers())
def test_times_accepted_iff_1_to_7(n: int) -> None:
    if 1 <= n <= 7:
        assert parse_times(n) == n
        assert parse_times(str(n)) == n
    else:
        with pytest.raises(SmcoachError):
            parse_times(n)
        with pytest.raises(SmcoachError):
            parse_times(str(n))


@given(text=number_like)
def test_times_on_any_text_returns_1_to_7_or_a_person_error(text: str) -> None:
    try:
        value = parse_times(text)
    except SmcoachError:
        return
    assert 1 <= value <= 7


# parse_id -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [("1", 1), (" 42 ", 42), (7, 7), ("0012", 12)])
def test_id_accepts_whole_numbers_from_1(text: str | int, expected: int) -> None:
    assert parse_id(text, "plan") == expected


@pytest.mark.parametrize("text", ["0", "-3", "", "abc", "1.0", "#3", "--1", 0, -5])
def test_id_refuses_others_naming_the_thing(text: str | int) -> None:
    with pytest.raises(SmcoachError) as caught:
        parse_id(text, "agenda")
    assert str(caught.value) == f"agenda item ID must be a whole number from 1 up, got {text}"


def test_id_refuses_a_huge_digit_string_as_a_person_error() -> None:
    # Python's int() refuses strings over 4300 digits with ValueError; a pasted blob of digits
    # must still be a one-line error for the person, not a traceback.
    with pytest.raises(SmcoachError):
        parse_id("9" * 5000, "plan")


@given(text=number_like)
def test_id_on_any_text_returns_a_positive_int_or_a_person_error(text: str) -> None:
    try:
        value = parse_id(text, "goal")
    except SmcoachError as e:
        assert str(e).startswith("goal ID must be a whole number from 1 up, got ")
    else:
        assert value >= 1


# require_text -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "walk",
        "  walk round the park",
        "walk  ",
        "[red]walk[/red]",
        "\\n\\t",
        "\x1b[31mhi",
        "a\tb",
        "café ☕",
        "'; DROP TABLE plans; --",
        "{confidence}",
    ],
)
def test_require_text_keeps_text_exactly(text: str) -> None:
    assert require_text(text, "what you will do") == text


@pytest.mark.parametrize("text", [None, "", " ", "\t\n", "\u00a0", "\u3000 "])
def test_require_text_refuses_blank(text: str | None) -> None:
    with pytest.raises(SmcoachError) as caught:
        require_text(text, "how much")
    assert str(caught.value) == "how much cannot be empty"


@given(text=st.text())
def test_require_text_keeps_or_refuses(text: str) -> None:
    if text.strip():
        assert require_text(text, "when") == text
    else:
        with pytest.raises(SmcoachError, match="^when cannot be empty$"):
            require_text(text, "when")
