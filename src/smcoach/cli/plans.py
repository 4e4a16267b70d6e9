"""smcoach plan: this week's action plans, made with the action-plan coach."""

import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from smcoach.cli.common import interactive, now, today
from smcoach.cli.library_hints import suggest_topics
from smcoach.cli.prompts import Asker, TerminalAsker, ask, ask_optional, choose, require
from smcoach.cli.signpost import screened
from smcoach.domain.dates import parse_day, parse_weekdays
from smcoach.domain.rules import (
    parse_confidence,
    parse_how_often,
    parse_id,
    parse_times,
    require_text,
)
from smcoach.errors import NotSaved, SmcoachError
from smcoach.messages import kept, t
from smcoach.render import notice

if TYPE_CHECKING:
    from smcoach.domain import coach
    from smcoach.domain.models import PlanDraft
    from smcoach.store import Store

T = TypeVar("T")

app = typer.Typer(
    help="Action plans: one specific thing you will do this week.\n\n"
    "On its own, 'smcoach plan' lists the current ones, as 'smcoach plan list' does.\n\n"
    "Example: smcoach plan new",
)


@app.callback(invoke_without_command=True)
def _alone(ctx: typer.Context) -> None:
    if ctx.invoked_subcommand is None:  # 'smcoach plan' lists them, as 'git remote' does
        list_(ctx)


Opt = typer.Option


def _text(field: str) -> Callable[[str], str]:
    return lambda s: require_text(s, field)


@app.command("new")
def new(
    ctx: typer.Context,
    what: Annotated[
        str | None, Opt("--what", help="What you will do.", show_default=False, callback=screened)
    ] = None,
    how_much: Annotated[
        str | None,
        Opt(
            "--how-much",
            help="How much, e.g. '15 minutes'.",
            show_default=False,
            callback=screened,
        ),
    ] = None,
    when: Annotated[
        str | None,
        Opt(
            "--when",
            help="When in the day, e.g. 'after lunch'.",
            show_default=False,
            callback=screened,
        ),
    ] = None,
    days: Annotated[
        str | None, Opt("--days", help="Which days, e.g. mon,wed,fri.", show_default=False)
    ] = None,
    times: Annotated[
        str | None,
        Opt("--times", help="Or how many times this week (1-7), any days.", show_default=False),
    ] = None,
    confidence: Annotated[
        str | None, Opt("--confidence", help="How sure you are, 0-10.", show_default=False)
    ] = None,
    goal: Annotated[
        str | None, Opt("--goal", help="The goal it serves (ID).", show_default=False)
    ] = None,
    start: Annotated[
        str | None,
        Opt("--start", help="First day of the plan's week (default today).", show_default=False),
    ] = None,
    keep_anyway: Annotated[
        bool, Opt("--keep-anyway", help="Save even with confidence under 7.")
    ] = False,
    service: Annotated[
        str | None,
        Opt(
            "--service",
            help="The community service it uses (its ID, see 'smcoach services list'): shown "
            "with the plan, with its phone and hours.",
            show_default=False,
        ),
    ] = None,
    agreed: Annotated[
        bool,
        Opt(
            "--agreed",
            help="You have agreed this plan with your doctor, nurse, pharmacist or "
            "physiotherapist: needed to save a plan that changes a medicine, cuts back food "
            "sharply or steps up exercise a lot.",
        ),
    ] = False,
) -> None:
    """Make this week's action plan: what, how much, when, how often, and your confidence.

    Asks for anything not given when run in a terminal. The coach reads the plan before it is
    saved; a plan with confidence under 7 is saved only if you choose to keep it, and one that
    changes a medicine, food or exercise a lot only once you have agreed it with a health
    professional.

    Example: smcoach plan new --what "walk round the park" --how-much "15 minutes"
    --when "after lunch" --days mon,wed,fri --confidence 8
    """
    prefill = {
        "what": what,
        "how_much": how_much,
        "when": when,
        "days": days,
        "times": times,
        "confidence": confidence,
        "goal": goal,
        "start": start,
    }
    asker = _PlanTerminal() if interactive() else None
    make_plan(
        ctx.obj.store, asker, prefill, keep_anyway=keep_anyway, agreed=agreed, service=service
    )


