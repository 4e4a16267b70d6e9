"""smcoach check: the daily check-in on an action plan, and the day's symptom ratings."""

from datetime import date as Date
from typing import TYPE_CHECKING, Annotated

import typer

from smcoach.cli.common import interactive, now, today
from smcoach.cli.helpnow import screened
from smcoach.cli.prompts import ask, ask_optional, choose
from smcoach.domain.dates import parse_day
from smcoach.domain.models import CheckIn, Plan
from smcoach.domain.rules import parse_id
from smcoach.domain.symptoms import parse_optional_rating, parse_rates
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.render import notice

if TYPE_CHECKING:
    from smcoach.domain.symptoms import Symptom
    from smcoach.store import Store

Opt = typer.Option
STATUS_WORDS = {"done": "done", "partly": "partly done", "not": "not done", "rest": "a rest day"}


def check(
    ctx: typer.Context,
    plan_id: Annotated[
        str | None, typer.Argument(help="The plan (default: your current one).", show_default=False)
    ] = None,
    done: Annotated[bool, Opt("--done", help="You did it.")] = False,
    partly: Annotated[bool, Opt("--partly", help="You did some of it.")] = False,
    not_: Annotated[bool, Opt("--not", help="You did not do it this time.")] = False,
    rest: Annotated[
        bool,
        Opt("--rest", help="A day of illness, flare-up or travel: it does not count against you."),
    ] = False,
    date: Annotated[
        str | None,
        Opt(
            "--date",
            help="The day (default today): e.g. yesterday, mon, 2026-11-23.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        Opt("--note", help="A few words about the day.", show_default=False, callback=screened),
    ] = None,
    rate: Annotated[
        list[str] | None,
        Opt(
            "--rate",
            metavar="NAME=N",
            help="Rate a symptom on your list from 0 to 10, e.g. --rate fatigue=6 (repeatable; "
            "see 'smcoach symptoms'). Works with or without a check-in.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Check in on your plan for a day; with no flags, asks about each day not yet answered.

    One check-in per plan per day: checking in again replaces the first answer.

    --rate NAME=N rates a symptom on your list for the day, 0-10 (again replaces it), with or
    without a check-in; a command's check-in and ratings are saved together or not at all.
    With no flags in a terminal, it then asks about each symptom not yet rated today.

    Example: smcoach check --done --note "went with my neighbour" --rate fatigue=6
    """
    store = ctx.obj.store
    day = today()
    chosen = [
        s for s, flag in (("done", done), ("partly", partly), ("not", not_), ("rest", rest)) if flag
    ]
    if len(chosen) > 1:
        raise SmcoachError(t("check.one_status"))
    ratings = parse_rates(rate) if rate else []
    when = parse_day(date, day) if date is not None else day
    if not chosen and not ratings:
        if not interactive():
            raise SmcoachError(t("check.no_flags_no_terminal"))
        if when > day:
            raise SmcoachError(t("check.future", day=when))
        _ask_each_day(ctx, parse_id(plan_id, "plan") if plan_id is not None else None, day, when)
        return
    if when > day:
        raise SmcoachError(t("check.future", day=when))
    checkin = None
    if chosen:
        plan = _plan_for(store, plan_id, when)
        if not plan.covers(when):
            raise SmcoachError(
                t("check.outside", day=when, id=plan.id, start=plan.start, end=plan.end)
            )
        checkin = CheckIn(plan.id, when, chosen[0], note)
    else:  # ratings alone: there is no check-in for a plan ID or a note to go with
        for what, given in (("a plan ID", plan_id), ("--note", note)):
            if given is not None:
                raise SmcoachError(t("rating.needs_status", what=what))
    _save(store, when, checkin, ratings)


def _plan_for(store: "Store", plan_id: str | None, day: Date) -> Plan:
    if plan_id is not None:
        return store.plan(parse_id(plan_id, "plan"))
    covering = [p for p in store.plans() if p.covers(day)]
    if not covering:
        raise SmcoachError(_no_plan_on(store, day))
    if len(covering) == 1:
        return covering[0]
    ids = ", ".join(str(p.id) for p in covering)
    if not interactive():
        raise SmcoachError(t("plan.which", n=len(covering), ids=ids, first=covering[0].id))
    number = ask(f"Which plan ({ids})?", lambda s: parse_id(s, "plan"), what="the plan")
    return next((p for p in covering if p.id == number), None) or store.plan(number)


def _no_plan_on(store: "Store", day: Date) -> str:
    """Why no plan takes a check-in for `day`, true to the plans there are."""
    shown = f"{day:%a %d %b %Y}"
    ended = [p for p in store.plans(include_ended=True) if p.covers(day)]
    if ended:
        return t("check.plan_ended", day=shown, id=ended[-1].id)
    plans = store.plans()
    later = [p for p in plans if p.start > day]
    if later:
        first = later[0]
        return t("check.before_plan", day=shown, id=first.id, start=f"{first.start:%a %d %b %Y}")
    if plans:
        last = plans[-1]
        return t("check.after_plan", day=shown, id=last.id, end=f"{last.end:%a %d %b %Y}")
    return t("plan.none_current")


def _save(
    store: "Store", day: Date, checkin: CheckIn | None, ratings: list[tuple[str, int]]
) -> None:
    """Save the check-in and the ratings of one command in one transaction, then say so."""
    if ratings:
        old, saved = store.save_ratings(day, ratings, now(), checkin)
    elif checkin is not None:
        old, saved = store.check_in(checkin, now()), []
    else:
        return
    if checkin is not None:
        _said_checked(checkin, old)
    from smcoach.domain.symptoms import RECENT_DAYS, needs_care_note

    shown = f"{day:%a %d %b}"
    for r in saved:
        if r.replaced is not None and r.replaced != r.rating:
            notice(
                t("saved.rating_replaced", name=r.name, rating=r.rating, day=shown, old=r.replaced)
            )
        else:
            notice(t("saved.rating", name=r.name, rating=r.rating, day=shown))
        usual = store.recent_average(r.symptom_id, day, RECENT_DAYS)
        if needs_care_note(r.rating, usual, r.higher_is_better):
            notice(t("rating.care", name=r.name), "safety")


def _said_checked(checkin: CheckIn, old: CheckIn | None) -> None:
    day = f"{checkin.day:%a %d %b}"
    status = STATUS_WORDS[checkin.status]
    if old and old.status != checkin.status:
        notice(t("saved.check_replaced", day=day, status=status, old=STATUS_WORDS[old.status]))
    else:
        notice(t("saved.check", day=day, status=status))
    if old and old.note and checkin.note is None:
        notice(t("saved.note_kept", note=old.note))
    elif old and old.note and checkin.note is not None and checkin.note != old.note:
        notice(t("saved.note_replaced", note=old.note))


def _ask_each_day(ctx: typer.Context, plan_id: int | None, day: Date, rate_day: Date) -> None:
    """Each answer is saved as it is given, so stopping part-way keeps what was answered.
    After the plans' days, asks for a rating of each symptom not yet rated on `rate_day`."""
    from smcoach.content import card
    from smcoach.domain.week import days_to_ask

    store = ctx.obj.store
    plans = [store.plan(plan_id)] if plan_id else [p for p in store.plans() if p.covers(day)]
    symptoms = store.symptoms()
    if not plans and not symptoms:
        raise SmcoachError(t("plan.none_current"))
    checkins = store.checkins([p.id for p in plans])
    options = [
        ("done", "done"),
        ("partly", "partly"),
        ("not", "not done"),
        ("rest", "rest day"),
        ("skip", "skip for now"),
    ]
    asked = False
    for plan in plans:
        for d in days_to_ask(plan, checkins[plan.id], day):
            asked = True
            question = f"{d:%a %d %b}, plan {plan.id} ({plan.what}): {card('check', 'status')}"
            status = choose(question, options, what="how it went")
            if status == "skip":
                continue
            note = ask_optional(card("check", "note"), what="a note")
            _save(store, d, CheckIn(plan.id, d, status, note), [])
    if plans and not asked:
        notice(t("nothing_to_ask"))
    if symptoms:
        _ask_ratings(store, symptoms, rate_day, day)


def _ask_ratings(store: "Store", symptoms: "list[Symptom]", day: Date, current: Date) -> None:
    """A 0-10 rating of each symptom not yet rated that day, each saved as it is given."""
    from smcoach.content import card

    rated = {r.symptom_id for r in store.ratings_for(day)}
    if all(symptom.id in rated for symptom in symptoms):
        notice(t("rating.all_done", day=f"{day:%a %d %b}"))
        return
    for symptom in symptoms:
        if symptom.id in rated:
            continue
        from smcoach.render.views import symptom_scale

        scale = symptom_scale(symptom)
        if day == current:
            question = card("symptoms", "rating", symptom=symptom.name, scale=scale)
        else:
            question = card(
                "symptoms", "rating_on", day=f"{day:%a %d %b}", symptom=symptom.name, scale=scale
            )
        rating = ask(question, parse_optional_rating, what=f"the rating of {symptom.name}")
        if rating is not None:
            _save(store, day, None, [(symptom.name, rating)])
