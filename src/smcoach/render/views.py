"""Pure functions from domain objects to output blocks and JSON-ready dicts."""

from datetime import date
from typing import TYPE_CHECKING, Any

from smcoach.domain.models import AgendaItem, CheckIn, Goal, Plan
from smcoach.domain.week import Step, progress
from smcoach.messages import t
from smcoach.render import Block, Cell, Para, Table

if TYPE_CHECKING:
    from smcoach.domain.coach import Finding

MARKS = {"done": "✓", "partly": "½", "not": "✗", "rest": "R"}
LEGEND = (
    "✓ done  ½ partly  ✗ not done  R rest day  · planned, no answer yet  ○ planned, still to come"
)
FINDING_LABELS = {"safety": "Please note", "rethink": "Think about", "note": "Note"}


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


# --- agenda and goals ---------------------------------------------------------------------------


def agenda_json(items: list[AgendaItem]) -> list[dict[str, Any]]:
    return [
        {
            "id": i.id,
            "text": i.text,
            "status": i.status,
            "focus": i.focus,
            "created": _day(i.created),
            "closed": _day(i.closed),
        }
        for i in items
    ]


def agenda_blocks(items: list[AgendaItem]) -> list[Block]:
    if not items:
        return [Para('Your agenda is empty. Add a challenge: smcoach agenda add "…"', "muted")]
    table = Table(["ID", "Focus", "Challenge", "Status", "Added"], title="Agenda")
    for i in items:
        table.rows.append(
            [
                Cell(str(i.id), "id"),
                Cell("* focus" if i.focus else ""),
                Cell(i.text),
                Cell(i.status),
                Cell(i.created.isoformat()),
            ]
        )
    return [table]


def goals_json(goals: list[Goal]) -> list[dict[str, Any]]:
    return [
        {
            "id": g.id,
            "text": g.text,
            "agenda_id": g.agenda_id,
            "by": _day(g.by),
            "status": g.status,
            "created": _day(g.created),
            "closed": _day(g.closed),
        }
        for g in goals
    ]


def goals_blocks(goals: list[Goal]) -> list[Block]:
    if not goals:
        return [Para('No goals yet. Add one: smcoach goal add "…"', "muted")]
    table = Table(["ID", "Goal", "Agenda", "By", "Status"], title="Goals")
    for g in goals:
        table.rows.append(
            [
                Cell(str(g.id), "id"),
                Cell(g.text),
                Cell(str(g.agenda_id) if g.agenda_id else ""),
                Cell(_day(g.by) or ""),
                Cell(g.status),
            ]
        )
    return [table]


# --- plans --------------------------------------------------------------------------------------


def how_often(plan: Plan) -> str:
    if plan.days is not None:
        return ", ".join(plan.days)
    return f"{plan.times} time{'s' if plan.times != 1 else ''} this week"


def plan_json(plan: Plan, checkins: list[CheckIn]) -> dict[str, Any]:
    p = progress(checkins)
    return {
        "id": plan.id,
        "what": plan.what,
        "how_much": plan.how_much,
        "when": plan.when,
        "days": list(plan.days) if plan.days is not None else None,
        "times": plan.times,
        "confidence": plan.confidence,
        "first_confidence": plan.first_confidence,
        "kept_low_confidence": plan.kept_low_confidence,
        "barrier": plan.barrier,
        "goal_id": plan.goal_id,
        "start": _day(plan.start),
        "end": _day(plan.end),
        "status": plan.status,
        "created_at": plan.created_at,
        "ended": _day(plan.ended),
        "target": plan.target,
        "achieved": p.achieved,
        "checkins": [{"day": _day(c.day), "status": c.status, "note": c.note} for c in checkins],
    }


def week_marks(plan: Plan, checkins: list[CheckIn], today: date) -> str:
    """One mark per day of the plan's week, e.g. 'Mon ✓  Tue    Wed ·'."""
    by_day = {c.day: c.status for c in checkins}
    parts = []
    for d in plan.week_days():
        if d in by_day:
            mark = MARKS[by_day[d]]
        elif plan.is_planned(d):
            mark = "·" if d <= today else "○"
        else:
            mark = " "
        parts.append(f"{d:%a} {mark}")
    return "  ".join(parts).rstrip()


