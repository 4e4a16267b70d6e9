"""smcoach session: the weekly sequence of the method, one step at a time, resumable anywhere."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from smcoach.cli.common import interactive, now, today
from smcoach.cli.prompts import Asker, TerminalAsker
from smcoach.errors import SmcoachError
from smcoach.messages import t

if TYPE_CHECKING:
    from smcoach.domain.session import Facts
    from smcoach.store import Store
    from smcoach.store.sessions import Session

T = TypeVar("T")


class SessionStopped(Exception):
    """The person chose to stop the session after smcoach showed how to get help now."""


CHECK_OPTIONS = [("done", "done"), ("partly", "partly"), ("not", "not done"),
                 ("rest", "rest day"), ("skip", "skip")]  # fmt: skip
YES_NO = [("yes", "yes"), ("no", "no")]
REPLAYED = ("intro", "feedback", "plan")


class RecordingAsker(Asker):
    """Saves every answer as it is given, and on resuming gives the saved answers back in order
    instead of asking again. Used for the steps whose records are written only at their end
    (the words of feedback, the action plan), so that stopping part-way loses nothing."""

    def __init__(self, inner: Asker, store: "Store", session_id: int):
        self.inner, self.store, self.session_id = inner, store, session_id
        self.pending: dict[str, list[str | None]] = {}  # saved, not yet given back
        self.all: dict[str, str | None] = {}  # the latest answer to each question
        for key, value in store.session_answers(session_id):
            self.pending.setdefault(key, []).append(value)
            self.all[key] = value

    def answers(self) -> dict[str, str]:
        return {k: v for k, v in self.all.items() if v is not None}

    def _saved(self, key: str) -> tuple[bool, str | None]:
        queue = self.pending.get(key)
        return (True, queue.pop(0)) if queue else (False, None)

    def _keep(self, key: str, value: str | None) -> None:
        self.store.add_session_answer(self.session_id, key, value, now())
        self.all[key] = value

    def ask(
        self, key: str, question: str, parse: Callable[[str], T], default: str | None = None
    ) -> T:
        found, value = self._saved(key)
        if found and value is not None:
            return parse(value)
        raw: list[str] = []

        def capture(text: str) -> T:
            result = parse(text)
            raw.append(text)
            return result

        result = self.inner.ask(key, question, capture, default)
        self._keep(key, raw[-1] if raw else default)
        return result

    def optional(self, key: str, question: str) -> str | None:
        found, value = self._saved(key)
        if found:
            return value
        value = self.inner.optional(key, question)
        self._keep(key, value)
        return value

    def choose(self, key: str, question: str, options: list[tuple[str, str]]) -> str:
        found, value = self._saved(key)
        if found and value is not None:
            return value
        value = self.inner.choose(key, question, options)
        self._keep(key, value)
        return value

    def many(self, key: str, question: str) -> list[str]:
        import json

        found, value = self._saved(key)
        if found:
            return list(json.loads(value or "[]"))
        values = self.inner.many(key, question)
        self._keep(key, json.dumps(values))
        return values

    def say(self, text: str) -> None:
        self.inner.say(text)


def session(
    ctx: typer.Context,
    step: Annotated[
        str | None,
        typer.Option(
            "--step",
            help="Go straight to one step: feedback, solve, agenda, goal or plan.",
            show_default=False,
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Run without a terminal, answering from a TOML or JSON file of answers by step.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Walk through this week's session: feedback, problem-solving, agenda, goal, action plan.

    Each answer is saved as you give it: stop at any point and the next 'smcoach session'
    offers to carry on where you stopped.

    Example: smcoach session --step plan
    """
    from smcoach.cli.prompts import AnswersAsker, load_answers
    from smcoach.domain.session import STANDALONE_STEPS, first_step, next_step

    store: Store = ctx.obj.store
    day = today()
    if step is not None and step not in STANDALONE_STEPS:
        raise SmcoachError(t("session.bad_step", step=step, steps=", ".join(STANDALONE_STEPS)))
    asker: Asker
    if answers is not None:
        asker = AnswersAsker(load_answers(answers))
    elif interactive():
        asker = TerminalAsker()
    else:
        raise SmcoachError(t("session.needs_terminal"))

    current = store.open_session()
    if current is not None:
        question = t("session.resume", step=current.step, day=f"{current.started_on:%a %d %b}")
        choice = asker.ask("session.resume", question, _resume_choice, default="carry on")
        if choice == "over":
            store.end_session(current.id, "abandoned", now())
            current = None
    if current is None:
        facts = gather_facts(store, day, None)
        current = store.start_session(step or first_step(facts), step is not None, day, now())

    recorder = RecordingAsker(asker, store, current.id)
    name: str | None = current.step
    while name is not None:
        # Steps that write their records answer by answer resume from those records; the
        # others replay the answers saved so far (replaying an 'add' would add it twice).
        try:
            STEP_RUNNERS[name](store, recorder if name in REPLAYED else asker, current, day)
        except SessionStopped:
            break
        facts = gather_facts(store, day, current)
        name = None if current.only_step else next_step(name, facts, recorder.answers())
        if name is not None:
            store.set_session_step(current.id, name)
    store.end_session(current.id, "done", now())


