"""How the course register and the round of the room are shown: the register's listing, and
the round's screens (each participant's turn, the coach's findings, the low-confidence screen,
what was saved) and its summary. Plain paragraphs and tables, to read out or project."""

from typing import TYPE_CHECKING, Any

from smcoach.domain.rules import answer_words
from smcoach.i18n import day_text
from smcoach.messages import t
from smcoach.render import Block, Cell, Para, Table

if TYPE_CHECKING:
    from smcoach.domain.course import Course, CoursePlan, Participant
    from smcoach.domain.models import PlanDraft
    from smcoach.domain.round import Ask, RoundSave, Seat, Summary


def plan_text(plan: "CoursePlan | PlanDraft") -> str:
    """A plan in one line: what, how much, when, how often."""
    from smcoach.render.summary import how_often

    return t("group.plan", what=plan.what, how_much=plan.how_much, when=plan.when,
             often=how_often(plan.days, plan.times))  # fmt: skip


# --- the register -------------------------------------------------------------------------------


def register_blocks(course: "Course", participants: "list[Participant]") -> list[Block]:
    removed = any(p.status == "removed" for p in participants)
    columns = [t("group.col.name"), t("group.col.added")]
    if removed:
        columns.append(t("group.col.removed"))
    table = Table(columns, title=t("group.list_title", course=course.name, weeks=course.weeks,
                                   start=course.start))  # fmt: skip
    for p in participants:
        row = [Cell(p.name), Cell(day_text(p.added, "day_year"))]
        if removed:
            row.append(Cell(day_text(p.removed, "day_year") if p.removed else ""))
        table.rows.append(row)
    return [table]


def course_json(course: "Course") -> dict[str, Any]:
    return {
        "id": course.id,
        "name": course.name,
        "start": course.start.isoformat(),
        "weeks": course.weeks,
        "last_session": course.session_day(course.weeks).isoformat(),
    }


def register_json(course: "Course", participants: "list[Participant]") -> dict[str, Any]:
    return {
        "course": course_json(course),
        "participants": [
            {
                "id": p.id,
                "name": p.name,
                "status": p.status,
                "added": p.added.isoformat(),
                "removed": p.removed.isoformat() if p.removed else None,
            }
            for p in participants
        ],
    }


# --- the round of the room ----------------------------------------------------------------------


def round_start(
    course: "Course", week: int, done: int | None, total: int, from_file: bool = False
) -> list[Block]:
    """The round's heading; `done`: how many are done when it carries on an earlier run."""
    day = course.session_day(week)
    blocks: list[Block] = [
        Para(
            t("group.round_title", course=course.name, week=week, weeks=course.weeks, day=day),
            "heading",
        ),  # fmt: skip
    ]
    if done is not None:
        blocks.append(Para(t("group.round_progress", done=done, total=total)))
    if not from_file:  # skip and stop are typed at a terminal
        blocks.append(Para(t("group.round_hint", **answer_words()), "muted"))
    return blocks


def round_line(course: "Course", week: int, from_file: bool = False) -> list[Block]:
    """The round's heading in one line, under each turn's header in the projector view (a
    turn's screen has room for its questions, not for the whole heading again)."""
    if from_file:  # nothing is typed: no skip or stop
        return round_start(course, week, None, 0, from_file=True)
    line = t("group.round_line", course=course.name, week=week, weeks=course.weeks,
             **answer_words())  # fmt: skip
    return [Para(line, "muted")]


def turn_heading(seat: "Seat", returning: bool) -> str:
    name = seat.participant.name
    return t("group.turn_back", name=name) if returning else t("group.turn", name=name)


def turn_blocks(
    seat: "Seat", returning: bool, kept: list[tuple[str, str]], heading: bool = True
) -> list[Block]:
    """The start of a participant's turn: their name (unless the projector view shows it as
    the screen's header), and the parts of their plan kept from before (Round.kept), each
    named."""
    blocks: list[Block] = [Para(""), Para(turn_heading(seat, returning), "step")] if heading else []
    if kept:
        answers = "; ".join(
            t("group.kept_part", part=t(f"group.kept_name.{part}"), answer=_kept_answer(part, a))
            for part, a in kept
        )
        blocks.append(Para(t("group.kept", answers=answers), "muted"))
    return blocks


