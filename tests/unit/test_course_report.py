"""The course report's rules: completers, the self-efficacy change and its pairs, the weeks
covered, the labels of an anonymised export and the replacing of names in free text."""

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach.domain.course import Course, CoursePlan, Participant
from smcoach.domain.course_report import (
    NameReplacer,
    WeekCounts,
    board,
    labels,
    listed,
    planned_days,
    report,
    selfefficacy_change,
    sessions_to_complete,
    weeks_so_far,
)

START = date(2026, 11, 2)  # a Monday
SIX = Course(1, "Tuesday group", START, 6, "2026-11-01T10:00:00+00:00")
AFTER = date(2026, 12, 20)  # the course is over


def people(*names: str) -> list[Participant]:
    return [Participant(n, 1, name, "active", START) for n, name in enumerate(names, 1)]


def plan(pid: int, week: int, days: tuple[str, ...] | None = ("mon", "wed"),
         times: int | None = None) -> CoursePlan:  # fmt: skip
    return CoursePlan(pid, week, "walk", "10 minutes", "after lunch", days, times, 8, 8, "")


# --- completers ---------------------------------------------------------------------------------


def test_completer_boundary_is_four_of_six():
    group = people("Ann", "Bo")
    made = report(SIX, group, set(), {1: 3, 2: 4}, [], {}, AFTER)
    by_name = {f.participant.name: f.completer for f in made.people}
    assert by_name == {"Ann": False, "Bo": True}  # 3 -> no, 4 -> yes
    assert (made.completers, made.sessions_needed) == (1, 4)


def test_never_present_is_not_a_completer():
    made = report(SIX, people("Ann"), set(), {}, [], {}, AFTER)
    assert [(f.attended, f.completer) for f in made.people] == [(0, False)]


@pytest.mark.parametrize(
    ("weeks", "needed"), [(6, 4), (1, 1), (2, 2), (3, 2), (4, 3), (5, 4), (7, 5), (8, 6), (12, 8)]
)
def test_other_lengths_keep_two_thirds_rounded_up(weeks, needed):
    assert sessions_to_complete(weeks) == needed


# --- self-efficacy change -----------------------------------------------------------------------


def test_change_is_over_pairs_only_and_counts_the_unpaired():
    scores = {
        1: {1: 5.0, 6: 7.0},  # +2
        2: {1: 6.0, 6: 7.0},  # +1
        3: {1: 4.0},  # answered only the first: left out, counted
        4: {6: 9.0},  # only the last
        5: {1: None, 6: 8.0},  # first too few answers to score: as if only the last
        6: {3: 5.0},  # a week in between is neither first nor last
    }
    change = selfefficacy_change(SIX, scores)
    assert change.pairs == 2
    assert change.mean_change == pytest.approx(1.5)
    assert (change.mean_first, change.mean_last) == (pytest.approx(5.5), pytest.approx(7.0))
    assert (change.first_only, change.last_only) == (1, 2)
    assert (change.first_week, change.last_week) == (1, 6)


def test_no_pairs_no_change():
    change = selfefficacy_change(SIX, {1: {1: 5.0}})
    assert (change.pairs, change.mean_change, change.first_only) == (0, None, 1)


def test_last_week_follows_the_course_length():
    eight = SIX._replace(weeks=8)
    change = selfefficacy_change(eight, {1: {1: 5.0, 6: 9.0, 8: 6.0}})
    assert (change.pairs, change.mean_change, change.last_week) == (1, pytest.approx(1.0), 8)


def test_a_one_week_course_has_no_change_to_measure():
    one = SIX._replace(weeks=1)
    change = selfefficacy_change(one, {1: {1: 5.0}})
    assert (change.pairs, change.mean_change, change.first_only) == (0, None, 1)


def test_report_leaves_out_scores_of_people_not_listed():
    group = people("Ann", "Bo")
    group[1] = group[1]._replace(status="removed", removed=START)  # removed, no history
    made = report(SIX, group, set(), {}, [], {1: {1: 5.0, 6: 6.0}, 2: {1: 2.0, 6: 9.0}}, AFTER)
    assert (made.selfefficacy.pairs, made.selfefficacy.mean_change) == (1, pytest.approx(1.0))


# --- weeks --------------------------------------------------------------------------------------


def test_weeks_so_far():
    assert weeks_so_far(SIX, date(2026, 11, 16), None) == 3
    assert weeks_so_far(SIX, date(2026, 10, 1), None) == 1  # before it starts
    assert weeks_so_far(SIX, date(2026, 11, 16), 5) == 5  # records ahead of time
    assert weeks_so_far(SIX, AFTER, 9) == 6  # never past the last


