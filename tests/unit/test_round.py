"""The round of the room as a state machine (smcoach.domain.round): whose turn, what is asked
next, skip and come back, stop and resume, absent, feedback, the coach, low confidence kept
for the group to discuss, and reworking it. No store: each step's save is applied as the store
would read it back (tests/store/test_courses.py checks the store reads it back the same)."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach import content
from smcoach.domain.course import Course, CoursePlan, Participant
from smcoach.domain.dates import WEEKDAYS
from smcoach.domain.round import (
    SAVE,
    Ask,
    Round,
    RoundSave,
    ScaleRound,
    Seat,
    Skip,
    Stop,
    parse,
    yes_no,
)
from smcoach.domain.rules import parse_how_often
from smcoach.errors import SmcoachError

COURSE = Course(1, "Tuesday group", date(2026, 11, 23), 6, "2026-11-20T10:00:00+00:00")
REVIEW = content.plan_coach().review
WALK = ["y", "walk round the park", "15 minutes", "after lunch", "mon,wed,fri", "8"]


def seats(*names: str, **extra: dict[str, object]) -> list[Seat]:
    people = [Participant(n, 1, name, "active", COURSE.start) for n, name in enumerate(names, 1)]
    return [Seat(p, **extra.get(p.name, {})) for p in people]  # type: ignore[arg-type]


def plan(participant_id: int, week: int, confidence: int = 8, **rest: object) -> CoursePlan:
    values: dict[str, object] = dict(
        participant_id=participant_id, week=week, what="walk", how_much="10 minutes",
        when="after lunch", days=("mon", "wed"), times=None, confidence=confidence,
        first_confidence=confidence, recorded_at="2026-11-16T11:00:00+00:00",
    )  # fmt: skip
    values.update(rest)
    return CoursePlan(**values)  # type: ignore[arg-type]


class Run:
    """Drives a round as the CLI does: each participant's typed answers in turn, Enter as ''."""

    def __init__(self, round_: Round, typed: dict[str, list[str]]):
        self.round, self.typed = round_, {k: list(v) for k, v in typed.items()}
        self.asked: list[tuple[str, str]] = []  # (name, question key), in order
        self.asks: list[Ask] = []
        self.saves: list[RoundSave] = []
        self.stopped = False

    def play(self) -> "Run":
        while (turn := self.round.next_turn()) is not None:
            seat, ask = turn
            name = seat.participant.name
            self.asked.append((name, ask.key))
            self.asks.append(ask)
            value = None
            if ask.key != SAVE:
                text = self.typed[name].pop(0)
                if not text.strip() and ask.default is not None:
                    text = ask.default
                try:
                    value = parse(ask, text)
                except Skip:
                    if (save := self.round.skip(seat)) is not None:
                        self.saves.append(save)
                    continue
                except Stop:
                    self.stopped = True
                    return self
            self.saves.append(self.round.answer(seat, ask, value))
        return self

    def keys(self, name: str) -> list[str]:
        return [key for who, key in self.asked if who == name]

    def saved_plan(self, name: str) -> CoursePlan:
        seat = next(s for s in self.round.seats.values() if s.participant.name == name)
        assert seat.plan is not None, name
        return seat.plan


def new_round(*people: Seat, from_file: bool = False, week: int = 1) -> Round:
    return Round(COURSE, week, people, REVIEW, from_file=from_file)


PLAN_KEYS = ["what", "how_much", "when", "how_often", "confidence", SAVE]


def test_one_at_a_time_in_name_order_and_an_absence_is_recorded_and_done():
    run = Run(new_round(*seats("Cy", "bob", "Ann")), {"Ann": WALK, "bob": ["n"], "Cy": WALK}).play()
    assert [name for name, _ in run.asked] == ["Ann"] * 7 + ["bob"] + ["Cy"] * 7
    assert run.keys("bob") == ["present"]
    absent = next(s for s in run.saves if s.participant_id == 2)
    assert (absent.present, absent.done, absent.plan) == (False, True, None)
    summary = run.round.summary()
    assert (summary.present, summary.absent, summary.complete) == (["Ann", "Cy"], ["bob"], True)
    assert run.round.next_turn() is None


