"""A menu takes its numbers, its keys, and the words it shows (any case, or a unique start)."""

from hypothesis import given
from hypothesis import strategies as st

from smcoach.cli.prompts import pick

OPTIONS = [
    ("agreed", "yes, I have agreed it with them"),
    ("change", "change the plan"),
    ("leave", "leave it for now, and ask them first"),
]


def test_numbers_keys_words_and_unique_starts() -> None:
    assert pick("1", OPTIONS) == "agreed"
    assert pick(" 3 ", OPTIONS) == "leave"
    assert pick("change", OPTIONS) == "change"
    assert pick("Change  The Plan", OPTIONS) == "change"
    assert pick("c", OPTIONS) == "change"
    assert pick("yes", OPTIONS) == "agreed"


def test_what_names_no_single_option_is_refused() -> None:
    two = [("not", "not done"), ("no", "no")]
    assert pick("n", two) is None  # the start of both
    for answer in ("", "0", "4", "maybe", "-1"):
        assert pick(answer, OPTIONS) is None


@given(st.text(max_size=40))
def test_pick_gives_an_option_key_or_none(answer: str) -> None:
    assert pick(answer, OPTIONS) in {None, "agreed", "change", "leave"}


def test_the_resume_question_takes_the_words_it_shows_and_their_starts() -> None:
    import pytest

    from smcoach.cli.prompts import checkin_options
    from smcoach.cli.session import _resume_choice
    from smcoach.errors import SmcoachError

    CHECK_OPTIONS = checkin_options()

    for answer in ("", "c", "carry", "Carry On", "yes"):
        assert _resume_choice(answer) == "resume"
    for answer in ("o", "over", "start over", "START", "s", "no"):  # s: the start of start over
        assert _resume_choice(answer) == "over"
    with pytest.raises(SmcoachError):
        _resume_choice("maybe")
    # the check-in menu as the newcomer typed it
    assert pick("not done", CHECK_OPTIONS) == "not"
    assert pick("Rest Day", CHECK_OPTIONS) == "rest"
    assert pick("keep it", [("keep", "keep it"), ("change", "change it")]) == "keep"


def test_a_first_word_that_is_one_options_key_chooses_it() -> None:
    smaller = [("less", "do less each time"), ("keep", "keep the plan as it is")]
    assert pick("keep it", smaller) == "keep"
    assert pick("Less please", smaller) == "less"
    assert pick("maybe keep", smaller) is None
