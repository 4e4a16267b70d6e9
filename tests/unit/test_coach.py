"""Unit and property tests for smcoach.domain.coach: findings on a draft action plan."""

import inspect
import re
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach import content
from smcoach.domain import coach
from smcoach.domain.coach import Ask, Finding, is_confident, next_ask
from smcoach.domain.dates import WEEKDAYS
from smcoach.domain.models import PlanDraft
from smcoach.domain.screening import normalise
from smcoach.messages import TEXT, t

ALL_CODES = {
    "help_now",
    "low_confidence_care",
    "not_wanted",
    "vague_amount",
    "vague_time",
    "goal_target",
    "medicines",
    "food",
    "exercise",
    "outcome",
    "avoidance",
    "hedge",
    "every_day",
    "low_confidence",
    "several_plans",
}


def draft(**changes: Any) -> PlanDraft:
    """A good plan, with the given parts changed."""
    values: dict[str, Any] = {
        "what": "walk round the park",
        "how_much": "15 minutes",
        "when": "after lunch",
        "days": ("mon", "wed", "fri"),
        "times": None,
        "confidence": 8,
        "start": date(2026, 11, 23),
    }
    values.update(changes)
    return PlanDraft(**values)


def review(d: PlanDraft, other_active_plans: int = 0) -> list[Finding]:
    return content.plan_coach().review(d, other_active_plans)


def codes(d: PlanDraft, others: int = 0) -> list[str]:
    return [f.code for f in review(d, others)]


def finding(d: PlanDraft, code: str, others: int = 0) -> Finding:
    matches = [f for f in review(d, others) if f.code == code]
    assert len(matches) == 1, review(d, others)
    return matches[0]


# a good plan --------------------------------------------------------------------------------


def test_a_good_plan_gets_no_findings() -> None:
    assert review(draft()) == []
    assert review(draft(days=None, times=3)) == []
    assert review(draft(what="swim two lengths", how_much="two lengths", when="saturday")) == []


# outcome ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "what",
    [
        "lose 5 pounds",
        "lower my blood pressure",
        "feel better",
        "get fitter",
        "Lose weight",
        "lose 2kg",
        "bring down my cholesterol",
        "reduce my HbA1c",
        "weigh less",
        "be healthier",
        "improve my blood sugar",
    ],
)
def test_outcomes_are_not_actions(what: str) -> None:
    assert finding(draft(what=what), "outcome") == Finding("outcome", "rethink", "what")


@pytest.mark.parametrize(
    "what",
    [
        "check my blood pressure twice a week",
        "lift weights",
        "weigh myself on monday",
        "cook a meal with vegetables",
        "walk to the shops",
    ],
)
def test_actions_mentioning_measurements_are_not_outcomes(what: str) -> None:
    assert "outcome" not in codes(draft(what=what))


def test_outcome_is_read_in_every_part_and_names_it() -> None:
    assert finding(draft(how_much="until I feel better"), "outcome").field == "how_much"
    assert finding(draft(when="so I sleep better"), "outcome").field == "when"


@pytest.mark.parametrize(
    "what",
    [
        "walk to the shop to lose weight",
        "do my stretches so my back hurts less",
        "go to bed by 10.30 so I sleep better",
        "swim twice a week for my mood",
    ],
)
def test_an_action_can_carry_a_result(what: str) -> None:
    assert "outcome" not in codes(draft(what=what))


@pytest.mark.parametrize("what", ["try to lose weight", "want to feel better", "need to lose 5kg"])
def test_wanting_a_result_is_still_an_outcome(what: str) -> None:
    assert "outcome" in codes(draft(what=what))


# hedge --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "what",
    [
        "try to walk",
        "I should walk",
        "maybe swim",
        "hope to cook",
        "I'll try walking",
        "walk if I can",
        "perhaps garden",
        "hopefully walk",
        "aim to walk",
        "try and walk",
    ],
)
def test_hedges_are_found(what: str) -> None:
    assert finding(draft(what=what), "hedge") == Finding("hedge", "rethink", "what")


def test_hedge_names_the_first_field_it_is_in() -> None:
    assert finding(draft(how_much="maybe 10 minutes"), "hedge").field == "how_much"
    assert finding(draft(when="after lunch if I can"), "hedge").field == "when"
    both = draft(what="try to walk", when="maybe after lunch")
    assert codes(both).count("hedge") == 1
    assert finding(both, "hedge").field == "what"