def _talk_first(asker: Asker) -> None:
    """Coaching is held back beside words that call for help now: say so, and let the person
    stop the session here (what they answered is kept)."""
    from smcoach.content import card

    asker.say(t("session.talk_first"))
    if asker.choose("session.carry_on", card("session", "carry_on"), YES_NO) == "no":
        asker.say(t("session.stopped"))
        raise SessionStopped


def _resume_choice(answer: str) -> str:
    a = answer.strip().lower()
    if a in ("", "y", "yes", "r", "resume", "carry on"):
        return "resume"
    if a in ("n", "no", "o", "over", "start over"):
        return "over"
    raise SmcoachError(t("session.resume_answer"))


def gather_facts(store: "Store", day: date, current: "Session | None") -> "Facts":
    from smcoach.domain.session import Facts

    plan_id = store.feedback_plan_id(day)
    return Facts(
        first_run=store.is_first_run(),
        feedback_plan=store.plan(plan_id) if plan_id is not None else None,
        problems_to_revisit=len(store.problems_to_revisit(day)),
        plan_made=bool(current and store.plans_made_in(current)),
    )


# --- the steps: each asks through the asker and saves as it goes --------------------------------


def step_intro(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    from smcoach.content import card

    asker.say(card("session", "intro", path=store.path))
    asker.say(t("helpnow.not_for_emergencies"))  # in code: a service's cards cannot drop it
    asker.optional("intro.ready", card("session", "intro_ready"))


def step_feedback(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    from smcoach.content import card
    from smcoach.domain.models import CheckIn
    from smcoach.domain.session import acknowledgement, feedback
    from smcoach.domain.week import days_to_ask
    from smcoach.render import views

    plan_id = store.feedback_plan_id(day)
    if plan_id is None:
        asker.say(t("session.no_feedback"))
        return
    plan = store.plan(plan_id)
    checkins = store.checkins([plan.id])[plan.id]
    asker.say(t("session.feedback_intro", what=plan.what, how_much=plan.how_much,
                when=plan.when, often=views.how_often(plan)))  # fmt: skip
    asker.say("  " + views.week_marks(plan, checkins, min(day, plan.end)))
    for d in days_to_ask(plan, checkins, min(day, plan.end)):
        status = asker.choose(f"feedback.{d.isoformat()}",
                              card("session", "feedback_day", day=f"{d:%a %d %b}"),
                              CHECK_OPTIONS)  # fmt: skip
        if status != "skip":
            store.check_in(CheckIn(plan.id, d, status, None), now())
    checkins = store.checkins([plan.id])[plan.id]
    result = feedback(plan, checkins)
    how = asker.optional("feedback.how", card("session", "feedback_how"))
    asker.say(t("session.ack_" + acknowledgement(result), achieved=f"{result.achieved:g}",
                target=result.target))  # fmt: skip
    from smcoach.cli.helpnow import hold_back

    barrier = None
    if not result.fully_done:
        barrier = asker.optional("feedback.barrier", card("session", "feedback_barrier"))
    store.record_feedback(plan.id, how, day)  # the week is closed before anything else
    if hold_back(barrier):  # not a problem to solve with ideas
        _talk_first(asker)
    elif not result.fully_done:
        asker.choose("feedback.solve", card("session", "feedback_solve"), YES_NO)


def step_solve(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    from smcoach.cli.solve import work_on_problem

    for problem_id in store.problems_to_revisit(day):
        work_on_problem(store, asker, problem_id, day)
    wanted = ("feedback.solve", "yes") in store.session_answers(current.id)
    started = store.problems_started_in(current)
    if started or wanted or current.only_step:
        # Resuming: carry on with the problem this session began rather than start another.
        work_on_problem(store, asker, started[-1] if started else None, day)


def step_agenda(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    import sys

    from smcoach.content import card
    from smcoach.domain.rules import parse_id
    from smcoach.render import views, write

    if items := store.agenda():
        write(views.agenda_blocks(items), sys.stderr)
    on_agenda = {i.text for i in items}
    from_file: list[str] = []  # an answers file's items are saved together, in one write
    added = False
    while (text := asker.optional("agenda.add", card("session", "agenda_add"))) is not None:
        if text in on_agenda:  # e.g. an answers file run again
            asker.say(t("session.already_on_agenda", text=text))
            continue
        on_agenda.add(text)
        added = True
        if asker.from_file:
            from_file.append(text)
        else:  # typed: saved at once, so that nothing typed is lost
            asker.say(t("saved.agenda", id=store.add_agenda(text, day)))
    for item_id in store.add_agenda_items(from_file, day):
        asker.say(t("saved.agenda", id=item_id))
    items = store.agenda()
    if not items:
        return
    if added:
        write(views.agenda_blocks(items), sys.stderr)  # the IDs to choose the focus from
    from smcoach.cli.helpnow import hold_back

    # Offered as the focus: the current one, else the first that is not a matter for help now.
    focus = next((i for i in items if i.focus), None) or next(
        (i for i in items if not hold_back(i.text)), None
    )
    if focus is None:  # every item calls for help now: none is offered to work on
        _talk_first(asker)
        return
    ids = {i.id for i in items}

    def open_item(answer: str) -> int:
        number = parse_id(answer, "agenda item")
        if number not in ids:
            raise SmcoachError(t("agenda.not_found", id=number))
        return number

    chosen = asker.ask("agenda.focus", card("session", "agenda_focus"), open_item,
                       default=str(focus.id))  # fmt: skip
    store.focus_agenda(chosen)


def step_goal(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    from smcoach.cli.helpnow import hold_back
    from smcoach.content import card
    from smcoach.domain.dates import parse_goal_day
    from smcoach.domain.rules import require_text

    focus = next((i for i in store.agenda() if i.focus), None)
    if focus is None:
        asker.say(t("session.no_focus"))
        return
    if hold_back(focus.text):  # no goal is set for it
        _talk_first(asker)
        return
    goals = [g for g in store.goals() if g.agenda_id == focus.id]
    if goals:
        asker.say(t("session.goal_current", text=goals[-1].text))
        choice = asker.choose("goal.keep", card("session", "goal_keep"),
                              [("keep", card("session", "goal_keep_it")),
                               ("change", card("session", "goal_change_it"))])  # fmt: skip
        if choice == "keep":
            return
    text = asker.ask("goal.text", card("session", "goal_text", focus=focus.text),
                     lambda s: require_text(s, "the goal"))  # fmt: skip
    from smcoach.cli.goals import show_goal_notes

    held = hold_back(text)  # kept as written, with no date and no plan tied to it
    by = None
    if not held:
        show_goal_notes(text)

        # Asked again until it reads (or is skipped): the goal's text is not lost to a date.
        def goal_day(answer: str) -> date | None:
            return parse_goal_day(answer, day) if answer.strip() else None

        by = asker.ask("goal.by", card("session", "goal_by"), goal_day, default="")
        if by is not None:
            asker.say(t("goal_day.shown", day=f"{by:%a %d %b %Y}"))
    if goals:
        store.close_goal(goals[-1].id, "dropped", day)
    goal_id = store.add_goal(text, focus.id, by, day)
    asker.say(t("saved.goal", id=goal_id))
    if held:
        _talk_first(asker)


def step_plan(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    from smcoach.cli.plans import make_plan

    if store.plans_made_in(current):
        return  # made before the session stopped, or from a problem-solving idea
    from smcoach.cli.helpnow import hold_back

    focus = next((i for i in store.agenda() if i.focus), None)
    goals = [g for g in store.goals() if focus is not None and g.agenda_id == focus.id]
    goals = [g for g in goals if not hold_back(g.text)]  # a plan is never tied to such words
    make_plan(store, asker, {"goal": str(goals[-1].id)} if goals else {})


def step_summary(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    from smcoach.render import views, write

    made = store.plans_made_in(current)
    plans = [store.plan(i) for i in made] or [p for p in store.plans() if p.covers(day)]
    goals = {g.id: g for g in store.goals(include_closed=True)}
    write(views.session_summary_blocks(plans, goals, day))


STEP_RUNNERS: dict[str, Callable[["Store", Asker, "Session", date], None]] = {
    "intro": step_intro,
    "feedback": step_feedback,
    "solve": step_solve,
    "agenda": step_agenda,
    "goal": step_goal,
    "plan": step_plan,
    "summary": step_summary,
}
