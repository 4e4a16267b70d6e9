"""The work of the list commands (`smcoach agenda`, `plan`, `symptoms`, alone or with `list`):
no typer here (see cli/work/__init__.py); their options are declared with their groups."""

from collections.abc import Iterator

from smcoach.cli.common import Env
from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:
    from smcoach.domain.models import CheckIn, Plan


def agenda_list(env: Env, all_: bool = False, json_out: bool = False) -> None:
    from smcoach.render import views, write, write_json

    store = env.view_store()
    items = store.agenda(include_closed=all_) if store else []
    if json_out:
        write_json(views.agenda_json(items))
    else:
        write(views.agenda_blocks(items))


def symptoms_list(env: Env, all_: bool = False, json_out: bool = False) -> None:
    from smcoach.render import views, write, write_json

    store = env.view_store()
    symptoms = store.symptoms(include_removed=all_) if store else []
    if json_out:
        write_json(views.symptoms_json(symptoms))
    else:
        write(views.symptoms_blocks(symptoms, include_removed=all_))


def plan_list(env: Env, all_: bool = False, json_out: bool = False) -> None:
    from smcoach.render import views, write, write_json

    store = env.view_store()

    def listed() -> "Iterator[tuple[Plan, list[CheckIn]]]":
        return store.plans_with_checkins(include_ended=all_) if store else iter(())

    if json_out:  # written as it is read: the same memory for any number of plans
        write_json(views.plans_json(listed()))
        return
    # the table is read twice (its widths, then its lines), holding no plan for long
    write(views.plans_blocks(listed, any_plan=next(iter(listed()), None) is not None))