@pytest.mark.parametrize("what", ["try a new recipe", "walk to the shop", "try yoga"])
def test_try_without_to_is_not_a_hedge(what: str) -> None:
    assert "hedge" not in codes(draft(what=what))


# every day ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "changes",
    [
        {"when": "every day after lunch"},
        {"when": "daily"},
        {"when": "Each day at noon"},
        {"how_much": "15 minutes daily"},
        {"when": "everyday"},
        {"days": WEEKDAYS},
        {"days": None, "times": 7},
    ],
)
def test_every_day_is_found(changes: dict[str, Any]) -> None:
    assert finding(draft(**changes), "every_day") == Finding("every_day", "rethink", "days")


@pytest.mark.parametrize(
    "changes",
    [{"days": ("mon", "tue", "wed", "thu", "fri", "sat")}, {"days": None, "times": 6}, {}],
)
def test_fewer_than_seven_days_is_not_every_day(changes: dict[str, Any]) -> None:
    assert "every_day" not in codes(draft(**changes))


# confidence ---------------------------------------------------------------------------------


def test_confidence_6_is_low_and_7_is_not() -> None:
    assert finding(draft(confidence=6), "low_confidence") == Finding(
        "low_confidence", "rethink", "confidence"
    )
    assert "low_confidence" not in codes(draft(confidence=7))
    assert not is_confident(draft(confidence=6))
    assert is_confident(draft(confidence=7))


# safety: medicines, food, exercise ----------------------------------------------------------


@pytest.mark.parametrize(
    "what",
    [
        "stop taking my tablets",
        "cut my insulin dose",
        "halve my painkillers",
        "come off my blood pressure medication",
        "double my inhaler",
        "insulin dose less often",
        "skip my evening tablets",
    ],
)
def test_medicine_changes_are_a_safety_finding(what: str) -> None:
    assert finding(draft(what=what), "medicines") == Finding("medicines", "safety", "what")


@pytest.mark.parametrize("what", ["take fewer pills", "take less insulin", "take half my dose"])
def test_taking_less_of_a_medicine_is_a_medicine_change(what: str) -> None:
    assert finding(draft(what=what), "medicines") == Finding("medicines", "safety", "what")


@pytest.mark.parametrize("what", ["take my tablets with breakfast", "put my pills in a weekly box"])
def test_taking_medicines_as_prescribed_gets_no_findings(what: str) -> None:
    assert review(draft(what=what)) == []


@pytest.mark.parametrize(
    "what",
    [
        "skip lunch",
        "fast on mondays",
        "only eat 800 calories",
        "no carbs at dinner",
        "juice cleanse",
        "eat 1200 kcal",
    ],
)
def test_sharp_food_restriction_is_a_safety_finding(what: str) -> None:
    assert finding(draft(what=what), "food") == Finding("food", "safety", "what")


@pytest.mark.parametrize(
    "what", ["eat breakfast", "eat a piece of fruit at 3pm", "cook a curry with lentils"]
)
def test_ordinary_eating_is_not_a_food_finding(what: str) -> None:
    assert "food" not in codes(draft(what=what))


def test_a_fast_walk_is_not_a_food_restriction() -> None:
    # "fast" as a pace is a common, sensible plan; only fasting from food is a safety concern.
    assert "food" not in codes(draft(what="walk fast round the park"))


@pytest.mark.parametrize(
    ("what", "how_much", "field"),
    [
        ("run 10 miles", "15 minutes", "what"),
        ("walk", "for 2 hours", "how_much"),
        ("gym for 90 minutes", "one visit", "what"),
        ("swim", "75 mins", "how_much"),
        ("cycle 20 km", "once", "what"),
        ("walk 10000 steps", "a day", "what"),
    ],
)
def test_a_big_exercise_step_up_is_a_safety_finding_about_the_part_with_the_amount(
    what: str, how_much: str, field: str
) -> None:
    assert finding(draft(what=what, how_much=how_much), "exercise") == Finding(
        "exercise", "safety", field
    )


@pytest.mark.parametrize(
    "how_much", ["half an hour", "an hour", "30 minutes", "one hour", "60 minutes", "1 hour"]
)
def test_an_hour_or_less_is_not_a_big_step(how_much: str) -> None:
    assert "exercise" not in codes(draft(what="walk round the park", how_much=how_much))