def test_week_figures_count_and_share():
    counts = [WeekCounts(1, present=3, absent=1, plans=3, confidence_total=21, low_confidence=1,
                         done=1, partly=1, not_done=0)]  # fmt: skip
    made = report(SIX, people("A", "B", "C", "D", "E"), set(), {}, counts, {}, START)
    (week,) = made.weeks
    assert (week.present, week.absent, week.not_recorded) == (3, 1, 1)
    assert week.average_confidence == pytest.approx(7.0)
    assert week.feedback_given == 2
    assert week.share(week.done) == pytest.approx(0.5)
    assert made.weeks[0].day == START


def test_an_empty_week_has_no_average_and_no_shares():
    made = report(SIX, people("Ann"), set(), {}, [], {}, date(2026, 11, 10))
    assert [(w.week, w.average_confidence, w.share(0)) for w in made.weeks] == [
        (1, None, None),
        (2, None, None),
    ]


def test_not_recorded_leaves_out_those_removed_before_the_session():
    group = people("Ann", "Bo")
    group[1] = group[1]._replace(status="removed", removed=date(2026, 11, 5))
    made = report(SIX, group, {2}, {}, [], {}, date(2026, 11, 10))
    assert [w.not_recorded for w in made.weeks] == [2, 1]


# --- who is listed, and labels ------------------------------------------------------------------


def test_listed_keeps_removed_participants_with_history_only():
    group = people("Ann", "Bo", "Cy")
    group[1] = group[1]._replace(status="removed")
    group[2] = group[2]._replace(status="removed")
    assert [p.name for p in listed(group, {2})] == ["Ann", "Bo"]


def test_labels_follow_the_order_participants_were_added():
    assert labels([7, 3, 12]) == {3: "P01", 7: "P02", 12: "P03"}
    many = labels(range(1, 101))
    assert (many[1], many[99], many[100]) == ("P01", "P99", "P100")


# --- the board and cards ------------------------------------------------------------------------


def test_board_cells_tell_absent_from_nothing_recorded():
    group = people("Ann")
    made = board(SIX, 3, group, set(), {(1, 1): True, (1, 2): False}, {(1, 1): plan(1, 1)})
    cells = made.rows[0].cells
    assert [(c.week, c.present, c.plan is not None) for c in cells] == [
        (1, True, True),
        (2, False, False),
        (3, None, False),
    ]


def test_planned_days_are_the_named_days_of_the_plans_week():
    # week 2 runs Mon 9 to Sun 15 Nov
    assert planned_days(SIX, plan(1, 2, ("wed", "mon"))) == [date(2026, 11, 9), date(2026, 11, 11)]
    assert planned_days(SIX, plan(1, 2, None, 3)) == [None, None, None]


def test_planned_days_of_a_course_not_on_a_monday():
    thursday = SIX._replace(start=date(2026, 11, 5))
    assert planned_days(thursday, plan(1, 1, ("mon", "thu"))) == [
        date(2026, 11, 5),
        date(2026, 11, 9),
    ]


# --- names in free text -------------------------------------------------------------------------

LABELS = {1: "P01", 2: "P02", 3: "P03", 4: "P04"}


def test_names_are_replaced_as_whole_words_in_any_case():
    scrub = NameReplacer({1: "Ann", 2: "Bo", 3: "Ann Marie", 4: "J.B."}, LABELS)
    assert scrub("walk with ANN and bo to Annie's") == "walk with P01 and P02 to Annie's"
    assert scrub("call Ann  Marie, then ann-marie") == "call P03, then P01-marie"
    assert scrub("lunch with J.B. today") == "lunch with P04 today"
    assert scrub("Bob and Bonnie") == "Bob and Bonnie"


def test_a_shared_name_goes_to_the_texts_own_participant():
    scrub = NameReplacer({1: "Sam", 2: "sam"}, LABELS)
    assert scrub("Sam's walk", own=2) == "P02's walk"
    assert scrub("Sam's walk", own=3) == "P01's walk"


def test_names_in_other_alphabets_and_folded_letters():
    scrub = NameReplacer({1: "Zoë", 2: "Straße", 3: "Иван"}, LABELS)
    assert scrub("ZOË, strasse and иван") == "P01, P02 and P03"
    assert scrub("Straße") == "P02"


_NAME = st.text(st.characters(whitelist_categories=("Lu", "Ll")), min_size=1, max_size=8)


@given(
    names=st.lists(_NAME, min_size=1, max_size=4, unique_by=str.casefold),
    words=st.lists(st.one_of(_NAME, st.sampled_from([" ", ", ", "-", "'s "])), max_size=12),
    pick=st.data(),
)
def test_no_name_survives_as_a_whole_word(names, words, pick):
    ids = {n: name for n, name in enumerate(names, 1)}
    scrub = NameReplacer(ids, {n: f"P{n:02d}" for n in ids})
    text = "".join(words)
    for name in names:  # each name somewhere, in some case
        shown = pick.draw(st.sampled_from([name, name.upper(), name.lower(), name.title()]))
        text += f" {shown} "
    out = scrub(text)
    for name in names:
        assert not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", out, re.IGNORECASE), (text, out)