def test_with_no_earlier_plan_there_is_no_feedback_and_the_plan_is_saved_whole():
    run = Run(new_round(*seats("Ann")), {"Ann": WALK}).play()
    assert run.keys("Ann") == ["present", *PLAN_KEYS]
    last = run.saves[-1]
    assert last.plan is not None and last.done
    assert (last.plan.what, last.plan.days, last.plan.times, last.plan.confidence) == (
        "walk round the park", ("mon", "wed", "fri"), None, 8)  # fmt: skip
    assert last.plan.start == COURSE.session_day(1)
    assert (last.first_confidence, last.agreed) == (8, False)
    # every answer was saved as it was given, before the plan
    answered = [s.answers for s in run.saves[1:-1]]
    assert [list(a) for a in answered] == [["what"], ["how_much"], ["when"], ["how_often"],
                                           ["confidence", "first_confidence"]]  # fmt: skip


def test_feedback_on_the_latest_plan_before_this_week_when_it_has_none():
    earlier = {"Ann": {"last_plan": plan(1, 1), "last_attended": 1}}
    run = Run(new_round(*seats("Ann", **earlier), week=2), {"Ann": ["y", "partly", "y", *WALK[1:]]})
    run.play()
    assert run.keys("Ann") == ["present", "feedback", "problem_solving", *PLAN_KEYS]
    feedback = next(s for s in run.saves if s.feedback is not None)
    assert feedback.feedback == (1, "partly", True)
    assert feedback.answers == {"feedback": None}  # the answer kept till then goes with it
    assert run.round.summary().problem_solving == ["Ann"]
    assert run.saves[-1].week == 2


def test_no_feedback_when_absent_or_when_the_latest_plan_has_had_it():
    given = plan(1, 1, feedback="done", wants_problem_solving=False)
    people = seats("Ann", "Bob", Ann={"last_plan": given}, Bob={"last_plan": plan(2, 1)})
    run = Run(new_round(*people, week=3), {"Ann": WALK, "Bob": ["n"]}).play()
    assert run.keys("Ann") == ["present", *PLAN_KEYS]
    assert run.keys("Bob") == ["present"]
    assert all(s.feedback is None for s in run.saves)
    assert run.round.summary().problem_solving == []


def test_a_skipped_participant_comes_back_at_the_end_with_their_answers_kept():
    typed = {"Ann": ["y", "walk round the park", "skip", *WALK[2:]], "Bob": WALK, "Cy": ["n"]}
    run = Run(new_round(*seats("Ann", "Bob", "Cy")), typed).play()
    order = [name for name, _ in run.asked]
    assert order == ["Ann"] * 3 + ["Bob"] * 7 + ["Cy"] + ["Ann"] * 5
    assert run.keys("Ann") == ["present", "what", "how_much", "how_much", "when", "how_often",
                               "confidence", SAVE]  # fmt: skip
    assert run.saved_plan("Ann").what == "walk round the park"  # kept from before the skip
    assert any(s.answers == {"skipped": "yes"} for s in run.saves)  # saved: resuming keeps it
    assert run.round.summary().complete


def test_skipped_again_when_the_round_comes_back_leaves_them_for_this_run():
    typed = {"Ann": ["skip", "skip"], "Bob": WALK}
    run = Run(new_round(*seats("Ann", "Bob")), typed).play()
    assert [name for name, _ in run.asked] == ["Ann"] + ["Bob"] * 7 + ["Ann"]
    summary = run.round.summary()
    assert (summary.skipped, summary.to_come, summary.complete) == (["Ann"], [], False)
    # another run comes back to them, at the end, at the same question
    again = Run(new_round(*run.round.seats.values()), {"Ann": ["y"] + WALK[1:]}).play()
    assert again.keys("Ann") == ["present", *PLAN_KEYS]


