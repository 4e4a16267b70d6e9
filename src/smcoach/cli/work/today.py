"""The work of `smcoach` on its own and `smcoach today` (no typer: see cli/work/__init__.py)."""

from smcoach.cli.common import Env, today
from smcoach.messages import t


def show_today(env: Env, json_out: bool) -> None:
    from smcoach import i18n
    from smcoach.domain.selfefficacy import form_for, selfcheck_due
    from smcoach.domain.week import PlanWeek, next_steps
    from smcoach.render import views, write, write_json

    day = today()
    store = env.view_store()
    if store is None:  # a view does not write: no file is made until there is data
        steps = next_steps(day, [], [], selfcheck_due=selfcheck_due(day, None, None))
        if json_out:
            write_json(views.today_json(day, None, [], {}, steps))
        else:
            from smcoach.render import notice

            notice(t("today.nothing_yet", path=env.path))
            write(views.today_blocks(day, None, [], {}, steps))
        return
    agenda_items = store.agenda()
    focus = next((i for i in agenda_items if i.focus), None)
    active = store.plans()
    checkins = store.checkins([p.id for p in active])
    steps = next_steps(
        day,
        agenda_items,
        [PlanWeek(p, checkins[p.id]) for p in active],
        # the scale of the person's language: one never taken is due, to start its scores
        selfcheck_due=selfcheck_due(day, *store.selfcheck_days(form_for(i18n.language()).form)),
    )
    if json_out:
        write_json(views.today_json(day, focus, active, checkins, steps))
    else:
        write(views.today_blocks(day, focus, active, checkins, steps))
