"""Unit and property tests for problem-solving's pure state machine (domain/problems.py)."""

from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smcoach.content import card, card_list
from smcoach.domain import problems as P
from smcoach.domain.problems import Attempt, Idea, Problem
from smcoach.errors import SmcoachError
from smcoach.messages import TEXT

DAY = date(2026, 11, 23)


def problem(**changes: Any) -> Problem:
    values: dict[str, Any] = {
        "id": 1,
        "text": "my back aches after I hoover the stairs",
        "kind": "pain",
        "status": "open",
        "created": DAY,
        "updated": DAY,
    }
    values.update(changes)
    return Problem(**values)


def idea(n: int, source: str = "own") -> Idea:
    return Idea(n, 1, f"idea {n}", source)


def attempt(n: int, idea_id: int, result: str | None = None, started: date = DAY) -> Attempt:
    assessed = started + timedelta(days=7) if result else None
    return Attempt(n, 1, idea_id, started, result, assessed, None)


IDEAS = [idea(1), idea(2), idea(3, "card")]


# --- transitions -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "event", "after"),
    [
        ("open", "ideas_listed", "choosing"),
        ("choosing", "chose", "trying"),
        ("resources", "chose", "trying"),
        ("accepting", "chose", "trying"),
        ("trying", "worked", "solved"),
        ("trying", "partly", "choosing"),
        ("trying", "did_not_work", "choosing"),
        ("choosing", "ask_for_help", "resources"),
        ("choosing", "no_one", "accepting"),
        ("resources", "no_one", "accepting"),
        ("accepting", "set_aside", "accepted"),
        ("accepted", "reopen", "open"),
        ("accepting", "ask_for_help", "resources"),  # one more idea, calling for help now
        ("open", "ask_for_help", "resources"),  # a problem whose words call for help now
    ],
)
def test_every_transition(status, event, after):
    assert P.advance(status, event) == after


def test_the_table_holds_exactly_the_transitions_tested():
    assert len(P.TRANSITIONS) == 14
    assert {s for s, _ in P.TRANSITIONS} | set(P.TRANSITIONS.values()) == set(P.STATUSES)


@pytest.mark.parametrize(
    ("status", "event"),
    [
        ("open", "chose"),  # the list of ideas must be finished first
        ("trying", "chose"),  # one idea at a time
        ("choosing", "worked"),  # nothing is being tried
        ("solved", "reopen"),  # a solved problem is not reopened: start a new one
        ("solved", "chose"),
        ("accepted", "chose"),
        ("open", "set_aside"),
        ("trying", "ideas_listed"),
        ("resources", "ask_for_help"),
    ],
)
def test_events_that_do_not_apply_are_refused(status, event):
    assert P.advance(status, event) is None


@given(st.sampled_from(P.STATUSES), st.sampled_from(P.EVENTS))
def test_advance_only_ever_gives_a_known_status(status, event):
    after = P.advance(status, event)
    assert after is None or after in P.STATUSES
    if status == "solved":
        assert after is None  # solved is final


# --- next_stage: which of the seven steps comes next ------------------------------------------


@pytest.mark.parametrize(
    ("case", "prob", "ideas", "attempts", "stage"),
    [
        ("nothing yet", None, [], [], "name"),
        ("named, kind not said", problem(kind=None), [], [], "name"),
        (
            "kind comes first, whatever else",
            problem(kind=None, status="choosing"),
            IDEAS,
            [],
            "name",
        ),
        ("listing ideas", problem(), [], [], "ideas"),
        ("listing, some ideas kept", problem(), IDEAS[:2], [], "ideas"),
        ("list finished", problem(status="choosing"), IDEAS, [], "choose"),
        ("list finished, empty", problem(status="choosing"), [], [], "resources"),
        ("idea chosen", problem(status="trying"), IDEAS, [attempt(1, 2)], "assess"),
        (
            "did not work, ideas left",
            problem(status="choosing"),
            IDEAS,
            [attempt(1, 2, "did_not_work")],
            "substitute",
        ),
        (
            "helped a little, none left: the same again is possible",
            problem(status="choosing"),
            IDEAS[:1],
            [attempt(1, 1, "partly")],
            "substitute",
        ),
        (
            "did not work, none left",
            problem(status="choosing"),
            IDEAS[:2],
            [attempt(1, 1, "did_not_work"), attempt(2, 2, "did_not_work")],
            "resources",
        ),
        ("looking for help", problem(status="resources"), IDEAS, [], "resources"),
        ("no one to ask", problem(status="accepting"), IDEAS, [], "accept"),
        ("solved", problem(status="solved"), IDEAS, [attempt(1, 1, "worked")], "done"),
        ("set aside", problem(status="accepted"), IDEAS, [], "done"),
        ("reopened", problem(status="open"), IDEAS, [attempt(1, 1, "did_not_work")], "ideas"),
        # Defensive: data a crash could not leave, read sensibly all the same.
        (
            "worked, status lagging",
            problem(status="choosing"),
            IDEAS,
            [attempt(1, 1, "worked")],
            "done",
        ),
        ("trying, nothing pending", problem(status="trying"), IDEAS, [], "choose"),
    ],
)
def test_next_stage(case, prob, ideas, attempts, stage):
    assert P.next_stage(prob, ideas, attempts) == stage, case