def test_stop_ends_the_round_and_running_it_again_carries_on_where_it_stopped():
    typed = {"Ann": ["skip"], "Bob": ["y", "walk", "stop"], "Cy": WALK}
    first = Run(new_round(*seats("Ann", "Bob", "Cy")), typed).play()
    assert first.stopped
    summary = first.round.summary()
    assert (summary.skipped, summary.to_come) == (["Ann"], ["Bob", "Cy"])
    # what the store would give back: Bob present with 'walk'; Ann marked skipped
    saved = list(first.round.seats.values())
    bob = next(s for s in saved if s.participant.name == "Bob")
    assert (bob.present, bob.answers) == (True, {"what": "walk"})
    typed = {"Ann": WALK, "Bob": WALK[2:], "Cy": WALK}
    second = Run(new_round(*saved), typed).play()
    assert second.asked[0] == ("Bob", "how_much")  # where it stopped
    assert [name for name, _ in second.asked] == ["Bob"] * 5 + ["Cy"] * 7 + ["Ann"] * 7
    assert second.saved_plan("Bob").what == "walk"
    assert second.round.summary().complete


def test_confidence_under_7_is_kept_for_the_group_to_discuss_never_refused():
    typed = {"Ann": ["y", "walk round the park", "15 minutes", "after lunch", "mon,wed", "5", ""]}
    run = Run(new_round(*seats("Ann")), typed).play()
    assert run.keys("Ann") == ["present", "what", "how_much", "when", "how_often", "confidence",
                               "discuss", SAVE]  # fmt: skip
    discuss = next(a for a in run.asks if a.key == "discuss")
    assert discuss.default == "keep" and discuss.findings[0].code == "low_confidence"
    assert run.saves[-2].answers == {"discuss": "keep"}
    kept = run.saved_plan("Ann")
    assert (kept.confidence, kept.first_confidence) == (5, 5)
    summary = run.round.summary()
    assert [(name, p.confidence) for name, p in summary.discuss] == [("Ann", 5)]


def test_reworking_asks_how_much_how_often_and_confidence_again_and_keeps_the_first():
    typed = {"Ann": ["y", "walk round the park", "30 minutes", "after lunch", "mon,wed,fri", "5",
                     "rework", "10 minutes", "2", "8"]}  # fmt: skip
    run = Run(new_round(*seats("Ann")), typed).play()
    assert run.keys("Ann")[-5:] == ["discuss", "how_much", "how_often", "confidence", SAVE]
    again = [a for a in run.asks if a.again]
    assert [(a.key, a.default) for a in again] == [
        ("how_much", "30 minutes"), ("how_often", "mon,wed,fri"), ("confidence", "5")]  # fmt: skip
    reworked = run.saved_plan("Ann")
    assert (reworked.how_much, reworked.days, reworked.times) == ("10 minutes", None, 2)
    assert (reworked.confidence, reworked.first_confidence) == (8, 5)
    assert run.round.summary().discuss == []


def test_reworked_and_still_under_7_is_offered_again_and_can_be_kept():
    typed = {"Ann": ["y", "walk round the park", "30 minutes", "after lunch", "mon,wed", "4",
                     "rework", "", "", "6", "keep"]}  # fmt: skip
    run = Run(new_round(*seats("Ann")), typed).play()
    assert run.keys("Ann").count("discuss") == 2
    assert (run.saved_plan("Ann").confidence, run.saved_plan("Ann").first_confidence) == (6, 4)


def test_reworking_daily_care_asks_for_another_time_never_less():
    typed = {"Ann": ["y", "take my tablets as prescribed", "one", "after breakfast", "mon,tue",
                     "4", "rework", "with my tea", "8"]}  # fmt: skip
    run = Run(new_round(*seats("Ann")), typed).play()
    discuss = next(a for a in run.asks if a.key == "discuss")
    assert discuss.findings[0].code == "low_confidence_care"
    assert run.keys("Ann")[-4:] == ["discuss", "when", "confidence", SAVE]
    assert run.saved_plan("Ann").when == "with my tea"


def test_a_medicine_change_is_saved_once_agreed_with_a_professional():
    plan_typed = ["y", "stop my statins", "one tablet", "at night", "mon,wed,fri", "8"]
    run = Run(new_round(*seats("Ann")), {"Ann": [*plan_typed, "yes", ""]}).play()
    agreed = next(a for a in run.asks if a.key == "agreed")
    assert agreed.field == "what" and any(f.kind == "safety" for f in agreed.findings)
    # then, as for a person's own plan, the 'stopping' wording is asked about once
    assert run.keys("Ann")[-3:] == ["agreed", "what", SAVE] and run.asks[-2].again
    assert run.saves[-1].agreed and run.saved_plan("Ann").agreed_with_professional


