"""The self-efficacy scale (SEMCD-6): scoring, reading answers, when to suggest it, its content."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach.content import scale
from smcoach.domain import selfefficacy
from smcoach.domain.selfefficacy import (
    FORM,
    ITEMS,
    Selfcheck,
    format_answers,
    parse_answer,
    parse_answers,
    score,
    selfcheck_due,
)
from smcoach.errors import SmcoachError

DAY = date(2026, 11, 23)

answer = st.integers(min_value=1, max_value=10)
maybe_answer = st.one_of(st.none(), answer)
six = st.lists(maybe_answer, min_size=ITEMS, max_size=ITEMS)


# score ----------------------------------------------------------------------------------------


def test_score_is_the_mean_of_the_answered_items() -> None:
    assert score([8, 7, 6, 9, 6, 7]) == pytest.approx(43 / 6)
    assert score([8, 7, None, 9, 6, 7]) == pytest.approx(37 / 5)
    assert score([10, None, None, 10, 10, 10]) == 10
    assert score([1] * 6) == 1


def test_not_scored_when_more_than_two_are_missing() -> None:
    assert score([5, None, None, 5, 5, 5]) == 5  # two missing: still scored
    assert score([5, None, None, None, 5, 5]) is None
    assert score([None] * 6) is None


@pytest.mark.parametrize(
    "answers",
    [
        [0, 5, 5, 5, 5, 5],
        [5, 5, 5, 5, 5, 11],
        [5, -1, 5, 5, 5, 5],
        [5, 5, True, 5, 5, 5],
        [5, 5, 5, 5, 5],
        [5, 5, 5, 5, 5, 5, 5],
    ],
)
def test_score_refuses_answers_out_of_range_or_the_wrong_number(answers: list) -> None:
    with pytest.raises(SmcoachError):
        score(answers)


@given(six)
def test_score_is_the_mean_of_answered_or_none_iff_more_than_two_missing(
    answers: list[int | None],
) -> None:
    given_ = [a for a in answers if a is not None]
    result = score(answers)
    missing = ITEMS - len(given_)
    assert (result is None) == (missing > 2)
    if result is not None:
        assert result == pytest.approx(sum(given_) / len(given_))
        assert 1 <= result <= 10
        assert min(given_) <= result <= max(given_)


@given(six, st.integers(min_value=0, max_value=ITEMS - 1))
def test_score_does_not_depend_on_which_items_were_answered(
    answers: list[int | None], shift: int
) -> None:
    first, moved = score(answers), score(answers[shift:] + answers[:shift])
    assert (first is None) == (moved is None)
    if first is not None:
        assert moved == pytest.approx(first)


# reading answers --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1", 1), ("10", 10), (" 7 ", 7), ("", None), ("  ", None), ("skip", None), ("SKIP", None)],
)
def test_parse_answer(text: str, expected: int | None) -> None:
    assert parse_answer(text) == expected


@pytest.mark.parametrize("text", ["0", "11", "-1", "7.5", "seven", "1 0", "٣", "+5"])
def test_parse_answer_refuses_anything_else(text: str) -> None:
    with pytest.raises(SmcoachError, match="whole number from 1"):
        parse_answer(text)


def test_parse_answers() -> None:
    assert parse_answers("8,7,skip,9,6,7") == [8, 7, None, 9, 6, 7]
    assert parse_answers(" 8 , 7,SKIP,9 ,6, 10") == [8, 7, None, 9, 6, 10]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("8,7,skip,9,6", "takes 6 answers separated by commas.*got 5"),
        ("8,7,skip,9,6,7,7", "got 7"),
        ("", "got 1"),
        ("11,7,skip,9,6,7", "answer 1 is '11'"),
        ("8,7,skip,9,6,0", "answer 6 is '0'"),
        ("8,,skip,9,6,7", "answer 2 is empty"),
        ("8;7;skip;9;6;7", "got 1"),
    ],
)
def test_parse_answers_refuses_with_one_line(text: str, message: str) -> None:
    with pytest.raises(SmcoachError, match=message) as e:
        parse_answers(text)
    assert "\n" not in str(e.value)
    assert "nothing was saved" in str(e.value)


@given(st.lists(answer, min_size=ITEMS, max_size=ITEMS))
def test_any_six_answers_round_trip_through_the_parser(answers: list[int]) -> None:
    text = ",".join(str(a) for a in answers)
    assert parse_answers(text) == answers


@given(six)
def test_answers_with_skips_round_trip_through_the_parser(answers: list[int | None]) -> None:
    assert parse_answers(format_answers(answers)) == answers


def test_a_selfcheck_counts_its_answers() -> None:
    check = Selfcheck(1, DAY, FORM, None, (1, None, None, None, 2, 3), "now")
    assert check.answered == 3


# when to suggest it -----------------------------------------------------------------------------


def test_due_when_never_taken() -> None:
    assert selfcheck_due(DAY, None, None)


def test_not_due_right_after_the_first() -> None:
    assert not selfcheck_due(DAY, DAY, DAY)
    assert not selfcheck_due(DAY + timedelta(days=41), DAY, DAY)


def test_due_six_weeks_after_the_first() -> None:
    assert selfcheck_due(DAY + timedelta(days=42), DAY, DAY)
    assert selfcheck_due(DAY + timedelta(days=60), DAY, DAY)


def test_the_six_week_check_is_suggested_only_once() -> None:
    six_weeks = DAY + timedelta(days=42)
    assert not selfcheck_due(six_weeks, DAY, six_weeks)
    assert not selfcheck_due(six_weeks + timedelta(days=90), DAY, six_weeks)
    assert selfcheck_due(six_weeks + timedelta(days=91), DAY, six_weeks)


def test_a_retake_before_six_weeks_does_not_put_off_the_six_week_check() -> None:
    assert selfcheck_due(DAY + timedelta(days=42), DAY, DAY + timedelta(days=10))


def test_then_every_three_months_after_the_latest() -> None:
    last = DAY + timedelta(days=200)
    assert not selfcheck_due(last + timedelta(days=90), DAY, last)
    assert selfcheck_due(last + timedelta(days=91), DAY, last)


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))


@given(days, st.integers(min_value=0, max_value=1000), st.integers(min_value=0, max_value=1000))
def test_due_properties(first: date, since_first: int, since_last: int) -> None:
    last = first + timedelta(days=since_first)
    today = last + timedelta(days=since_last)
    due = selfcheck_due(today, first, last)
    if since_last == 0:
        assert not due  # just taken
    if since_last >= 91:
        assert due  # never more than three months without a suggestion
    if due:  # once due, it stays due until taken
        assert selfcheck_due(today + timedelta(days=1), first, last)


# the published scale, in content/ ---------------------------------------------------------------


def test_the_scale_loads_as_published() -> None:
    semcd6 = scale("semcd6")
    assert semcd6["form"] == FORM == "SEMCD-6"
    assert len(semcd6["items"]) == ITEMS == selfefficacy.FORM_ITEMS[FORM]
    assert semcd6["stem"] == "How confident are you that you can"
    assert semcd6["items"][0] == (
        "keep the fatigue caused by your disease from interfering with the things you want to do?"
    )
    assert semcd6["items"][5] == (
        "do things other than just taking medication to reduce how much your illness affects "
        "your everyday life?"
    )
    assert semcd6["anchors"] == {
        "low": 1,
        "low_label": "not at all confident",
        "high": 10,
        "high_label": "totally confident",
    }
    assert semcd6["citation"].startswith("Lorig KR, Sobel DS, Ritter PL, Laurent D, Hobbs M.")
    assert "Effective Clinical Practice 2001;4:256-262" in semcd6["citation"]
    assert semcd6["short_citation"] == "Lorig et al. 2001"
    assert "free to use without permission" in semcd6["permission"]
    assert semcd6["scoring"]["most_missing"] == selfefficacy.MOST_MISSING


def test_a_service_folder_does_not_override_the_scale(tmp_path, monkeypatch) -> None:
    (tmp_path / "scales").mkdir()
    (tmp_path / "scales" / "semcd6.en.toml").write_text('form = "mine"\n', "utf-8")
    monkeypatch.setenv("SMCOACH_CONTENT", str(tmp_path))
    assert scale("semcd6")["form"] == FORM


def test_an_unknown_scale_is_one_line() -> None:
    with pytest.raises(SmcoachError, match="cannot read the scale file"):
        scale("nonesuch")


# a four-item form: the Spanish SEMCD-S, scored by the rule its scale file states ------------

SEMCDS = selfefficacy.Rule("SEMCD-S", 4, 2)


def test_a_four_item_form_scores_the_mean_of_its_answers() -> None:
    assert score([8, 7, 6, 9], SEMCDS) == pytest.approx(30 / 4)
    assert score([8, None, 6, 9], SEMCDS) == pytest.approx(23 / 3)  # one missing
    assert score([8, None, None, 9], SEMCDS) == pytest.approx(8.5)  # two: still scored


def test_a_four_item_form_is_not_scored_with_too_many_missing() -> None:
    assert score([8, None, None, None], SEMCDS) is None
    assert score([None] * 4, SEMCDS) is None
    assert score([None] * 4, selfefficacy.Rule("SEMCD-S", 4, 4)) is None  # never a mean of none


@pytest.mark.parametrize("answers", [[5] * 6, [5] * 3, [5, 5, 11, 5], [5, 0, 5, 5]])
def test_a_four_item_form_refuses_the_wrong_number_or_range(answers: list) -> None:
    with pytest.raises(SmcoachError):
        score(answers, SEMCDS)


def test_the_rule_comes_from_the_scale_file() -> None:
    assert selfefficacy.rule_of(scale("semcd6")) == selfefficacy.SEMCD6
    assert selfefficacy.rule_of(scale("semcds", "es")) == SEMCDS


def test_parse_answers_for_a_four_item_form() -> None:
    assert parse_answers("8,skip,6,9", selfefficacy.SEMCDS) == [8, None, 6, 9]
    with pytest.raises(SmcoachError, match="got 6"):
        parse_answers("8,7,skip,9,6,7", selfefficacy.SEMCDS)


def test_each_language_is_asked_its_own_published_form() -> None:
    assert selfefficacy.form_for("en") == selfefficacy.SEMCD6
    assert selfefficacy.form_for("es") == selfefficacy.SEMCDS
    assert selfefficacy.form_for("fr") == selfefficacy.SEMCD6  # none published: English
    for rule in selfefficacy.RULES.values():  # each form's file says the same rule
        assert selfefficacy.rule_of(scale(*selfefficacy.SCALE_FILES[rule.form])) == rule
    assert selfefficacy.example_answers(selfefficacy.SEMCDS) == "8,7,skip,9"
    assert selfefficacy.example_answers(selfefficacy.SEMCD6) == "8,7,skip,9,6,7"


def test_trends_show_the_languages_form_else_the_latest_checks() -> None:
    shown = selfefficacy.shown_form
    assert shown({"SEMCD-S": 1, "SEMCD-6": 5}, "en") == "SEMCD-6"  # one Spanish check aside
    assert shown({"SEMCD-S": 1, "SEMCD-6": 5}, "es") == "SEMCD-S"
    assert shown({"SEMCD-6": 5}, "es") == "SEMCD-6"  # none yet on the Spanish scale
    assert shown({"SEMCD-X": 1, "SEMCD-6": 5}, "es") == "SEMCD-X"  # the latest's
    assert shown({}, "es") == "SEMCD-S" and shown({}, "en") == "SEMCD-6"
