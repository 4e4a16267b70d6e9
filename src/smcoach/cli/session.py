"""smcoach session: the weekly sequence of the method, one step at a time, resumable anywhere."""

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from smcoach.cli.common import interactive, now, today
from smcoach.cli.prompts import Asker, TerminalAsker, checkin_options, yes_no_options
from smcoach.domain.rules import answer_words
from smcoach.errors import InputEnded, SmcoachError
from smcoach.i18n import day_text
from smcoach.messages import t
from smcoach.render.present import PRESENT_HELP

if TYPE_CHECKING:
    from smcoach.domain.models import Plan
    from smcoach.domain.session import Facts
    from smcoach.render import Para
    from smcoach.store import Store
    from smcoach.store.sessions import Session

T = TypeVar("T")


class SessionStopped(Exception):
    """The person chose to stop the session after smcoach showed how to get help now."""


REPLAYED = ("intro", "feedback", "running", "goal", "plan")


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

    def _saved(self, key: str, question: str, shown: str | None = None) -> tuple[bool, str | None]:
        """The answer saved before the session stopped, if any, shown back as it is given."""
        queue = self.pending.get(key)
        if not queue:
            return False, None
        value = queue.pop(0)
        answer = shown if shown is not None else value
        if answer is not None and answer.strip():
            asked = question.strip().splitlines()[-1] if question.strip() else key
            self.inner.say(t("session.carried", question=asked, answer=answer))
        return True, value

    def kept(self, step: str) -> list[str]:
        """The answers kept for `step` so far (an interrupted step resumes from them)."""
        return [v for k, v in self.all.items() if k.startswith(step + ".") and v and v.strip()]

    def _keep(self, key: str, value: str | None) -> None:
        self.store.add_session_answer(self.session_id, key, value, now())
        self.all[key] = value

    def ask(
        self, key: str, question: str, parse: Callable[[str], T], default: str | None = None
    ) -> T:
        found, value = self._saved(key, question)
        if found and value is not None:
            try:
                return parse(value)
            except SmcoachError:  # kept in another language ('lun,mié' read in English): asked
                default = value  # again, what was typed offered to keep or change
        raw: list[str] = []

        def capture(text: str) -> T:
            result = parse(text)
            raw.append(text)
            return result

        result = self.inner.ask(key, question, capture, default)
        self._keep(key, raw[-1] if raw else default)
        return result

    def optional(self, key: str, question: str) -> str | None:
        found, value = self._saved(key, question)
        if found:
            return value
        value = self.inner.optional(key, question)
        self._keep(key, value)
        return value

    def choose(self, key: str, question: str, options: list[tuple[str, str]]) -> str:
        labels = dict(options)
        queue = self.pending.get(key)
        label = labels.get(queue[0]) if queue and queue[0] is not None else None
        found, value = self._saved(key, question, label)
        if found and value is not None:
            return value
        value = self.inner.choose(key, question, options)
        self._keep(key, value)
        return value

    def many(self, key: str, question: str) -> list[str]:
        import json

        queue = self.pending.get(key)
        shown = "; ".join(json.loads(queue[0] or "[]")) if queue else None
        found, value = self._saved(key, question, shown)
        if found:
            return list(json.loads(value or "[]"))
        values = self.inner.many(key, question)
        self._keep(key, json.dumps(values))
        return values

    def say(self, text: "str | Para") -> None:
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
    present: Annotated[bool, typer.Option("--present", help=PRESENT_HELP)] = False,
) -> None:
    """Walk through this week's session: feedback, problem-solving, agenda, goal, action plan.

    Each answer is saved as you give it: stop at any point and the next 'smcoach session'
    offers to carry on where you stopped.

    Example: smcoach session --step plan
    """
    from smcoach.cli.prompts import AnswersAsker, load_answers
    from smcoach.domain.session import STANDALONE_STEPS, first_step, next_step
    from smcoach.render.present import Projector, wanted

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
        step_name = t(f"session.step_name.{current.step}")  # in words, not smcoach's own names
        question = t("session.resume", step=step_name, day=day_text(current.started_on, "day"),
                     **answer_words())  # fmt: skip
        choice = asker.ask("session.resume", question, _resume_choice, default=t("answer.carry_on"))
        if choice == "over":
            store.end_session(current.id, "abandoned", now())
            current = None
    resumed = current is not None
    if current is None:
        facts = gather_facts(store, day, None)
        current = store.start_session(step or first_step(facts), step is not None, day, now())

    recorder = RecordingAsker(asker, store, current.id)
    screen = ctx.with_resource(Projector(wanted(present)))
    name: str | None = current.step
    while name is not None:
        # Steps that write their records answer by answer resume from those records; the
        # others replay the answers saved so far (replaying an 'add' would add it twice).
        if name in STEP_NUMBERS:
            screen.step(t(f"session.step.{name}", n=STEP_NUMBERS[name], total=6))
        if resumed and name in ("agenda", "solve"):  # it starts again: say where it stands
            asker.say(t(f"session.resuming.{name}"))
        resumed = False
        try:
            STEP_RUNNERS[name](store, recorder if name in REPLAYED else asker, current, day)
        except SessionStopped:
            break
        except (KeyboardInterrupt, InputEnded) as stop:
            _say_what_was_kept(recorder.kept(name), stop)
            if isinstance(stop, KeyboardInterrupt):
                raise typer.Exit(130) from None
            raise
        facts = gather_facts(store, day, current)
        name = None if current.only_step else next_step(name, facts, recorder.answers())
        if name is not None:
            store.set_session_step(current.id, name)
    store.end_session(current.id, "done", now())