def test_each_stage_is_one_of_the_seven_steps_in_order():
    assert [P.STEP_NUMBER[s] for s in P.STAGES if s != "done"] == [1, 2, 3, 4, 5, 6, 7]


def test_waiting_to_be_tried_only_on_the_day_it_was_chosen():
    trying = problem(status="trying")
    chosen_today = [attempt(1, 1, started=DAY)]
    assert P.waiting_to_be_tried(trying, chosen_today, DAY)
    assert not P.waiting_to_be_tried(trying, chosen_today, DAY + timedelta(days=1))
    assert not P.waiting_to_be_tried(problem(status="choosing"), [], DAY)
    assessed = [attempt(1, 1, "partly", started=DAY)]
    assert not P.waiting_to_be_tried(problem(status="choosing"), assessed, DAY)


def test_pending_and_untried():
    attempts = [attempt(1, 2, "did_not_work"), attempt(2, 3)]
    assert P.pending(attempts) == attempts[1]
    assert P.pending(attempts[:1]) is None
    assert P.untried_ideas(IDEAS, attempts) == [IDEAS[0]]
    assert P.untried_ideas(IDEAS, []) == IDEAS


@given(
    st.lists(st.integers(1, 30), unique=True),
    st.lists(st.integers(1, 40)),
)
def test_untried_ideas_keeps_order_and_drops_exactly_the_tried(idea_ids, tried_ids):
    ideas = [idea(n) for n in idea_ids]
    attempts = [attempt(k, n, "did_not_work") for k, n in enumerate(tried_ids, 1)]
    untried = P.untried_ideas(ideas, attempts)
    assert [i.id for i in untried] == [n for n in idea_ids if n not in set(tried_ids)]


# --- what the person types --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("pain", True),
        ("my breathing", True),
        ("tired all day", True),
        ("my back aches after I hoover the stairs", False),
        ("too tired to cook in the evening", False),
    ],
)
def test_is_vague(text, vague):
    assert P.is_vague(text) is vague


def test_suggestions_skip_what_is_already_listed_and_repeats():
    listed = [Idea(1, 1, "  Ask Someone  To help", "own")]
    cards = ["ask someone to help", "rest first", "Rest  first", "", "pace yourself"]
    assert P.new_suggestions(cards, listed) == ["rest first", "pace yourself"]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [("", []), ("  ", []), ("2", [2]), ("1,3", [1, 3]), ("3 1", [3, 1]), ("1, 1,2", [1, 2])],
)
def test_parse_numbers(text, numbers):
    assert P.parse_numbers(text, 3) == numbers


@pytest.mark.parametrize("text", ["0", "4", "one", "1-2", "-1", "1.5"])
def test_parse_numbers_refuses_what_is_not_on_the_list(text):
    with pytest.raises(SmcoachError, match="type numbers from 1 to 3"):
        P.parse_numbers(text, 3)


@given(st.integers(1, 12).flatmap(lambda n: st.tuples(st.just(n), st.lists(st.integers(1, n)))))
def test_parse_numbers_reads_back_any_list_it_is_given(case):
    count, numbers = case
    for separator in (",", " ", ", "):
        assert P.parse_numbers(separator.join(map(str, numbers)), count) == list(
            dict.fromkeys(numbers)
        )


@pytest.mark.parametrize(
    ("text", "yes"), [("y", True), ("YES", True), (" n ", False), ("no", False), ("", False)]
)
def test_parse_yes(text, yes):
    assert P.parse_yes(text) is yes


def test_parse_yes_refuses_anything_else():
    with pytest.raises(SmcoachError, match="answer y or n"):
        P.parse_yes("perhaps")


# --- the words: every step, kind and status has its wording -----------------------------------


