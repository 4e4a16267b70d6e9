"""smcoach solve: problem-solving in seven steps, resumable from wherever a problem stands.

Every question goes through an Asker (the terminal, an answers file, or the caller's own, as
in 'smcoach session'), with a stable key 'solve.<name>'; every answer is saved as it is given.
What comes next is decided by smcoach.domain.problems; this module only asks, saves and shows.
"""

from collections.abc import Callable
from contextvars import ContextVar
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smcoach.cli.common import interactive, now, today
from smcoach.cli.prompts import Asker, TerminalAsker, require
from smcoach.cli.signpost import hold_back
from smcoach.domain.rules import parse_id, require_text
from smcoach.errors import SmcoachError
from smcoach.i18n import day_text
from smcoach.messages import t
from smcoach.safe_text import one_line

if TYPE_CHECKING:
    from smcoach.domain.problems import Attempt, Idea, Problem
    from smcoach.store import Store

app = typer.Typer(no_args_is_help=False)

IdArg = Annotated[
    str | None,
    typer.Argument(help="The problem's ID (see 'smcoach solve list').", show_default=False),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
AnswersOpt = Annotated[
    Path | None,
    typer.Option(
        "--answers",
        help="Answer from a TOML or JSON file instead of at a terminal: a table 'solve' of "
        "answers by key, such as problem, kind, ideas and choice.",
        show_default=False,
    ),
]


@app.callback(invoke_without_command=True)
def start(ctx: typer.Context, answers: AnswersOpt = None) -> None:
    """Work through a problem in seven steps, from naming it to finding what helps.

    On its own, starts a new problem: name it, list ideas, choose one to try. Once you have
    tried it, 'smcoach solve revisit ID' asks how it went and carries on from there. Each
    answer is saved as you give it, so you can stop at any point.

    Example: smcoach solve
    """
    if ctx.invoked_subcommand is not None:
        return
    asker = _asker(answers, t("what.problem"))
    work_on_problem(ctx.obj.store, asker, None, today())


@app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", help="Include problems solved or set aside.")
    ] = False,
    json_out: JsonOpt = False,
) -> None:
    """List the problems you are working on, with the idea you are trying for each.

    Example: smcoach solve list --all
    """
    from smcoach.render import views, write, write_json

    store = ctx.obj.store
    problems = store.problems(include_closed=all_)
    ids = [p.id for p in problems]
    ideas, attempts = store.problem_ideas(ids), store.problem_attempts(ids)
    if json_out:
        write_json(views.problems_json(problems, ideas, attempts))
    else:
        write(views.problems_blocks(problems, ideas, attempts))


@app.command("show")
def show(ctx: typer.Context, problem_id: IdArg = None, json_out: JsonOpt = False) -> None:
    """Show one problem: its ideas, what you tried, how it went, and what comes next.

    Example: smcoach solve show 1 --json
    """
    from smcoach.render import views, write, write_json

    store = ctx.obj.store
    problem = store.problem(_problem_id(problem_id))
    ideas = store.problem_ideas([problem.id])[problem.id]
    attempts = store.problem_attempts([problem.id])[problem.id]
    if json_out:
        write_json(views.problem_json(problem, ideas, attempts))
    else:
        write(views.problem_blocks(problem, ideas, attempts))


@app.command("revisit")
def revisit(ctx: typer.Context, problem_id: IdArg = None, answers: AnswersOpt = None) -> None:
    """Carry on with a problem: say how the idea you chose went, then take the next step.

    Carries on from wherever you stopped. A problem you set aside is picked up again.

    Example: smcoach solve revisit 1
    """
    store = ctx.obj.store
    number = _problem_id(problem_id)
    problem = store.problem(number)
    if problem.status == "solved":
        raise SmcoachError(t("solve.solved_already", id=number))
    asker = _asker(answers, t("what.answer"))
    day = today()
    if problem.status == "accepted":
        store.reopen_problem(number, day)
        asker.say(t("solve.reopened", id=number))
    work_on_problem(store, asker, number, day, assess_now=True)