PREFILL_KEYS = ("what", "how_much", "when", "days", "times", "confidence", "goal", "start")


class PlanLeft(Exception):
    """The person chose to leave the plan unsaved."""


def make_plan(
    store: "Store",
    asker: Asker | None,
    prefill: Mapping[str, str | None],
    *,
    keep_anyway: bool = False,
    agreed: bool = False,
    defaults: Mapping[str, str] | None = None,
    replaces: int | None = None,
    service: str | None = None,
) -> int | None:
    """Make an action plan with the coach and save it; returns its ID, or None when the person
    chose to leave it.

    `prefill` gives any of PREFILL_KEYS as typed (as the flags of 'plan new' would); the asker
    is asked for the rest (keys 'plan.what', 'plan.how_much', 'plan.when', 'plan.how_often',
    'plan.confidence') and then talks the plan through (plan.help_now, plan.safety,
    plan.smaller, plan.barrier, plan.barrier_idea, and each part again). With no asker nothing
    is asked: a missing value is an error naming its flag, a plan under confidence 7 is
    refused unless `keep_anyway`, and one with a safety finding unless `agreed`. Words that
    call for help now are never made a plan: at a terminal they are caught as they are typed,
    and nothing more is asked about them.

    `defaults` offers answers to keep with Enter (what, how_much, when, how_often): an idea
    chosen in problem-solving, or the plan being adjusted. `replaces`: the plan this one
    replaces from its start (that plan ends, keeping its history). `service`: the ID of the
    community service the plan uses (see 'smcoach services'), tied to it once it is saved."""
    try:
        return _make_plan(
            store, asker, prefill, keep_anyway, agreed, defaults or {}, replaces, service
        )
    except PlanLeft:
        if asker is not None:
            asker.say(t("plan.left"))
        return None