def test_a_plan_left_to_agree_first_is_not_saved_and_comes_back_next_run():
    plan_typed = ["y", "stop my statins", "one tablet", "at night", "mon,wed,fri", "8"]
    run = Run(new_round(*seats("Ann", "Bob")), {"Ann": [*plan_typed, "leave"], "Bob": ["n"]})
    run.play()
    assert [name for name, _ in run.asked][-1] == "Bob"  # not asked again in this run
    assert run.round.summary().skipped == ["Ann"]
    again = Run(new_round(*run.round.seats.values()), {"Ann": ["change", "walk to the shop", "8"]})
    again.play()
    assert again.keys("Ann") == ["agreed", "what", "confidence", SAVE]
    assert next(a for a in again.asks if a.key == "what").default == "stop my statins"
    assert again.saved_plan("Ann").what == "walk to the shop"


def test_words_that_call_for_help_now_are_caught_as_given_and_asked_afresh():
    typed = {"Ann": ["y", "take all my sleeping tablets", "change", "sit in the garden",
                     "10 minutes", "after lunch", "1", "9"]}  # fmt: skip
    run = Run(new_round(*seats("Ann")), typed).play()
    assert run.keys("Ann") == ["present", "what", "help_now", *PLAN_KEYS]
    help_now = run.asks[2]
    assert [f.code for f in help_now.findings] == ["help_now"] and help_now.default is None
    fresh = run.asks[3]
    assert (fresh.key, fresh.default, fresh.again) == ("what", None, False)  # never offered back
    change = next(s for s in run.saves if "held.what" in s.answers)
    assert change.answers["held.what"] == "take all my sleeping tablets"  # kept, as typed
    assert run.saved_plan("Ann").what == "sit in the garden"


def test_what_is_kept_from_before_never_shows_words_that_call_for_help():
    """Stopped at the help-now question, the round carries on showing the plan's other parts
    answered so far, never those words (they are not read out to the room again)."""
    typed = {"Ann": ["y", "walk", "10 minutes", "when the crushing chest pain stops", "stop"]}
    run = Run(new_round(*seats("Ann")), typed).play()
    seat = next(iter(run.round.seats.values()))
    assert run.asked[-1] == ("Ann", "help_now") and "when" in seat.answers
    carried_on = new_round(seat)
    assert carried_on.kept(seat) == [("what", "walk"), ("how_much", "10 minutes")]
    whole = seat._replace(answers={"what": "walk", "how_much": "10 minutes", "when": "noon",
                                   "how_often": "2", "confidence": "8"})  # fmt: skip
    assert [part for part, _ in carried_on.kept(whole)] == ["what", "how_much", "when",
                                                          "how_often", "confidence"]  # fmt: skip


def test_help_now_words_in_any_part_are_caught_and_a_whole_plan_asks_its_confidence_again():
    typed = {"Ann": ["y", "walk", "10 minutes", "when the crushing chest pain stops", "change",
                     "after lunch", "2", "8"]}  # fmt: skip
    run = Run(new_round(*seats("Ann")), typed).play()
    assert run.keys("Ann") == ["present", "what", "how_much", "when", "help_now", "when",
                               "how_often", "confidence", SAVE]  # fmt: skip
    assert run.saved_plan("Ann").when == "after lunch"
    # the words come up when a whole plan's part is asked again
    typed = {"Ann": ["y", "try to walk", "10 minutes", "after lunch", "2", "8",
                     "take all my sleeping tablets", "change", "walk", "9"]}  # fmt: skip
    run = Run(new_round(*seats("Ann")), typed).play()
    assert run.keys("Ann")[6:] == ["what", "help_now", "what", "confidence", SAVE]
    assert (run.saved_plan("Ann").what, run.saved_plan("Ann").confidence) == ("walk", 9)


def test_a_part_the_coach_questions_is_asked_once_more_and_enter_keeps_it():
    typed = {"Ann": ["y", "try to walk more", "some", "after lunch", "mon,wed", "8", "", ""]}
    run = Run(new_round(*seats("Ann")), typed).play()
    again = [a for a in run.asks if a.again]
    assert {a.key for a in again} == {"what", "how_much"}
    assert all(a.default in ("try to walk more", "some") for a in again)
    assert run.keys("Ann")[-1] == SAVE
    assert run.saved_plan("Ann").what == "try to walk more"  # kept: the coach never refuses