def test_cards_and_catalogue_cover_every_step_kind_and_status():
    for stage in P.STEP_NUMBER:
        assert card("solve", f"step_{stage}").startswith(f"Step {P.STEP_NUMBER[stage]} of 7")
        assert f"solve.next.{stage}" in TEXT
    for status in P.CLOSED:
        assert f"solve.next.{status}" in TEXT
    for kind in P.KINDS:
        assert card("solve", f"kind_{kind}")
        assert 4 <= len(card_list("solve", f"ideas_{kind}")) <= 6, kind
    for result in P.RESULTS:
        assert card("solve", f"result_{result}") and f"solve.result.{result}" in TEXT
    assert {k.removeprefix("solve.status.") for k in TEXT if k.startswith("solve.status.")} == set(
        P.STATUSES
    )
    resources = " ".join(card_list("solve", "resources"))
    for who in ("family", "GP", "nurse", "pharmacist", "physiotherapist", "support group"):
        assert who in resources
    assert "social prescribing link worker" in resources


# --- a random walk through the flow, as the CLI drives it -------------------------------------


class Walk:
    """The problem's records as the store would keep them, moved on only through `advance`,
    with the choices the CLI offers at each stage drawn at random."""

    def __init__(self) -> None:
        self.problem: Problem | None = None
        self.ideas: list[Idea] = []
        self.attempts: list[Attempt] = []
        self.day = DAY

    def stage(self) -> str:
        return P.next_stage(self.problem, self.ideas, self.attempts)

    def move(self, event: str) -> None:
        assert self.problem is not None
        after = P.advance(self.problem.status, event)
        assert after is not None, (self.problem.status, event)  # the CLI never offers a dead end
        self.problem = self.problem._replace(status=after)

    def add_idea(self, source: str) -> Idea:
        new = Idea(len(self.ideas) + 1, 1, f"idea {len(self.ideas) + 1}", source)
        self.ideas.append(new)
        return new

    def start(self, idea_id: int) -> None:
        self.move("chose")
        self.attempts.append(
            Attempt(len(self.attempts) + 1, 1, idea_id, self.day, None, None, None)
        )

    def step(self, draw: Any) -> bool:
        """One stage, as the CLI runs it; True when the problem has come to rest."""
        stage = self.stage()
        untried = P.untried_ideas(self.ideas, self.attempts)
        if stage == "name":
            if self.problem is None:
                self.problem = Problem(1, "a problem", None, "open", self.day, self.day)
            else:
                self.problem = self.problem._replace(kind=draw(st.sampled_from(P.KINDS)))
            return False
        if stage == "ideas":
            for _ in range(draw(st.integers(0, 3))):
                self.add_idea(draw(st.sampled_from(["own", "card"])))
            self.move("ideas_listed")
            return False
        if stage == "choose":
            assert untried
            self.start(draw(st.sampled_from(untried)).id)
            return True
        if stage == "assess":
            pending = P.pending(self.attempts)
            assert pending is not None and self.problem and self.problem.status == "trying"
            result = draw(st.sampled_from([*P.RESULTS, "not_yet"]))
            if result == "not_yet":
                return True
            self.attempts[-1] = pending._replace(result=result, assessed=self.day)
            self.move(result)
            return result == "worked"
        if stage == "substitute":
            last = [a for a in self.attempts if a.result][-1]
            assert untried or last.result == "partly"
            options = [i.id for i in untried] + (["same"] if last.result == "partly" else [])
            choice = draw(st.sampled_from([*options, "new", "help"]))
            if choice == "help":
                self.move("ask_for_help")
                return False
            if choice == "new":
                self.start(self.add_idea("own").id)
            else:
                self.start(last.idea_id if choice == "same" else int(choice))
            return True
        if stage == "resources":
            if draw(st.booleans()):
                self.start(self.add_idea("resource").id)
                return True
            self.move("no_one")
            return False
        if stage == "accept":
            if draw(st.booleans()):
                self.move("set_aside")
            else:
                self.start(self.add_idea("own").id)
            return True
        raise AssertionError(f"no step for stage {stage}")

    def check(self) -> None:
        assert self.stage() in P.STAGES
        assert self.problem is None or self.problem.status in P.STATUSES
        waiting = [a for a in self.attempts if a.result is None]
        assert len(waiting) <= 1
        if self.problem is not None:
            assert (self.problem.status == "trying") == bool(waiting)
        assert {a.idea_id for a in self.attempts} <= {i.id for i in self.ideas}


@settings(max_examples=300)
@given(st.data())
def test_any_path_through_the_flow_stays_consistent_and_comes_to_rest(data):
    walk = Walk()
    for run in range(data.draw(st.integers(1, 8))):
        walk.day = DAY + timedelta(days=7 * run)
        if walk.stage() == "done":
            if walk.problem and walk.problem.status == "accepted" and data.draw(st.booleans()):
                walk.move("reopen")
            else:
                break
        for _ in range(8):  # each run comes to rest within a handful of stages
            rested = walk.step(data.draw)
            walk.check()
            if rested or walk.stage() == "done":
                break
        else:
            raise AssertionError(f"no resting point: stuck at {walk.stage()}")