def _say_what_was_kept(kept: list[str], stop: BaseException) -> None:
    """Stopped part-way through a step: say truly what is kept, and that the session carries
    on from here. (Input that ended then gives its error line.)"""
    import sys

    from smcoach.render import notice

    if isinstance(stop, KeyboardInterrupt):
        sys.stderr.write("\n")
    if kept:
        notice(t("session.stopped_kept", answers="; ".join(kept)))
    else:
        notice(t("session.stopped_nothing"))


def _talk_first(asker: Asker) -> None:
    """Coaching is held back beside words that call for help now: say so, and let the person
    stop the session here (what they answered is kept)."""
    from smcoach.content import card

    asker.say(t("session.talk_first"))
    if asker.choose("session.carry_on", card("session", "carry_on"), yes_no_options()) == "no":
        asker.say(t("session.stopped"))
        raise SessionStopped


def _resume_choice(typed: str) -> str:
    """'carry on' or 'over' (and their words in this command's language), as words or any
    start of them ('c', 'start o'), or yes / no."""
    from smcoach.domain.rules import NO, YES, answer, unaccented

    a = unaccented(answer(" ".join(typed.split())))
    words = answer_words()
    carry_on = ("carry on", unaccented(answer(words["carry_on"])))
    over = ("over", "start over", unaccented(answer(words["over"])))
    # the words first ('s' is the start of 'start over' in English, of 'seguir' in Spanish)
    if any(w.startswith(a) for w in carry_on):
        return "resume"
    if any(w.startswith(a) for w in over):
        return "over"
    if a in {"resume", *map(unaccented, YES)}:
        return "resume"
    if a in NO:
        return "over"
    raise SmcoachError(t("session.resume_answer", **words))


def gather_facts(store: "Store", day: date, current: "Session | None") -> "Facts":
    from smcoach.domain.session import Facts

    plan_id = store.feedback_plan_id(day)
    return Facts(
        first_run=store.is_first_run(),
        feedback_plan=store.plan(plan_id) if plan_id is not None else None,
        problems_to_revisit=len(store.problems_to_revisit(day)),
        plan_made=bool(current and store.plans_made_in(current)),
        running_plan=running_plan(store, day, current),
    )


def running_plan(store: "Store", day: date, current: "Session | None") -> "Plan | None":
    """The latest plan whose week is under way today, made before this session."""
    made = set(store.plans_made_in(current)) if current else set()
    running = [p for p in store.plans() if p.covers(day) and p.id not in made]
    return running[-1] if running else None


