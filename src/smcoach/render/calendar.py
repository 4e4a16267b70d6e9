"""Action plans as an iCalendar file (RFC 5545), for a calendar app to show the planned days.

A plan with fixed weekdays gives one all-day event on each planned day of its week; a plan of
"N times this week, any days" gives one all-day event spanning its week, saying how many times.

The file is the same, byte for byte, every time the same data is exported: events come in a
fixed order, each event's UID is made from the plan (its ID, the moment it was made) and the
day, and its DTSTAMP is the moment the plan was made, in UTC. So importing a newer export
updates the events already in a calendar rather than adding copies, and two smcoach files do
not collide (their plans were not made at the same moment).

icalendar is imported only here, when a calendar is exported.
"""

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from smcoach.domain.models import Plan
from smcoach.errors import SmcoachError
from smcoach.messages import t
from smcoach.render.summary import how_often

PRODID = "-//smcoach//smcoach//EN"
UID_DOMAIN = "smcoach"


def plan_tag(plan: Plan) -> str:
    """A short hash of the plan's ID and the moment it was made: the same in every export of
    the same file, and different between files."""
    return hashlib.sha256(f"{plan.id}\x1f{plan.created_at}".encode()).hexdigest()[:16]


def uid(plan: Plan, day: date | None) -> str:
    """The event's UID: for one planned day, or (day None) for the plan's whole week."""
    which = f"{day:%Y%m%d}" if day is not None else "week"
    return f"{plan_tag(plan)}-plan{plan.id}-{which}@{UID_DOMAIN}"


def stamp(plan: Plan) -> datetime:
    """The moment the plan was made, in UTC, to the second (a time without a zone is taken as
    UTC; one that cannot be read gives midnight UTC on the plan's first day)."""
    try:
        made = datetime.fromisoformat(plan.created_at)
    except (TypeError, ValueError):
        return datetime.combine(plan.start, time(0), UTC)
    if made.tzinfo is None:
        made = made.replace(tzinfo=UTC)
    return made.astimezone(UTC).replace(microsecond=0)


def ics(plans: Iterable[Plan]) -> bytes:
    """The active plans' planned days as an RFC 5545 calendar (CRLF line ends, long lines
    folded). Plans that have ended are left out. How each day went is not put in: a calendar
    is often shared or synced, and it needs only the plan.

    Raises SmcoachError when there is no active plan: a calendar needs at least one event."""
    from icalendar import Calendar, Event

    active = sorted((p for p in plans if p.status == "active"), key=lambda p: (p.start, p.id))
    if not active:
        raise SmcoachError(t("calendar.no_plans"))
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", t("calendar.name"))
    for plan in active:
        for values in _events(plan):
            event = Event()
            for name, value in values:
                event.add(name, value)
            calendar.add_component(event)
    result: bytes = calendar.to_ical()
    return result


def _events(plan: Plan) -> list[list[tuple[str, Any]]]:
    common = {
        "when": plan.when,
        "confidence": plan.confidence,
        "id": plan.id,
        "first": plan.start.isoformat(),
        "last": plan.end.isoformat(),
        "often": how_often(plan.days, plan.times),
    }
    made = stamp(plan)
    if plan.days is not None:
        events = []
        for day in plan.week_days():
            if not plan.is_planned(day):
                continue
            description = t("calendar.description", **common)
            summary = t("calendar.summary", what=plan.what, how_much=plan.how_much)
            events.append(_event(plan, day, day, summary, description, made))
        return events
    times = plan.times or 0
    key = "calendar.summary_once" if times == 1 else "calendar.summary_times"
    summary = t(key, what=plan.what, how_much=plan.how_much, n=times)
    description = t("calendar.description", **common)
    return [_event(plan, None, plan.start, summary, description, made, days=7)]


def _event(
    plan: Plan,
    day: date | None,
    start: date,
    summary: str,
    description: str,
    made: datetime,
    days: int = 1,
) -> list[tuple[str, Any]]:
    return [
        ("uid", uid(plan, day)),
        ("dtstamp", made),
        ("created", made),
        ("dtstart", start),
        ("dtend", start + timedelta(days=days)),  # all-day: the end is the day after
        ("summary", summary),
        ("description", description),
        ("transp", "TRANSPARENT"),  # a reminder, not a busy time
        ("class", "PRIVATE"),
    ]