def test_from_an_answers_file_the_plan_is_taken_as_written():
    typed = {"Ann": ["y", "try to walk more", "some", "after lunch", "mon,wed", "5"]}
    run = Run(new_round(*seats("Ann"), from_file=True), typed).play()
    assert run.keys("Ann") == ["present", *PLAN_KEYS]
    save = run.asks[-1]
    assert {f.code for f in save.findings} >= {"hedge", "vague_amount"}  # shown, not asked
    assert run.saved_plan("Ann").confidence == 5
    assert run.round.summary().discuss[0][0] == "Ann"


def test_only_those_an_answers_file_names_are_asked():
    people = seats("Ann", "Bob")
    round_ = Round(COURSE, 1, people, REVIEW, from_file=True, only={2})
    run = Run(round_, {"Bob": ["n"]}).play()
    assert run.asked == [("Bob", "present")]
    assert round_.summary().to_come == ["Ann"]


def test_answers_are_read_strictly_and_skip_and_stop_work_at_any_question():
    assert [yes_no(a) for a in ("y", "YES", " n ", "no")] == ["yes", "yes", "no", "no"]
    assert parse(Ask("feedback"), "p") == "partly"
    assert parse(Ask("feedback"), "not done") == "not"
    assert parse(Ask("confidence"), " 7 ") == "7"
    assert parse(Ask("how_often"), " 3 ") == "3"
    assert parse_how_often("mon, fri") == (("mon", "fri"), None)
    assert parse(Ask("discuss"), "r") == "rework"
    for ask in (Ask("present"), Ask("what"), Ask("confidence"), Ask("agreed")):
        with pytest.raises(Skip):
            parse(ask, " Skip ")
        with pytest.raises(Stop):
            parse(ask, "STOP")
    for ask, text in [(Ask("present"), "maybe"), (Ask("feedback"), "well"),
                      (Ask("confidence"), "11"), (Ask("how_often"), "8"),
                      (Ask("how_often"), "often"), (Ask("what"), "  ")]:  # fmt: skip
        with pytest.raises(SmcoachError):
            parse(ask, text)


@given(st.integers(1, 7), st.sets(st.sampled_from(WEEKDAYS), min_size=1), st.randoms())
def test_how_often_is_read_as_a_persons_plan_reads_it(times, days, rng):
    """The round and `smcoach plan` share one reading (domain.rules.parse_how_often): a number
    is so many times this week, on any days; names are those days, in week order."""
    assert parse_how_often(f" {times} ") == (None, times)
    typed = list(days)
    rng.shuffle(typed)
    assert parse_how_often(", ".join(typed)) == (tuple(d for d in WEEKDAYS if d in days), None)
    assert parse(Ask("how_often"), ",".join(typed)) == ",".join(typed)  # kept as typed


@pytest.mark.parametrize("text", ["0", "8", "often", "mon,funday", " "])
def test_how_often_out_of_range_is_one_line(text):
    with pytest.raises(SmcoachError) as error:
        parse_how_often(text)
    assert "\n" not in str(error.value)


def test_the_scale_round_comes_back_once_to_those_who_said_later_and_stop_ends_it():
    ann, bob, cy, dee = (s.participant for s in seats("Ann", "Bob", "Cy", "Dee"))
    turns = ScaleRound([ann, bob, cy, dee])
    said = []
    for choice in ("later", "now", "later", "now"):  # Ann, Bob, Cy, Dee
        said.append((turns.next(), turns.took(choice)))
    assert said[-1] == (dee, [ann, cy])  # the round comes back to them, once
    assert turns.next() == ann
    assert turns.took("later") == [] and turns.took("now") == []  # Ann later again, Cy now
    assert turns.next() is None and turns.later == [ann]  # not asked: said at the end
    turns = ScaleRound([ann, bob, cy])
    turns.took("later")
    assert turns.took("stop") == [] and turns.next() is None
    assert turns.later == [bob, cy, ann]  # everyone not asked yet