def _answered(store: "Store", current: "Session", key: str) -> str | None:
    """The latest answer to `key` saved in this session, if any."""
    found = [v for k, v in store.session_answers(current.id) if k == key]
    return found[-1] if found else None


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
    asker.say(views.week_para(plan, checkins, min(day, plan.end), indent="  "))
    asker.say(views.legend())
    for d in days_to_ask(plan, checkins, min(day, plan.end)):
        status = asker.choose(f"feedback.{d.isoformat()}",
                              card("session", "feedback_day", day=day_text(d, "day")),
                              checkin_options())  # fmt: skip
        if status != "skip":
            store.check_in(CheckIn(plan.id, d, status, None), now())
    checkins = store.checkins([plan.id])[plan.id]
    result = feedback(plan, checkins)
    how = asker.optional("feedback.how", card("session", "feedback_how"))
    ack = acknowledgement(result)
    asker.say(t("session.ack_" + ack, achieved=views.halves(result.achieved),
                target=result.target, rest=result.rest))  # fmt: skip
    if result.extra:
        asker.say(t("session.ack_extra", extra=result.extra))
    from smcoach.cli.signpost import hold_back

    barrier = None
    fell_short = ack in ("some", "none")
    if fell_short:
        barrier = asker.optional("feedback.barrier", card("session", "feedback_barrier"))
    store.record_feedback(plan.id, how, day, barrier)  # the week is closed before anything else
    if hold_back(barrier):  # not a problem to solve with ideas
        _talk_first(asker)
    elif fell_short:
        asker.choose("feedback.solve", card("session", "feedback_solve"), yes_no_options())


