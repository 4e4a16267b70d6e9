"""The work of `smcoach check`: the daily check-in on an action plan, and the day's symptom
ratings. No typer here (see cli/work/__init__.py); the options are declared in cli/checkin.py."""

from datetime import date as Date

from smcoach.cli.common import Env, interactive, now, today
from smcoach.cli.prompts import ask, ask_optional, checkin_options, choose
from smcoach.domain.dates import parse_day
from smcoach.domain.models import CheckIn, Plan
from smcoach.domain.rules import parse_id
from smcoach.domain.symptoms import parse_optional_rating, parse_rates
from smcoach.errors import SmcoachError
from smcoach.i18n import day_text
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING
from smcoach.render import notice

if TYPE_CHECKING:
    from smcoach.domain.symptoms import Symptom
    from smcoach.store import Store


def check(
    env: Env,
    plan_id: str | None,
    done: bool,
    partly: bool,
    not_: bool,
    rest: bool,
    date: str | None,
    note: str | None,
    rate: list[str] | None,
) -> None:
    """Check in on a plan for a day (see cli/checkin.py for what each option means)."""
    store = env.store
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
        _ask_each_day(env, parse_id(plan_id, "plan") if plan_id is not None else None, day, when)
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
        for what, given in ((t("what.a_plan_id"), plan_id), ("--note", note)):
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
    number = ask(t("plan.which_one", ids=ids), lambda s: parse_id(s, "plan"), what=t("what.plan"))
    return next((p for p in covering if p.id == number), None) or store.plan(number)


def _no_plan_on(store: "Store", day: Date) -> str:
    """Why no plan takes a check-in for `day`, true to the plans there are."""
    every = store.plans(include_ended=True)
    ended = [p for p in every if p.covers(day)]
    if ended:
        return t("check.plan_ended", day=day, id=ended[-1].id)
    plans = [p for p in every if p.status == "active"]
    later = [p for p in plans if p.start > day]
    if later:
        return t("check.before_plan", day=day, id=later[0].id, start=later[0].start)
    if plans:
        return t("check.after_plan", day=day, id=plans[-1].id, end=plans[-1].end)
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

    shown = day_text(day, "day")
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
    day = day_text(checkin.day, "day")
    status = t("status." + checkin.status)
    if old and old.status != checkin.status:
        notice(t("saved.check_replaced", day=day, status=status, old=t("status." + old.status)))
    else:
        notice(t("saved.check", day=day, status=status))
    if old and old.note and checkin.note is None:
        notice(t("saved.note_kept", note=old.note))
    elif old and old.note and checkin.note is not None and checkin.note != old.note:
        notice(t("saved.note_replaced", note=old.note))


def _ask_each_day(env: Env, plan_id: int | None, day: Date, rate_day: Date) -> None:
    """Each answer is saved as it is given, so stopping part-way keeps what was answered.
    After the plans' days, asks for a rating of each symptom not yet rated on `rate_day`."""
    from smcoach.content import card
    from smcoach.domain.week import days_to_ask

    store = env.store
    plans = [store.plan(plan_id)] if plan_id else [p for p in store.plans() if p.covers(day)]
    symptoms = store.symptoms()
    if not plans and not symptoms:
        raise SmcoachError(t("plan.none_current"))
    checkins = store.checkins([p.id for p in plans])
    options = checkin_options(skip="skip_for_now")
    asked = False
    for plan in plans:
        for d in days_to_ask(plan, checkins[plan.id], day):
            asked = True
            question = t("check.day_question", day=day_text(d, "day"), id=plan.id,
                         what=plan.what, question=card("check", "status"))  # fmt: skip
            status = choose(question, options, what=t("what.how_it_went"))
            if status == "skip":
                continue
            _save(store, d, CheckIn(plan.id, d, status, None), [])  # kept before the note
            note = ask_optional(card("check", "note"), what=t("what.note"))
            if note is not None:
                store.check_in(CheckIn(plan.id, d, status, note), now())
                notice(t("saved.note", day=d))
    if plans and not asked:
        notice(t("nothing_to_ask"))
    if symptoms:
        _ask_ratings(store, symptoms, rate_day, day)


def _ask_ratings(store: "Store", symptoms: "list[Symptom]", day: Date, current: Date) -> None:
    """A 0-10 rating of each symptom not yet rated that day, each saved as it is given."""
    from smcoach.content import card

    rated = {r.symptom_id for r in store.ratings_for(day)}
    if all(symptom.id in rated for symptom in symptoms):
        notice(t("rating.all_done", day=day_text(day, "day")))
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
                "symptoms", "rating_on", day=day_text(day, "day"), symptom=symptom.name, scale=scale
            )
        rating = ask(
            question, parse_optional_rating, what=t("what.rating_of", symptom=symptom.name)
        )
        if rating is not None:
            _save(store, day, None, [(symptom.name, rating)])