def _problem_id(value: str | None) -> int:
    from smcoach.content import card

    return require(
        value,
        what=t("what.problem_id"),
        how=t("how.argument"),
        question=card("solve", "which"),
        parse=lambda s: parse_id(s, "problem"),
    )


def _asker(answers: Path | None, what: str) -> Asker:
    """The answers file if one is given, else the terminal, else an error naming both."""
    if answers is not None:
        from smcoach.cli.prompts import AnswersAsker, load_answers

        return AnswersAsker(load_answers(answers))
    if not interactive():
        raise SmcoachError(t("missing", what=what, how="--answers FILE"))
    return TerminalAsker()


# --- the flow ----------------------------------------------------------------------------------


# Inside a session, a plan from the chosen idea is made later, at the session's plan step, so
# that it serves the goal set first: this is called with the attempt instead of making it now.
_plan_later: ContextVar[Callable[[int], None] | None] = ContextVar("plan_later", default=None)


def work_on_problem(
    store: "Store",
    asker: Asker,
    problem_id: int | None,
    today: date,
    *,
    assess_now: bool = False,
    plan_later: Callable[[int], None] | None = None,
    draft: str | None = None,
) -> int:
    """Work on a problem from wherever it stands (None: name a new one) until it comes to rest:
    an idea chosen and waiting to be tried, or solved, or set aside. Returns the problem's ID.

    Every question goes through `asker` (keys 'solve.*'; 'plan.*' too if the person makes the
    chosen idea an action plan) and every answer is saved as it is given, so stopping anywhere
    loses nothing answered. A problem already at rest is left as it is: solved, set aside
    (see 'smcoach solve revisit' to pick it up again), or with an idea chosen today, which has
    yet to be tried, unless `assess_now` (as 'smcoach solve revisit' does).

    `plan_later`: see _plan_later. `draft`: words to offer as the problem (what got in the
    way, said at feedback), kept with Enter."""
    token = _plan_later.set(plan_later)
    try:
        return _work_on_problem(store, asker, problem_id, today, assess_now, draft)
    finally:
        _plan_later.reset(token)


def _work_on_problem(
    store: "Store",
    asker: Asker,
    problem_id: int | None,
    today: date,
    assess_now: bool,
    draft: str | None,
) -> int:
    from smcoach.domain.problems import CLOSED, next_stage, waiting_to_be_tried

    shown: set[str] = set()  # the steps whose heading has been shown
    if problem_id is None:
        problem_id = _name(store, asker, today, draft)
        shown.add("name")
    else:
        problem = store.problem(problem_id)
        attempts = store.problem_attempts([problem_id])[problem_id]
        if problem.status in CLOSED or (
            not assess_now and waiting_to_be_tried(problem, attempts, today)
        ):
            return problem_id
        asker.say(t("solve.problem", id=problem_id, text=problem.text))
    while True:
        problem = store.problem(problem_id)
        ideas = store.problem_ideas([problem_id])[problem_id]
        attempts = store.problem_attempts([problem_id])[problem_id]
        stage = next_stage(problem, ideas, attempts)
        if stage == "done":
            return problem_id
        if stage not in shown:
            _heading(asker, stage)
            shown.add(stage)
        if STAGES[stage](store, asker, problem, ideas, attempts, today):
            return problem_id


def _heading(asker: Asker, stage: str) -> None:
    from smcoach.content import card

    asker.say(card("solve", f"step_{stage}"))


def _text(field: str) -> Callable[[str], str]:
    return lambda s: require_text(s, field)