@pytest.mark.parametrize(
    ("what", "how_much"),
    [
        ("walk", "for 15 minutes"),
        ("walk for 15 minutes", "15 minutes"),
        ("run 2 miles", "once"),
        ("read for 2 hours", "2 hours"),
        ("cycle 5 km", "once"),
    ],
)
def test_a_modest_or_non_exercise_plan_is_not_an_exercise_finding(what: str, how_much: str) -> None:
    assert "exercise" not in codes(draft(what=what, how_much=how_much))


def test_a_few_hundred_steps_is_not_a_big_step_up() -> None:
    # The steps rule is meant for "10 000 steps"-sized targets; 500 steps is a few minutes' walk.
    assert "exercise" not in codes(draft(what="walk 500 steps to the post box"))


# avoidance and several plans ----------------------------------------------------------------


@pytest.mark.parametrize(
    "what",
    [
        "stop snacking",
        "never eat crisps",
        "avoid the lift",
        "don't have seconds",
        "I will stop smoking",
        "cut out biscuits",
        "Not drink cola",
    ],
)
def test_avoidance_plans_are_found(what: str) -> None:
    assert finding(draft(what=what), "avoidance") == Finding("avoidance", "rethink", "what")


@pytest.mark.parametrize("what", ["note down my meals", "walk instead of stopping", "nevermind"])
def test_avoidance_is_only_a_leading_stop_word(what: str) -> None:
    assert "avoidance" not in codes(draft(what=what))


def test_other_active_plans_give_a_note() -> None:
    assert review(draft(), other_active_plans=1) == [Finding("several_plans", "note")]
    assert review(draft(), other_active_plans=3) == [Finding("several_plans", "note")]
    assert review(draft(), other_active_plans=0) == []


# ordering and messages ----------------------------------------------------------------------


def test_safety_findings_come_first() -> None:
    d = draft(what="stop taking my tablets", when="every day", confidence=5)
    # No "every day" finding: the plan is about a medicine, and daily medicines are never
    # to be cut back on smcoach's say-so.
    assert codes(d, 2) == ["medicines", "avoidance", "low_confidence_care", "several_plans"]
    found = review(d, 2)
    kinds = [f.kind for f in found]
    assert kinds == sorted(kinds, key=lambda k: {"safety": 0, "rethink": 1, "note": 2}[k])


def test_every_rule_fires_together_in_order() -> None:
    d = draft(
        what="try to lose weight: skip meals, run 20 miles and halve my tablets",
        when="every day",
        confidence=3,
    )
    assert codes(d, 1) == [
        "medicines",
        "food",
        "exercise",
        "outcome",
        "hedge",
        "low_confidence_care",
        "several_plans",
    ]
    assert [f.field for f in review(d, 1)][:4] == ["what", "what", "what", "what"]


def test_every_code_in_the_coach_source_is_known() -> None:
    source = inspect.getsource(coach)
    in_source = set(re.findall(r'Finding\("(\w+)"', source)) | set(coach.LOW_CONFIDENCE)
    in_source |= set(re.findall(r'\("(\w+)", self\._?\w+', source))
    assert in_source == ALL_CODES


@pytest.mark.parametrize("code", sorted(ALL_CODES))
def test_every_finding_has_a_message_that_formats(code: str) -> None:
    key = f"coach.{code}"
    assert key in TEXT
    text = t(key, confidence=5, others=2)
    assert text.strip()
    assert "{" not in text and "}" not in text


def test_confidence_and_others_appear_in_their_messages() -> None:
    assert "Your confidence is 5 out of 10" in t("coach.low_confidence", confidence=5, others=0)
    assert "plans you already have this week: 2." in t(
        "coach.several_plans", confidence=8, others=2
    )


# properties ---------------------------------------------------------------------------------

free_text = st.one_of(
    st.text(),
    st.lists(
        st.sampled_from(
            [
                "try",
                "to",
                "stop",
                "my",
                "tablets",
                "walk",
                "fast",
                "90",
                "minutes",
                "every",
                "day",
                "lose",
                "5",
                "pounds",
                "skip",
                "lunch",
                "feel",
                "better",
                "maybe",
                "2",
                "hours",
                "\n",
                "steps",
                "10000",
                "insulin",
                "less",
                "daily",
                "never",
                "I",
                "will",
                "(",
                "*",
                ".",
            ]
        ),
        max_size=12,
    ).map(" ".join),
)


