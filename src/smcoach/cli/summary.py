"""Gathering the appointment summary from the store, for `smcoach export --format md/html`.

Reads through the Store's query methods only (no SQL here), then hands the records to the pure
builder in domain/summary.py. Render the result with smcoach.render.summary.
"""

from datetime import date, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from smcoach.domain.summary import Summary
    from smcoach.store import Store


def appointment_summary(store: "Store", day: date) -> "Summary":
    """The summary made on `day`: the open agenda, active goals, this week's plans, the trends
    of the four ISO weeks up to `day`'s, symptom averages over the 28 days up to and including
    `day`, open problems, the latest self-efficacy check and the questions not yet asked."""
    from smcoach import i18n
    from smcoach.domain import summary as domain
    from smcoach.domain.dates import iso_week
    from smcoach.domain.selfefficacy import shown_form

    mondays = domain.trend_window(day)
    first, last = iso_week(mondays[0]), iso_week(mondays[-1])
    plan_weeks, _ = store.plan_figures(first, last, day)
    plans = store.plans()
    symptoms = store.symptoms(include_removed=True)
    # recent_average counts the days before the one given: the day after `day` includes it.
    after = day + timedelta(days=1)
    averages = {
        s.id: store.recent_average(s.id, after, domain.AVERAGE_DAYS)
        for s in symptoms
        if s.status == "active"
    }
    problems = store.problems()
    ids = [p.id for p in problems]
    form = shown_form(store.selfcheck_forms(), i18n.language())
    return domain.build(
        day,
        agenda=store.agenda(),
        goals=store.goals(),
        plans=plans,
        checkins=store.checkins([p.id for p in plans]),
        plan_weeks=plan_weeks,
        selfefficacy_weeks=store.weekly_selfefficacy(first, last, form),
        selfefficacy_form=form,
        symptom_weeks=store.symptom_weekly_averages(first, last),
        symptoms=symptoms,
        averages=averages,
        problems=problems,
        ideas=store.problem_ideas(ids),
        attempts=store.problem_attempts(ids),
        selfchecks=store.selfchecks(),
        questions=store.questions(),
    )