def _name(store: "Store", asker: Asker, today: date, draft: str | None = None) -> int:
    """Step 1, for a new problem: what it is. Saved as soon as it is said."""
    from smcoach.content import card
    from smcoach.domain.problems import is_vague

    asker.say(card("solve", "intro"))
    _heading(asker, "name")
    question = card("solve", "problem_draft" if draft else "problem")
    text = asker.ask("solve.problem", question, _text(t("what.problem")), default=draft or None)
    problem_id = store.add_problem(text, today, now())
    asker.say(t("solve.saved", id=problem_id))
    if hold_back(text):
        # Not a problem for ideas and suggestions: straight to step 6, someone to talk to.
        store.ask_for_help(problem_id, today)
        asker.say(t("solve.problem_talk_first"))
        return problem_id
    if is_vague(text):
        asker.say(card("solve", "vague"))
        better = asker.ask(
            "solve.problem_again", card("solve", "problem_again"), _text(t("what.problem")), text
        )
        if better != text:
            store.rename_problem(problem_id, better, today)
    return problem_id


# Each stage asks its questions, saves each answer, and returns True when the problem has come
# to rest (an idea chosen, or solved, or set aside), False to go on to the next stage.
Stage = Callable[["Store", Asker, "Problem", "list[Idea]", "list[Attempt]", date], bool]


def _kind(
    store: "Store",
    asker: Asker,
    problem: "Problem",
    ideas: "list[Idea]",
    attempts: "list[Attempt]",
    today: date,
) -> bool:
    """Step 1, the rest: what kind of problem it is, to offer ideas for that kind."""
    from smcoach.content import card
    from smcoach.domain.problems import KINDS

    options = [(k, card("solve", f"kind_{k}")) for k in KINDS]
    kind = asker.choose("solve.kind", card("solve", "kind"), options)
    store.set_problem_kind(problem.id, kind, today)
    return False


def _ideas(
    store: "Store",
    asker: Asker,
    problem: "Problem",
    ideas: "list[Idea]",
    attempts: "list[Attempt]",
    today: date,
) -> bool:
    """Step 2: the person's own ideas, each saved as typed; then suggestions for the kind."""
    from smcoach.content import card, card_list
    from smcoach.domain.problems import Idea, new_suggestions, parse_numbers

    listed = list(ideas)
    if listed:
        asker.say(t("solve.ideas_so_far"))
        for idea in listed:
            asker.say(f"  - {one_line(idea.text)}")

    def keep(text: str) -> None:
        idea_id = store.add_idea(problem.id, text, "own", today)
        listed.append(Idea(idea_id, problem.id, text, "own"))

    question = card("solve", "more_ideas" if listed else "ideas")
    if isinstance(asker, TerminalAsker):
        # One line at a time, each saved at once: stopping part-way keeps the ideas typed.
        asker.say(question)
        while (text := asker.optional("solve.ideas", "  -")) is not None:
            keep(text)
    else:
        for text in asker.many("solve.ideas", question):
            keep(text)
    offered = new_suggestions(card_list("solve", f"ideas_{problem.kind}"), listed)
    if any(hold_back(i.text) for i in listed):
        offered = []  # no suggestions beside words that call for help now
    from smcoach.cli.library_hints import read_more

    read_more(store, asker.say, problem, [i.text for i in listed])
    taken: list[str] = []
    if offered:
        asker.say(card("solve", "suggestions"))
        for n, suggestion in enumerate(offered, 1):
            asker.say(f"  {n}. {suggestion}")
        numbers = asker.ask(
            "solve.suggestions",
            card("solve", "suggestions_pick"),
            lambda s: parse_numbers(s, len(offered)),
            default="",
        )
        taken = [offered[n - 1] for n in numbers]
    store.finish_ideas(problem.id, taken, today)
    if not listed and not taken:
        asker.say(t("solve.no_ideas"))
    return False


def _choose(
    store: "Store",
    asker: Asker,
    problem: "Problem",
    ideas: "list[Idea]",
    attempts: "list[Attempt]",
    today: date,
) -> bool:
    """Step 3: one idea to try."""
    from smcoach.content import card
    from smcoach.domain.problems import untried_ideas

    untried = _to_try(untried_ideas(ideas, attempts))
    if not untried:  # only ideas that call for help now: someone to talk to instead
        return _talk_first(store, asker, problem, None, today)
    choice = asker.choose("solve.choice", card("solve", "choose"), _numbered(untried))
    idea = untried[int(choice) - 1]
    attempt_id = store.choose_idea(problem.id, idea.id, today)
    _started(store, asker, problem.id, attempt_id, idea.text, today)
    return True