def step_solve(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    from smcoach.cli.solve import work_on_problem

    def plan_after_goal(attempt_id: int) -> None:
        # The plan is made at the plan step, after the agenda and goal, so it serves the goal.
        store.add_session_answer(current.id, "solve.plan_from", str(attempt_id), now())
        asker.say(t("solve.plan_after_goal"))

    later = None if current.only_step else plan_after_goal
    for problem_id in store.problems_to_revisit(day):
        work_on_problem(store, asker, problem_id, day, plan_later=later)
    wanted = _answered(store, current, "feedback.solve") == "yes"
    started = store.problems_started_in(current)
    if started or wanted or current.only_step:
        # Resuming: carry on with the problem this session began rather than start another.
        # What got in the way, said at feedback, is the draft of the problem.
        draft = _answered(store, current, "feedback.barrier") if wanted else None
        work_on_problem(
            store, asker, started[-1] if started else None, day, plan_later=later, draft=draft
        )


def step_running(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    """A plan is under way this week: check in on it, adjust it, add a second, or keep it."""
    from smcoach.content import card
    from smcoach.domain.models import CheckIn
    from smcoach.domain.session import RUNNING_CHOICES
    from smcoach.domain.week import days_to_ask
    from smcoach.render import views

    plan = running_plan(store, day, current)
    if plan is None:
        return
    checkins = store.checkins([plan.id])[plan.id]
    asker.say(t("session.running_intro", id=plan.id, what=plan.what, how_much=plan.how_much,
                when=plan.when, often=views.how_often(plan),
                tally=views.tally(plan, checkins)))  # fmt: skip
    asker.say(views.week_para(plan, checkins, day, indent="  "))
    asker.say(views.legend())
    options = [(c, card("session", f"running_{c}")) for c in RUNNING_CHOICES]
    if not days_to_ask(plan, checkins, day):
        options = [o for o in options if o[0] != "check"]
    if asker.choose("running.choice", card("session", "running"), options) != "check":
        return
    for d in days_to_ask(plan, checkins, day):
        status = asker.choose(f"running.{d.isoformat()}",
                              card("session", "running_day", day=day_text(d, "day")),
                              checkin_options())  # fmt: skip
        if status != "skip":
            store.check_in(CheckIn(plan.id, d, status, None), now())
    asker.say(views.tally(plan, store.checkins([plan.id])[plan.id]))


def step_agenda(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    import sys

    from smcoach.content import card
    from smcoach.domain.rules import parse_id
    from smcoach.render import views, write

    if items := store.agenda():
        write(views.agenda_blocks(items), sys.stderr)

    def known(text: str) -> str:  # differing only in case or spacing is the same item
        return " ".join(text.split()).casefold()

    on_agenda = {known(i.text) for i in items}
    from_file: list[str] = []  # an answers file's items are saved together, in one write
    added = False
    while (text := asker.optional("agenda.add", card("session", "agenda_add"))) is not None:
        if known(text) in on_agenda:  # e.g. an answers file run again
            asker.say(t("session.already_on_agenda", text=text))
            continue
        on_agenda.add(known(text))
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
    from smcoach.cli.signpost import hold_back

    # Offered as the focus: the current one, else the first that is not a matter for help now.
    focus = next((i for i in items if i.focus), None) or next(
        (i for i in items if not hold_back(i.text)), None
    )
    if focus is None:  # every item calls for help now: none is offered to work on
        _talk_first(asker)
        return
    ids = {i.id for i in items}

    def open_item(answer: str) -> int:
        number = parse_id(answer, "agenda")
        if number not in ids:
            raise SmcoachError(t("agenda.not_found", id=number))
        return number

    chosen = asker.ask("agenda.focus", card("session", "agenda_focus"), open_item,
                       default=str(focus.id))  # fmt: skip
    store.focus_agenda(chosen)


def step_goal(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    from smcoach.cli.signpost import hold_back
    from smcoach.content import card
    from smcoach.domain.dates import parse_goal_day
    from smcoach.domain.rules import require_text

    if _answered(store, current, "goal.saved"):
        return  # set before the session stopped: replaying it would set it twice
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
        if goals[-1].by is not None and goals[-1].by < day:
            asker.say(t("session.goal_passed", day=day_text(goals[-1].by, "day_year")))
        choice = asker.choose("goal.keep", card("session", "goal_keep"),
                              [("keep", card("session", "goal_keep_it")),
                               ("change", card("session", "goal_change_it"))])  # fmt: skip
        if choice == "keep":
            return
    text = asker.ask("goal.text", card("session", "goal_text", focus=focus.text),
                     lambda s: require_text(s, t("what.goal")))  # fmt: skip
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
            asker.say(t("goal_day.shown", day=day_text(by, "day_year")))
    if goals:
        store.close_goal(goals[-1].id, "dropped", day)
    goal_id = store.add_goal(text, focus.id, by, day)
    store.add_session_answer(current.id, "goal.saved", str(goal_id), now())
    asker.say(t("saved.goal", id=goal_id))
    from smcoach.cli.library_hints import suggest_topics

    suggest_topics(store, text)
    if held:
        _talk_first(asker)


def step_plan(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    from smcoach.cli.plans import make_plan

    if store.plans_made_in(current):
        return  # made before the session stopped, or from a problem-solving idea
    from smcoach.cli.signpost import hold_back

    focus = next((i for i in store.agenda() if i.focus), None)
    goals = [g for g in store.goals() if focus is not None and g.agenda_id == focus.id]
    goals = [g for g in goals if not hold_back(g.text)]  # a plan is never tied to such words
    prefill = {"goal": str(goals[-1].id)} if goals else {}
    if _answered(store, current, "running.choice") == "adjust":
        old = running_plan(store, day, current)
        if old is not None:
            asker.say(t("session.adjust_intro", id=old.id))
            if old.goal_id is not None:
                prefill = {"goal": str(old.goal_id)}
            make_plan(store, asker, prefill, defaults=_as_answers(old), replaces=old.id)
            return
    attempt = _answered(store, current, "solve.plan_from")
    idea = store.attempt_idea(int(attempt)) if attempt else None
    if attempt and idea is not None:
        asker.say(t("session.plan_from_idea", idea=idea))
        plan_id = make_plan(store, asker, prefill, defaults={"what": idea})
        if plan_id is not None:
            store.link_plan(int(attempt), plan_id)
        return
    make_plan(store, asker, prefill)


def _as_answers(plan: "Plan") -> dict[str, str]:
    """A plan's parts as they would be typed, to offer as the answers to keep."""
    from smcoach.i18n import weekday_text

    days = plan.days  # as the person's language writes them, and reads them back
    often = ",".join(map(weekday_text, days)) if days is not None else str(plan.times)
    return {"what": plan.what, "how_much": plan.how_much, "when": plan.when, "how_often": often}


def step_summary(store: "Store", asker: Asker, current: "Session", day: date) -> None:
    from smcoach.render import views, write

    made = store.plans_made_in(current)
    plans = [store.plan(i) for i in made] or [p for p in store.plans() if p.covers(day)]
    goals = {g.id: g for g in store.goals(include_closed=True)}
    checkins = store.checkins([p.id for p in plans])  # one query for them all
    write(views.session_summary_blocks(plans, checkins, goals, day))


# The method's six steps, numbered as a course leader would: the introduction comes before
# them, and a plan running this week is shown with its own heading.
STEP_NUMBERS = {"feedback": 1, "solve": 2, "agenda": 3, "goal": 4, "plan": 5, "summary": 6}

STEP_RUNNERS: dict[str, Callable[["Store", Asker, "Session", date], None]] = {
    "intro": step_intro,
    "feedback": step_feedback,
    "solve": step_solve,
    "running": step_running,
    "agenda": step_agenda,
    "goal": step_goal,
    "plan": step_plan,
    "summary": step_summary,
}