def _make_plan(
    store: "Store",
    asker: Asker | None,
    prefill: Mapping[str, str | None],
    keep_anyway: bool,
    agreed: bool,
    defaults: Mapping[str, str],
    replaces: int | None,
    service_ref: str | None = None,
) -> int:
    from smcoach.content import card, plan_coach
    from smcoach.domain.coach import calls_for_help, is_confident, needs_agreement
    from smcoach.domain.models import PlanDraft

    unknown = set(prefill) - set(PREFILL_KEYS)
    if unknown:
        raise ValueError(f"unknown plan fields: {', '.join(sorted(unknown))}")
    what, how_much, when, days, times, confidence, goal, start = (
        prefill.get(k) for k in PREFILL_KEYS
    )
    day = today()
    if days is not None and times is not None:
        raise SmcoachError(t("plan.days_or_times"))
    service = None
    if service_ref is not None:  # an unknown service is an error before anything is asked
        from smcoach.cli.work.services import find_service
        from smcoach.domain.services import idea_text

        service = find_service(store, service_ref, day)
        defaults = {"what": idea_text(service), **defaults}
        if what is None and asker is None:
            what = defaults["what"]
    if asker is not None and None in (what, how_much, when, confidence) + ((days or times),):
        asker.say(card("plan", "intro"))
    draft = PlanDraft(
        what=_part(asker, what, "what", t("field.what"), "--what", defaults),
        how_much=_part(asker, how_much, "how_much", t("field.how_much"), "--how-much", defaults),
        when=_part(asker, when, "when", t("field.when"), "--when", defaults),
        days=None,
        times=None,
        confidence=0,
        start=parse_day(start, day) if start is not None else day,
        goal_id=parse_id(goal, "goal") if goal is not None else None,
    )
    chosen: tuple[tuple[str, ...] | None, int | None]
    if days is not None:
        chosen = parse_weekdays(days), None
    elif times is not None:
        chosen = None, parse_times(times)
    else:
        chosen = _need(
            asker,
            None,
            "how_often",
            t("field.days"),
            t("how.days_or_times"),
            parse_how_often,
            defaults.get("how_often"),
        )
    draft = draft._replace(days=chosen[0], times=chosen[1])
    draft = draft._replace(
        confidence=_need(
            asker,
            confidence,
            "confidence",
            t("field.confidence"),
            "--confidence 0-10",
            parse_confidence,
        )
    )
    first_confidence = draft.confidence
    if draft.goal_id is not None:
        store.goal(draft.goal_id)  # an unknown goal is an error before any coaching
    others = len([p for p in store.plans() if p.covers(draft.start) and p.id != replaces])
    coach = plan_coach()
    if asker is not None and not keep_anyway:
        draft, kept_low, barrier, agreed = _coach_at_prompts(asker, draft, others, agreed)
    else:
        findings = _show_findings(draft, others)
        if calls_for_help(findings):
            raise NotSaved(t("plan.help_now_refused"))
        if needs_agreement(findings) and not agreed:
            raise NotSaved(t("plan.safety_refused"))
        if not is_confident(draft) and not keep_anyway:
            key = "plan.low_confidence_refused"
            if any(f.code == "low_confidence_care" for f in findings):
                key = "plan.low_confidence_refused_care"
            raise NotSaved(t(key, confidence=draft.confidence))
        kept_low, barrier = keep_anyway, None
    plan_id = store.add_plan(
        draft,
        first_confidence,
        kept_low and not is_confident(draft),
        now(),
        barrier,
        agreed_with_professional=agreed and needs_agreement(coach.review(draft)),
        replaces=replaces,
        service=service,
    )
    plan = store.plan(plan_id)
    notice(t("saved.plan", id=plan_id, start=plan.start, end=plan.end))
    tied = store.plan_service(plan_id) if service is not None else None
    if tied is not None:
        notice(t("services.tied", plan=plan_id, id=tied.ref, name=tied.name))
    suggest_topics(store, draft.what)
    return plan_id


def _part(
    asker: Asker | None,
    value: str | None,
    key: str,
    what: str,
    how: str,
    defaults: Mapping[str, str],
) -> str:
    """A free-text part of the plan. At a terminal, words that call for help now are caught as
    they are typed: the help is shown, and the person may put it another way or leave."""
    from smcoach.cli.signpost import hold_back

    text = _need(asker, value, key, what, how, _text(what), defaults.get(key))
    while asker is not None and hold_back(text):
        text = _help_now_choice(asker, key)
    return text


def _help_now_choice(asker: Asker, key: str, *, shown: bool = False) -> str:
    """The plan's words call for help now: change them (asked afresh, never offering them
    back), or leave the plan. `shown`: the finding is on the screen already."""
    from smcoach.content import card
    from smcoach.domain.coach import Finding
    from smcoach.render import views, write

    if not shown:
        write(views.findings_blocks([Finding("help_now", "help_now", key)]), sys.stderr)
    options = [("change", card("plan", "help_now_change")),
               ("leave", card("plan", "help_now_leave"))]  # fmt: skip
    if asker.choose("plan.help_now", card("plan", "help_now"), options) == "leave":
        raise PlanLeft
    return asker.ask(f"plan.{key}", card("plan", key), _text(t(f"field.{key}")))


def _need(
    asker: Asker | None,
    value: str | None,
    key: str,
    what: str,
    how: str,
    parse: Callable[[str], T],
    default: str | None = None,
) -> T:
    """A value the plan needs: as given (parsed), else asked (Enter keeps `default`), else an
    error naming its flag."""
    from smcoach.content import card

    if value is not None:
        return parse(value)
    if asker is None:
        raise SmcoachError(t("missing", what=what, how=how))
    if default is not None:
        question = card("plan", "again", question=card("plan", key))
        return asker.ask(f"plan.{key}", question, parse, default=default)
    return asker.ask(f"plan.{key}", card("plan", key), parse)