def _to_try(ideas: "list[Idea]") -> "list[Idea]":
    """The ideas that can be offered to try: never one whose words call for help now."""
    return [i for i in ideas if not hold_back(i.text)]


def _talk_first(
    store: "Store", asker: Asker, problem: "Problem", new_idea: str | None, today: date
) -> bool:
    """An idea whose words call for help now is not encouraged: it is kept as typed (a new
    one is added to the list, not tried), and the problem goes on to step 6, someone to talk
    to. The help-now signposting is shown (once a command) by `hold_back`."""
    if new_idea is not None:
        store.keep_idea_ask_for_help(problem.id, new_idea, "own", today)
    else:
        store.ask_for_help(problem.id, today)
    asker.say(t("solve.talk_first"))
    return False


def _numbered(ideas: "list[Idea]") -> list[tuple[str, str]]:
    """Ideas as menu options '1', '2', …; their text escaped, as the person typed it."""
    return [(str(n), i.text) for n, i in enumerate(ideas, 1)]


def _started(
    store: "Store", asker: Asker, problem_id: int, attempt_id: int, idea: str, today: date
) -> None:
    """An idea has been chosen: offer to make it this week's action plan, then rest."""
    from smcoach.content import card
    from smcoach.domain.problems import parse_yes

    if asker.ask("solve.make_plan", card("solve", "make_plan"), parse_yes, default=""):
        from smcoach.cli.plans import make_plan

        later = _plan_later.get()
        if later is not None:
            later(attempt_id)
            asker.say(t("solve.chosen", id=problem_id))
            return

        plan_id = make_plan(store, asker, {"what": idea, "start": today.isoformat()})
        if plan_id is not None:
            store.link_plan(attempt_id, plan_id)
    asker.say(t("solve.chosen", id=problem_id))


def _assess(
    store: "Store",
    asker: Asker,
    problem: "Problem",
    ideas: "list[Idea]",
    attempts: "list[Attempt]",
    today: date,
) -> bool:
    """Step 4: how the idea went."""
    from smcoach.content import card
    from smcoach.domain.problems import pending

    attempt = pending(attempts)
    assert attempt is not None  # the 'assess' stage means one is waiting
    texts = {i.id: i.text for i in ideas}
    asker.say(t("solve.tried", day=day_text(attempt.started, "day"), idea=texts[attempt.idea_id]))
    if attempt.plan_id is not None:
        from smcoach.render.views import tally

        plan = store.plan(attempt.plan_id)
        checkins = store.checkins([plan.id])[plan.id]
        asker.say(t("solve.plan_progress", plan=plan.id, tally=tally(plan, checkins)))
    options = [
        (r, card("solve", f"result_{r}")) for r in ("worked", "partly", "did_not_work", "not_yet")
    ]
    result = asker.choose("solve.result", card("solve", "result"), options)
    if result == "not_yet":
        asker.say(t("solve.not_yet", id=problem.id))
        return True
    status = store.record_result(problem.id, result, today)
    note = asker.optional("solve.note", card("solve", "note"))
    if note is not None:
        store.note_attempt(attempt.id, note)
        if hold_back(note):  # no more steps now: someone to talk to comes first
            asker.say(t("solve.talk_first"))
            return True
    if status == "solved":
        asker.say(t("solve.solved", id=problem.id))
        return True
    return False