def _kept_answer(part: str, answer: str) -> str:
    """A kept answer as the plan will say it: how often in words ('2 times this week')."""
    if part != "how_often":
        return answer
    from smcoach.domain.rules import parse_how_often
    from smcoach.render.summary import how_often

    return how_often(*parse_how_often(answer))


def _care(ask: "Ask") -> bool:
    """Low confidence in daily care (medicines, monitoring): never offered as doing less."""
    return any(f.code == "low_confidence_care" for f in ask.findings)


def question(ask: "Ask", name: str) -> str:
    """The question the facilitator is asked."""
    key = "discuss_care" if ask.key == "discuss" and _care(ask) else ask.key
    text = t(f"group.q.{key}", name=name, **answer_words())
    return t("group.q.again", question=text) if ask.again else text


def ask_blocks(seat: "Seat", ask: "Ask") -> list[Block]:
    """What is shown before a question: the plan to give feedback on, what the coach found,
    and for low confidence, that it is one for the group to discuss."""
    from smcoach.render import views

    name = seat.participant.name
    if ask.key == "feedback" and seat.last_plan is not None:
        last = seat.last_plan
        return [Para(t("group.last_plan", name=name, week=last.week, plan=plan_text(last),
                       confidence=last.confidence))]  # fmt: skip
    if ask.key == "discuss":
        confidence = seat.answers.get("confidence", "")
        blocks: list[Block] = [
            Para(t("group.discuss", name=name, confidence=confidence), "warning")
        ]
        if _care(ask):
            blocks.append(Para(t("group.discuss_care", name=name), "warning"))
        return blocks
    return views.findings_blocks(list(ask.findings), others=0)


def saved_blocks(seat: "Seat", save: "RoundSave") -> list[Block]:
    """What the facilitator is told once a step is written."""
    from smcoach.domain.rules import CONFIDENT

    name = seat.participant.name
    if save.present is False:
        return [Para(t("group.absent", name=name))]
    if save.feedback is not None and save.feedback[2]:
        return [Para(t("group.noted_problem_solving", name=name))]
    if save.plan is not None:
        plan = save.plan
        key = "group.saved" if plan.confidence >= CONFIDENT else "group.saved_discuss"
        return [Para(t(key, name=name, plan=plan_text(plan), confidence=plan.confidence))]
    return []


def summary_title(summary: "Summary") -> str:
    return t("group.summary_title", week=summary.week)


def summary_blocks(summary: "Summary", heading: bool = True) -> list[Block]:
    """The round's summary; `heading`: its title too (the projector view shows it as the
    screen's header)."""

    def names(items: list[str]) -> str:
        return ", ".join(items)

    blocks: list[Block] = [Para(summary_title(summary), "heading")] if heading else []
    if summary.present:
        blocks.append(Para(t("group.summary_present", n=len(summary.present),
                             names=names(summary.present))))  # fmt: skip
    if summary.absent:
        blocks.append(Para(t("group.summary_absent", n=len(summary.absent),
                             names=names(summary.absent))))  # fmt: skip
    if summary.plans:
        blocks.append(Para(t("group.summary_plans", n=len(summary.plans))))
        for name, plan in summary.plans:
            blocks.append(Para(t("group.summary_plan", name=name, plan=plan_text(plan),
                                 confidence=plan.confidence)))  # fmt: skip
    if summary.discuss:
        discuss = names([name for name, _ in summary.discuss])
        blocks.append(Para(t("group.summary_discuss", names=discuss), "warning"))
    if summary.problem_solving:
        blocks.append(Para(t("group.summary_problem_solving",
                             names=names(summary.problem_solving))))  # fmt: skip
    if summary.skipped:
        blocks.append(Para(t("group.summary_skipped", names=names(summary.skipped))))
    if summary.to_come:
        blocks.append(Para(t("group.summary_to_come", names=names(summary.to_come))))
    if summary.skipped or summary.to_come:
        blocks.append(Para(t("group.summary_carry_on", week=summary.week)))
    else:
        blocks.append(Para(t("group.complete", week=summary.week)))
    return blocks