class _PlanTerminal(TerminalAsker):
    """The terminal, naming each question in words if input ends before it is answered."""

    NAMES = {  # each question's name in the catalogue
        "plan.what": "field.what",
        "plan.how_much": "field.how_much",
        "plan.when": "field.when",
        "plan.how_often": "field.days",
        "plan.confidence": "field.confidence",
        "plan.smaller": "what.how_to_go_on",
        "plan.barrier": "what.barrier",
        "plan.barrier_idea": "what.idea",
        "plan.safety": "what.agreed",
        "plan.help_now": "what.how_to_go_on",
    }

    def name(self, key: str) -> str:
        return t(self.NAMES.get(key, "what.this_question"))

    def ask(
        self, key: str, question: str, parse: Callable[[str], T], default: str | None = None
    ) -> T:
        return ask(question, parse, what=self.name(key), default=default)

    def optional(self, key: str, question: str) -> str | None:
        return ask_optional(question, what=self.name(key))

    def choose(self, key: str, question: str, options: list[tuple[str, str]]) -> str:
        return choose(question, options, what=self.name(key))


def _show_findings(draft: "PlanDraft", others: int) -> "list[coach.Finding]":
    from smcoach.content import plan_coach
    from smcoach.render import views, write

    findings = plan_coach().review(draft, others)
    write(views.findings_blocks(findings, confidence=draft.confidence, others=others), sys.stderr)
    return findings


def _reask(asker: Asker, draft: "PlanDraft", field: str) -> "PlanDraft":
    """Ask one part of the plan again, offering the current answer as the default. Words that
    call for help now are caught as they are typed, as at the first asking."""
    from smcoach.cli.signpost import hold_back
    from smcoach.content import card

    if field == "days":
        from smcoach.i18n import weekday_text

        # as the person's language writes the days (and reads them back): lun,mié,vie
        days = draft.days
        current = ",".join(map(weekday_text, days)) if days is not None else str(draft.times)
        question = card("plan", "again", question=card("plan", "how_often"))
        days, times = asker.ask("plan.how_often", question, parse_how_often, default=current)
        return draft._replace(days=days, times=times)
    value = asker.ask(
        f"plan.{field}",
        card("plan", "again", question=card("plan", field)),
        _text(t(f"field.{field}")),
        default=getattr(draft, field),
    )
    while hold_back(value):
        value = _help_now_choice(asker, field)
    return _replace_part(draft, field, value)


def _replace_part(draft: "PlanDraft", field: str, value: str) -> "PlanDraft":
    if field == "what":
        return draft._replace(what=value)
    if field == "how_much":
        return draft._replace(how_much=value)
    return draft._replace(when=value)