def _substitute(
    store: "Store",
    asker: Asker,
    problem: "Problem",
    ideas: "list[Idea]",
    attempts: "list[Attempt]",
    today: date,
) -> bool:
    """Step 5: another idea from the list, the same one again if it helped a little, a new
    idea, or on to other people and services."""
    from smcoach.content import card
    from smcoach.domain.problems import untried_ideas

    last = [a for a in attempts if a.result is not None][-1]
    texts = {i.id: i.text for i in ideas}
    result = t(f"solve.result.{last.result}")
    asker.say(t("solve.last_result", idea=texts[last.idea_id], result=result))
    untried = _to_try(untried_ideas(ideas, attempts))
    options = _numbered(untried)
    if last.result == "partly":
        options.append(("same", card("solve", "keep_going")))
    options += [("new", card("solve", "new_idea_option")), ("help", card("solve", "help_option"))]
    choice = asker.choose("solve.substitute", card("solve", "substitute"), options)
    if choice == "help":
        store.ask_for_help(problem.id, today)
        return False
    if choice == "new":
        return _try_new_idea(store, asker, problem, "own", today)
    idea_id = last.idea_id if choice == "same" else untried[int(choice) - 1].id
    attempt_id = store.choose_idea(problem.id, idea_id, today)
    _started(store, asker, problem.id, attempt_id, texts[idea_id], today)
    return True


def _try_new_idea(
    store: "Store", asker: Asker, problem: "Problem", source: str, today: date
) -> bool:
    from smcoach.content import card

    text = asker.ask("solve.new_idea", card("solve", "new_idea"), _text(t("what.idea")))
    if hold_back(text):
        return _talk_first(store, asker, problem, text, today)
    attempt_id = store.add_and_choose_idea(problem.id, text, source, today)
    _started(store, asker, problem.id, attempt_id, text, today)
    return True


def _resources(
    store: "Store",
    asker: Asker,
    problem: "Problem",
    ideas: "list[Idea]",
    attempts: "list[Attempt]",
    today: date,
) -> bool:
    """Step 6: someone who could help, or a service to try: that becomes the idea to try."""
    from smcoach.content import card, card_list

    asker.say(card("solve", "resources_intro"))
    for kind in card_list("solve", "resources"):
        asker.say(f"  - {kind}")
    if not hold_back(problem.text):  # words that call for help now: someone to talk to first
        from smcoach.cli.service_offer import try_a_service

        chosen = try_a_service(store, asker, problem, today)
        if chosen is not None:  # a community service from the directory: the idea to try
            _started(store, asker, problem.id, chosen[0], chosen[1], today)
            return True
    who = asker.optional("solve.resource", card("solve", "resource"))
    if hold_back(problem.text) and (who is None or hold_back(who)):
        # Never "set it aside" for words that call for help now: rest here, at step 6.
        if who is not None:
            store.keep_idea_ask_for_help(problem.id, who, "resource", today)
        asker.say(t("solve.problem_talk_first"))
        return True
    if who is None:
        store.no_one_to_ask(problem.id, today)
        return False
    if hold_back(who):
        store.keep_idea_ask_for_help(problem.id, who, "resource", today)
        asker.say(t("solve.talk_first"))
        return True
    attempt_id = store.add_and_choose_idea(problem.id, who, "resource", today)
    _started(store, asker, problem.id, attempt_id, who, today)
    return True


def _accept(
    store: "Store",
    asker: Asker,
    problem: "Problem",
    ideas: "list[Idea]",
    attempts: "list[Attempt]",
    today: date,
) -> bool:
    """Step 7: it may not be solvable right now. Set it aside, or try one more idea."""
    from smcoach.content import card

    asker.say(card("solve", "accept_intro"))
    options = [("aside", card("solve", "accept_aside")), ("idea", card("solve", "accept_idea"))]
    if asker.choose("solve.accept", card("solve", "accept"), options) == "idea":
        return _try_new_idea(store, asker, problem, "own", today)
    store.set_aside(problem.id, today)
    asker.say(t("solve.set_aside", id=problem.id))
    return True


STAGES: dict[str, Stage] = {
    "name": _kind,
    "ideas": _ideas,
    "choose": _choose,
    "assess": _assess,
    "substitute": _substitute,
    "resources": _resources,
    "accept": _accept,
}