@given(
    what=free_text,
    how_much=free_text,
    when=free_text,
    confidence=st.integers(min_value=0, max_value=10),
    others=st.integers(min_value=0, max_value=5),
    days=st.one_of(
        st.none(), st.lists(st.sampled_from(WEEKDAYS), min_size=1, unique=True).map(tuple)
    ),
    times=st.integers(min_value=1, max_value=7),
)
def test_review_never_raises_and_findings_are_well_formed(
    what: str,
    how_much: str,
    when: str,
    confidence: int,
    others: int,
    days: tuple[str, ...] | None,
    times: int,
) -> None:
    d = draft(
        what=what,
        how_much=how_much,
        when=when,
        confidence=confidence,
        days=days,
        times=None if days is not None else times,
    )
    found = review(d, others)
    found_codes = [f.code for f in found]
    if found_codes == ["help_now"]:
        return  # words that call for help now get no coaching at all
    low = {"low_confidence", "low_confidence_care"} & set(found_codes)
    assert bool(low) == (confidence < 7)
    assert ("several_plans" in found_codes) == (others > 0)
    assert len(found_codes) == len(set(found_codes))
    for f in found:
        assert f.code in ALL_CODES
        assert f.kind in {"help_now", "safety", "rethink", "note"}
        assert f.field in {None, "what", "how_much", "when", "days", "confidence"}
        assert t(f"coach.{f.code}", confidence=confidence, others=others)
    daily_care = content.plan_coach().daily_care
    if ((days is not None and len(days) == 7) or (days is None and times == 7)) and not (
        daily_care.search(normalise(what)) or daily_care.search(normalise(how_much))
    ):
        assert "every_day" in found_codes


# the newer rules: wanted, specific, daily care ------------------------------------------------


@pytest.mark.parametrize(
    "what",
    [
        "I have to walk more",
        "my wife wants me to swim",
        "the nurse says to do my exercises",
        "need to go to the gym",
        "I'm supposed to do my stretches",
        "physio told me to walk",
        "go to the class my daughter booked me on",
    ],
)
def test_something_someone_else_wants_is_pointed_out(what: str) -> None:
    assert finding(draft(what=what), "not_wanted").field == "what"


def test_having_to_take_daily_medicine_is_not_someone_elses_plan() -> None:
    assert "not_wanted" not in codes(draft(what="I have to take my tablets with breakfast"))


@pytest.mark.parametrize("how_much", ["some", "a bit more", "?", "as much as I can", "lots"])
def test_an_amount_with_nothing_to_count_is_vague(how_much: str) -> None:
    assert finding(draft(how_much=how_much), "vague_amount").field == "how_much"


@pytest.mark.parametrize(
    "how_much",
    ["10 minutes", "one glass", "to the end of the road", "a chapter", "some 20 minutes"],
)
def test_a_countable_amount_is_specific(how_much: str) -> None:
    assert "vague_amount" not in codes(draft(how_much=how_much))


@pytest.mark.parametrize("when", ["sometime", "whenever", "this week", "when I can", "anytime"])
def test_a_time_with_no_anchor_is_vague(when: str) -> None:
    assert finding(draft(when=when), "vague_time").field == "when"


@pytest.mark.parametrize("when", ["after lunch", "this week, after breakfast", "at 3pm", "bedtime"])
def test_an_anchored_time_is_specific(when: str) -> None:
    assert "vague_time" not in codes(draft(when=when))


@pytest.mark.parametrize(
    "what",
    [
        "take my tablets as prescribed",
        "use my brown inhaler",
        "do my insulin before breakfast",
        "weigh myself before breakfast",
        "check my feet for sores",
        "test my blood sugar",
    ],
)
def test_daily_care_every_day_gets_no_every_day_finding(what: str) -> None:
    assert review(draft(what=what, days=WEEKDAYS, how_much="once")) == []


@pytest.mark.parametrize(
    "what",
    [
        "take my Keppra",
        "take my Sinemet",
        "take my Eliquis",
        "do my Levemir",
        "use my GTN spray",
        "inject my Toujeo",
        "take my Epilim",
        "take my Brilique",
    ],
)
def test_medicines_by_any_name_are_never_told_to_skip_a_day(what: str) -> None:
    assert "every_day" not in codes(draft(what=what, days=WEEKDAYS, how_much="one dose"))


@pytest.mark.parametrize(
    "what",
    [
        "stop taking my Brilique",
        "stop my Tresiba",
        "skip my Epilim on Sundays",
        "halve my Tegretol",
    ],
)
def test_a_change_to_a_medicine_smcoach_does_not_know_still_needs_agreement(what: str) -> None:
    assert "medicines" in codes(draft(what=what))