def _coach_at_prompts(
    asker: Asker, draft: "PlanDraft", others: int, agreed: bool
) -> "tuple[PlanDraft, bool, str | None, bool]":
    """Talk the draft through, one step at a time as smcoach.domain.coach.next_ask decides,
    until it is ready to save. Returns the final draft, whether a low confidence was kept on
    purpose, any barrier, and whether the person agreed a safety finding with a professional.
    Raises PlanLeft when they choose to leave it."""
    from smcoach.content import card
    from smcoach.domain.coach import next_ask

    barrier: str | None = None
    kept_low = False
    asked: set[tuple[str, str]] = set()
    smaller = [
        ("less", "how_much", "smaller_less"),
        ("fewer", "days", "smaller_fewer"),
        ("time", "when", "smaller_time"),
        ("what", "what", "smaller_what"),
        ("barrier", None, "smaller_barrier"),
        ("keep", None, "smaller_keep"),
    ]
    while True:
        findings = _show_findings(draft, others)
        step = next_ask(findings, agreed=agreed, kept_low=kept_low, asked=frozenset(asked))
        before = draft
        if step.step == "save":
            return draft, kept_low, barrier, agreed
        if step.step == "help_now":  # a part changed into words that call for help
            part = step.field or "what"
            draft = _replace_part(draft, part, _help_now_choice(asker, part, shown=True))
        elif step.step == "agree":
            options = [("agreed", card("plan", "safety_agreed")),
                       ("change", card("plan", "safety_change")),
                       ("leave", card("plan", "safety_leave"))]  # fmt: skip
            choice = asker.choose("plan.safety", card("plan", "safety"), options)
            if choice == "leave":
                raise PlanLeft
            if choice == "agreed":
                agreed = True
            else:
                draft = _reask(asker, draft, step.field or "what")
        elif step.step == "smaller":
            # For daily care (medicines, inhalers, insulin, monitoring), never "do less".
            offered = smaller if step.code == "low_confidence" else smaller[2:]
            choice = asker.choose(
                "plan.smaller",
                card("plan", "smaller"),
                [(k, card("plan", c)) for k, _, c in offered],
            )
            if choice == "keep":
                kept_low = True
            elif choice == "barrier":
                barrier = asker.ask(
                    "plan.barrier", card("plan", "barrier"), _text(t("what.barrier"))
                )
                idea = asker.optional("plan.barrier_idea", card("plan", "barrier_idea"))
                if idea:  # kept as typed: a record, not a message
                    barrier = kept("plan.barrier_with_idea", barrier=barrier, idea=idea)
            else:
                draft = _reask(
                    asker, draft, next(f for k, f, _ in smaller if k == choice) or "what"
                )
        else:  # a part of the plan to look at again: asked once, and the person may keep it
            asked.add((step.code or "", step.field or ""))
            draft = _reask(asker, draft, step.field or "what")
        if draft != before or (step.step == "smaller" and choice == "barrier"):
            draft = draft._replace(
                confidence=asker.ask(
                    "plan.confidence", card("plan", "confidence"), parse_confidence
                )
            )


IdArg = Annotated[
    str | None, typer.Argument(help="The plan's ID (see 'smcoach plan list').", show_default=False)
]
JsonOpt = Annotated[bool, Opt("--json", help="Print JSON.")]


@app.command("show")
def show(ctx: typer.Context, plan_id: IdArg = None, json_out: JsonOpt = False) -> None:
    """Show one plan with its week, day by day (default: your current plan).

    Example: smcoach plan show 3
    """
    from smcoach.render import views, write, write_json

    store = ctx.obj.store
    day = today()
    if plan_id is not None:
        plan = store.plan(parse_id(plan_id, "plan"))
    else:
        current = [p for p in store.plans() if p.start <= day]
        if not current:
            raise SmcoachError(t("plan.none_current"))
        plan = current[-1]
    checkins = store.checkins([plan.id])[plan.id]
    service = store.plan_service(plan.id)
    if json_out:
        write_json(views.plan_json(plan, checkins, service=service, today=day))
        return
    goal = store.goal(plan.goal_id) if plan.goal_id is not None else None
    write(views.plan_blocks(plan, checkins, goal, day, service=service))


@app.command("list")
def list_(
    ctx: typer.Context,
    all_: Annotated[bool, Opt("--all", help="Include ended plans.")] = False,
    json_out: JsonOpt = False,
) -> None:
    """List your plans that have not ended, with how each week is going.

    Example: smcoach plan list --all --json
    """
    from smcoach.cli.work.lists import plan_list

    plan_list(ctx.obj, all_, json_out)


@app.command("end")
def end(ctx: typer.Context, plan_id: IdArg = None) -> None:
    """End a plan: it stays in your history and stops being shown as current.

    Example: smcoach plan end 3
    """
    number = require(
        plan_id,
        what=t("what.plan_id"),
        how=t("how.argument"),
        question=t("ask.plan_id"),
        parse=lambda s: parse_id(s, "plan"),
    )
    ctx.obj.store.end_plan(number, today())
    notice(t("saved.plan_ended", id=number))