def tally(plan: Plan, checkins: list[CheckIn]) -> str:
    p = progress(checkins)
    achieved = f"{p.achieved:g}"
    text = f"{achieved} of {plan.target} done"
    extras = [f"{n} {label}" for n, label in ((p.partly, "partly"), (p.rest, "rest")) if n]
    return text + (f" ({', '.join(extras)})" if extras else "")


def plans_blocks(plans: list[Plan], checkins: dict[int, list[CheckIn]]) -> list[Block]:
    if not plans:
        return [Para("No action plans. Make this week's: smcoach plan new", "muted")]
    table = Table(
        ["ID", "What", "How much", "When", "How often", "Conf.", "Week", "Done", "Status"],
        title="Action plans",
    )
    for p in plans:
        table.rows.append(
            [
                Cell(str(p.id), "id"),
                Cell(p.what),
                Cell(p.how_much),
                Cell(p.when),
                Cell(how_often(p)),
                Cell(f"{p.confidence}/10", "confidence"),
                Cell(f"{p.start:%d %b} – {p.end:%d %b %Y}"),
                Cell(tally(p, checkins[p.id])),
                Cell(p.status),
            ]
        )
    return [table]


def plan_blocks(plan: Plan, checkins: list[CheckIn], goal: Goal | None, today: date) -> list[Block]:
    confidence = f"{plan.confidence}/10"
    if plan.first_confidence != plan.confidence:
        confidence += f" (first said {plan.first_confidence}/10)"
    if plan.kept_low_confidence:
        confidence += " (kept below 7 on purpose)"
    table = Table(["", ""], title=f"Action plan {plan.id}", header=False)
    rows = [
        ("What", plan.what),
        ("How much", plan.how_much),
        ("When", plan.when),
        ("How often", how_often(plan)),
        ("Confidence", confidence),
        ("Week", f"{plan.start:%a %d %b} to {plan.end:%a %d %b %Y}"),
        ("Goal", f"{goal.id}: {goal.text}" if goal else "none"),
        *([("In the way", plan.barrier)] if plan.barrier else []),
        ("Status", plan.status),
        ("Days", week_marks(plan, checkins, today)),
        ("So far", tally(plan, checkins)),
    ]
    table.rows += [[Cell(k, "heading"), Cell(v)] for k, v in rows]
    blocks: list[Block] = [table]
    notes = [c for c in checkins if c.note]
    blocks += [Para(f"{c.day:%a %d %b}: {c.note}", "muted") for c in notes]
    blocks.append(Para(LEGEND, "muted"))
    return blocks


# --- coach findings and the today view ----------------------------------------------------------


def finding_text(finding: "Finding", **values: object) -> str:
    return f"{FINDING_LABELS[finding.kind]}: {t('coach.' + finding.code, **values)}"


def findings_blocks(findings: "list[Finding]", **values: object) -> list[Block]:
    styles = {"safety": "safety", "rethink": "warning", "note": "muted"}
    return [Para(finding_text(f, **values), styles[f.kind]) for f in findings]


def today_json(
    today: date,
    focus: AgendaItem | None,
    plans: list[Plan],
    checkins: dict[int, list[CheckIn]],
    steps: list[Step],
) -> dict[str, Any]:
    return {
        "today": _day(today),
        "focus": agenda_json([focus])[0] if focus else None,
        "plans": [plan_json(p, checkins[p.id]) for p in plans],
        "next": [{"code": s.code, "text": t("next." + s.code, **s.values)} for s in steps],
    }


def today_blocks(
    today: date,
    focus: AgendaItem | None,
    plans: list[Plan],
    checkins: dict[int, list[CheckIn]],
    steps: list[Step],
) -> list[Block]:
    blocks: list[Block] = [Para(f"Today is {today:%A %d %B %Y}", "heading")]
    blocks.append(Para(f"Focus: {focus.text}" if focus else "Focus: none chosen yet"))
    for p in plans:
        blocks.append(Para(""))
        blocks.append(
            Para(
                f"Plan {p.id}: {p.what}, {p.how_much}, {p.when} ({how_often(p)}); "
                f"confidence {p.confidence}/10",
                "heading",
            )
        )
        blocks.append(Para("  " + week_marks(p, checkins[p.id], today)))
        blocks.append(Para("  " + tally(p, checkins[p.id])))
    if plans:
        blocks.append(Para(LEGEND, "muted"))
    blocks.append(Para(""))
    blocks += [Para("Next: " + t("next." + s.code, **s.values), "step") for s in steps[:2]]
    return blocks