@pytest.mark.parametrize(
    "what", ["stop my snacking after tea", "start my day with a walk", "skip my usual walk"]
)
def test_everyday_things_stopped_or_started_are_not_medicines(what: str) -> None:
    assert "medicines" not in codes(draft(what=what))


def test_low_confidence_in_daily_care_is_never_told_to_do_less() -> None:
    d = draft(what="take my insulin", how_much="my usual units", when="before meals",
              days=WEEKDAYS, confidence=5)  # fmt: skip
    assert codes(d) == ["low_confidence_care"]
    assert "not to do less" in t("coach.low_confidence_care", confidence=5)


@pytest.mark.parametrize(
    "what",
    [
        "ask my wife to remind me to take my tablets",
        "go to the chemist for more eye drops",
    ],
)
def test_reminders_and_restocking_are_not_medicine_changes(what: str) -> None:
    assert "medicines" not in codes(draft(what=what))


@pytest.mark.parametrize(
    "what",
    [
        "stop my statins",
        "take an extra puff of the blue inhaler before walks",
        "try ibuprofen instead of paracetamol",
        "come off sertraline",
        "start St John's wort",
        "omit my furosemide on club days",
        "take one of my mum's sleeping pills",
    ],
)
def test_named_medicines_and_classes_are_a_safety_finding(what: str) -> None:
    assert finding(draft(what=what), "medicines").kind == "safety"


@pytest.mark.parametrize(
    "what",
    [
        "set an alarm so I don't miss my insulin",
        "put my pills in the dosette box on Sunday",
        "collect my repeat prescription",
    ],
)
def test_taking_medicine_as_prescribed_is_not_a_change(what: str) -> None:
    assert "medicines" not in codes(draft(what=what))


@pytest.mark.parametrize(
    "what",
    ["go back to the gym after my hip op", "start running again after the heart attack"],
)
def test_vigorous_exercise_after_an_operation_or_a_break_is_a_safety_finding(what: str) -> None:
    assert "exercise" in codes(draft(what=what, how_much="20 minutes"))


# words that call for help now -----------------------------------------------------------------


def test_a_plan_whose_words_call_for_help_gets_no_coaching_at_all() -> None:
    d = draft(what="take all my sleeping tablets", how_much="the lot", when="tonight", confidence=4)
    assert review(d, 2) == [Finding("help_now", "help_now", "what")]


def test_help_now_names_the_part_it_is_in() -> None:
    d = draft(when="when the crushing chest pain stops")
    assert review(d) == [Finding("help_now", "help_now", "when")]


# goals ---------------------------------------------------------------------------------------


def test_goals_are_read_by_the_safety_rules_and_for_clinical_targets() -> None:
    coach_ = content.plan_coach()
    assert [f.code for f in coach_.review_goal("come off all my tablets by Christmas")] == [
        "medicines"
    ]
    assert [f.code for f in coach_.review_goal("lose 3 stone in a month")] == ["goal_target"]
    assert coach_.review_goal("walk to my daughter's house and back") == []
    assert coach_.review_goal("I want to kill myself") == []  # the signposting says it all
    assert all(f.field is None for f in coach_.review_goal("fast for a week to lose weight"))


# the coaching conversation --------------------------------------------------------------------


def ask(findings: list[Finding], agreed=False, kept_low=False, asked=frozenset()) -> Ask:
    return next_ask(findings, agreed=agreed, kept_low=kept_low, asked=asked)


def test_help_now_comes_before_anything_else() -> None:
    findings = [Finding("help_now", "help_now", "what")]
    assert ask(findings) == Ask("help_now", "what", "help_now")


def test_a_safety_finding_is_asked_to_be_agreed_then_confidence_then_each_part_once() -> None:
    findings = [
        Finding("medicines", "safety", "what"),
        Finding("hedge", "rethink", "when"),
        Finding("low_confidence", "rethink", "confidence"),
    ]
    assert ask(findings).step == "agree"
    assert ask(findings, agreed=True) == Ask("smaller", "confidence", "low_confidence")
    assert ask(findings, agreed=True, kept_low=True) == Ask("field", "when", "hedge")
    done = frozenset({("hedge", "when")})
    assert ask(findings, agreed=True, kept_low=True, asked=done) == Ask("save")


def test_notes_alone_are_saved() -> None:
    assert ask([Finding("several_plans", "note")]) == Ask("save")
    assert ask([]) == Ask("save")
