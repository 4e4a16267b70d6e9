"""Pure functions from domain objects to output blocks and JSON-ready dicts."""

from __future__ import annotations

from datetime import date

from smcoach.domain.models import AgendaItem, CheckIn, Goal, Plan
from smcoach.domain.week import Step, day_states
from smcoach.i18n import day_text, decimal_text, weekday_text
from smcoach.messages import t
from smcoach.records import TYPE_CHECKING
from smcoach.render import Block, Cell, Para, Table, one_line

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator
    from typing import Any

    from smcoach.domain.coach import Finding
    from smcoach.domain.doctor import Advice
    from smcoach.domain.language import Language
    from smcoach.domain.models import Question
    from smcoach.domain.services import Service
    from smcoach.store.health import Health

# Each day of a plan's week on a colour terminal: a mark of its own shape for each state
# ("open": planned, no answer yet; "later": planned, still to come). Plain output (a pipe,
# NO_COLOR, a screen reader) says the words instead (messages: marks.*).
MARKS = {"done": "✓", "partly": "½", "not": "✗", "rest": "R", "open": "?", "later": "○"}
LEGEND = t("marks.legend")


def legend() -> Para:
    """The key to the marks, in the ordinary style (not dim): on a colour terminal only, as
    plain output writes the words."""
    return Para(LEGEND, plain="")


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
        return [Para(t("view.agenda_empty"), "muted")]
    table = Table(
        [t("view.col.id"), t("view.col.focus"), t("view.col.challenge"), t("view.col.status"),
         t("view.col.added")],
        title=t("view.agenda"),
    )  # fmt: skip
    for i in items:
        table.rows.append(
            [
                Cell(str(i.id), "id"),
                Cell(t("view.focus_mark") if i.focus else ""),
                Cell(i.text),
                Cell(_status("agenda", i.status)),
                Cell(i.created.isoformat()),
            ]
        )
    return [table]


def questions_json(questions: list[Question]) -> list[dict[str, Any]]:
    return [
        {"id": q.id, "text": q.text, "created": _day(q.created), "done": _day(q.done)}
        for q in questions
    ]


def questions_blocks(questions: list[Question]) -> list[Block]:
    if not questions:
        return [Para(t("questions.none"), "muted")]
    table = Table(
        [t("questions.col_id"), t("questions.col_question"), t("questions.col_added"),
         t("questions.col_asked")],
        title=t("questions.title"),
    )  # fmt: skip
    for q in questions:
        table.rows.append(
            [Cell(str(q.id), "id"), Cell(q.text), Cell(q.created.isoformat()),
             Cell(q.done.isoformat() if q.done else t("questions.not_yet"))]
        )  # fmt: skip
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
        return [Para(t("view.goals_empty"), "muted")]
    table = Table(
        [t("view.col.id"), t("view.col.goal"), t("view.agenda"), t("view.col.by"),
         t("view.col.status")],
        title=t("view.goals"),
    )  # fmt: skip
    for g in goals:
        table.rows.append(
            [
                Cell(str(g.id), "id"),
                Cell(g.text),
                Cell(str(g.agenda_id) if g.agenda_id else ""),
                Cell(_day(g.by) or ""),
                Cell(_status("goal", g.status)),
            ]
        )
    return [table]


# --- plans --------------------------------------------------------------------------------------


def _status(kind: str, status: str) -> str:
    """A stored status (open, active, done…) in words of this command's language."""
    return t(f"view.status.{kind}.{status}")


def how_often(plan: Plan) -> str:
    if plan.days is not None:
        return ", ".join(weekday_text(d) for d in plan.days)
    return t("plan.times_one" if plan.times == 1 else "plan.times", n=plan.times)


def plan_json(
    plan: Plan,
    checkins: list[CheckIn],
    service: Service | None = None,
    today: date | None = None,
) -> dict[str, Any]:
    """A plan as JSON; with `today` (as 'plan show' gives it), the service it is tied to too."""
    from smcoach.domain.week import tally as add_up

    total = add_up(plan, checkins)
    data = {
        "id": plan.id,
        "what": plan.what,
        "how_much": plan.how_much,
        "when": plan.when,
        "days": list(plan.days) if plan.days is not None else None,
        "times": plan.times,
        "confidence": plan.confidence,
        "first_confidence": plan.first_confidence,
        "kept_low_confidence": plan.kept_low_confidence,
        "agreed_with_professional": plan.agreed_with_professional,
        "barrier": plan.barrier,
        "goal_id": plan.goal_id,
        "start": _day(plan.start),
        "end": _day(plan.end),
        "status": plan.status,
        "created_at": plan.created_at,
        "ended": _day(plan.ended),
        "feedback": plan.feedback,
        "feedback_on": _day(plan.feedback_on),
        "feedback_barrier": plan.feedback_barrier,
        "replaces": plan.replaces,
        "target": plan.target,
        "achieved": total.achieved,
        "rest_days": total.rest,
        "extra_days": total.extra,
        "checkins": [{"day": _day(c.day), "status": c.status, "note": c.note} for c in checkins],
    }
    if today is not None:
        from smcoach.render.services import service_json

        data["service"] = service_json(service, today) if service else None
    return data


def plans_json(plans: Iterable[tuple[Plan, list[CheckIn]]]) -> Iterator[dict[str, Any]]:
    """`plan_json` for each plan as it comes: for `write_json` to write as it reads."""
    return (plan_json(plan, checkins) for plan, checkins in plans)


def week_marks(plan: Plan, checkins: list[CheckIn], today: date) -> str:
    """One mark per day of the plan's week, e.g. 'Mon ✓  Tue    Wed ?'."""
    parts = [
        f"{day_text(d, 'weekday')} {MARKS.get(s, ' ')}"
        for d, s in day_states(plan, checkins, today)
    ]
    return "  ".join(parts).rstrip()


def week_words(plan: Plan, checkins: list[CheckIn], today: date) -> str:
    """The same in words, for plain output: 'Mon done, Wed no answer yet, Fri still to come'
    (days neither planned nor checked are left out)."""
    states = day_states(plan, checkins, today)
    return ", ".join(
        t("marks.day", day=day_text(d, "weekday"), mark=t(f"marks.{s}")) for d, s in states if s
    )


def week_para(plan: Plan, checkins: list[CheckIn], today: date, indent: str = "") -> Para:
    """The week's marks as a line, in words in plain output."""
    marks, words = week_marks(plan, checkins, today), week_words(plan, checkins, today)
    return Para(indent + marks, plain=indent + words)


def halves(value: float) -> str:
    """2 -> '2', 1.5 -> '1½', 0.5 -> '½': a partly-done day counts half."""
    whole, half = int(value), value - int(value) >= 0.5
    if not half:
        return str(whole)
    return f"{whole}½" if whole else "½"


def tally(plan: Plan, checkins: list[CheckIn]) -> str:
    from smcoach.domain.week import tally as add_up

    total = add_up(plan, checkins)
    text = t("tally.done", achieved=halves(total.achieved), target=total.target)
    counts = (("partly", total.partly), ("rest", total.rest), ("extra", total.extra))
    details = [t(f"tally.{key}", n=n) for key, n in counts if n]
    return t("tally.with", tally=text, details=", ".join(details)) if details else text


def plans_blocks(
    listed: Callable[[], Iterable[tuple[Plan, list[CheckIn]]]], any_plan: bool
) -> list[Block]:
    """The plans table, its rows read afresh from `listed` each time they are laid out: the
    same memory for any number of plans."""
    if not any_plan:
        return [Para(t("view.plans_empty"), "muted")]

    def rows() -> Iterator[list[Cell]]:
        for p, its_checkins in listed():
            yield [
                Cell(str(p.id), "id"),
                Cell(p.what),
                Cell(p.how_much),
                Cell(p.when),
                Cell(how_often(p)),
                Cell(f"{p.confidence}/10", "confidence"),
                Cell(t("view.week_range", start=day_text(p.start, "date"),
                       end=day_text(p.end, "date_year"))),
                Cell(tally(p, its_checkins)),
                Cell(_status("plan", p.status)),
            ]  # fmt: skip

    columns = [t("view.col.id"), t("view.col.what"), t("view.col.how_much"), t("view.col.when"),
               t("view.col.how_often"), t("view.col.confidence_short"), t("view.col.week"),
               t("view.col.done"), t("view.col.status")]  # fmt: skip
    return [Table(columns, title=t("view.plans"), source=rows)]


def plan_blocks(
    plan: Plan,
    checkins: list[CheckIn],
    goal: Goal | None,
    today: date,
    service: Service | None = None,
) -> list[Block]:
    confidence = t("view.confidence", confidence=plan.confidence)
    if plan.first_confidence != plan.confidence:
        confidence = t("view.confidence_first", confidence=confidence, first=plan.first_confidence)
    if plan.kept_low_confidence:
        confidence = t("view.confidence_kept_low", confidence=confidence)
    table = Table(["", ""], title=t("view.plan_title", id=plan.id), header=False)
    rows: list[tuple[str, str | Cell]] = [
        (t("view.col.what"), plan.what),
        (t("view.col.how_much"), plan.how_much),
        (t("view.col.when"), plan.when),
        (t("view.col.how_often"), how_often(plan)),
        (t("view.col.confidence"), confidence),
        (
            t("view.col.week"),
            t(
                "view.week_span",
                start=day_text(plan.start, "day"),
                end=day_text(plan.end, "day_year"),
            ),
        ),
        (
            t("view.col.goal"),
            t("view.goal_ref", id=goal.id, text=goal.text) if goal else t("view.none"),
        ),
        *([(t("view.col.in_the_way"), plan.barrier)] if plan.barrier else []),
        *(
            [(t("plan.agreed_label"), t("plan.agreed_shown"))]
            if plan.agreed_with_professional
            else []
        ),
        *([(t("view.col.feedback"), plan.feedback)] if plan.feedback else []),
        *([(t("plan.label_got_in_way"), plan.feedback_barrier)] if plan.feedback_barrier else []),
        *(
            [(t("plan.label_replaces"), t("plan.replaces", id=plan.replaces))]
            if plan.replaces
            else []
        ),  # fmt: skip
        *(_service_rows(service, today) if service else []),
        (t("view.col.status"), _status("plan", plan.status)),
        (
            t("view.col.days"),
            Cell(week_marks(plan, checkins, today), plain=week_words(plan, checkins, today)),
        ),
        (t("view.col.so_far"), tally(plan, checkins)),
    ]
    table.rows += [[Cell(k, "heading"), v if isinstance(v, Cell) else Cell(v)] for k, v in rows]
    blocks: list[Block] = [table]
    notes = [c for c in checkins if c.note]
    blocks += [Para(f"{day_text(c.day, 'day')}: {one_line(c.note or '')}", "muted") for c in notes]
    blocks.append(legend())
    return blocks


def _service_rows(service: Service, today: date) -> list[tuple[str, str | Cell]]:
    from smcoach.render.services import plan_rows

    return plan_rows(service, today)


def session_summary_blocks(
    plans: list[Plan], checkins: dict[int, list[CheckIn]], goals: dict[int, Goal], today: date
) -> list[Block]:
    """The end of a session: this week's plans, the goal each serves, the next check-in."""
    from smcoach.domain.session import next_check_in

    if not plans:
        return [Para(t("view.no_plan_this_week"), "muted")]
    blocks: list[Block] = []
    for plan in plans:
        goal = goals.get(plan.goal_id) if plan.goal_id is not None else None
        due = next_check_in(plan, checkins.get(plan.id, []), today)
        table = Table(["", ""], title=t("session.summary_title", id=plan.id), header=False)
        next_check = t("session.next_check", day=due, id=plan.id) if due else t("session.none_left")
        rows = [
            (t("view.col.what"), plan.what),
            (t("view.col.how_much"), plan.how_much),
            (t("view.col.when"), plan.when),
            (t("view.col.days"), how_often(plan)),
            (t("view.col.confidence"), t("view.confidence", confidence=plan.confidence)),
            (t("view.col.goal"), goal.text if goal else t("view.none")),
            (t("view.col.next_check_in"), next_check),
        ]
        table.rows += [[Cell(k, "heading"), Cell(v)] for k, v in rows]
        blocks.append(table)
    return blocks


# --- the self-efficacy scale -------------------------------------------------------------------

if TYPE_CHECKING:
    from smcoach.domain.selfefficacy import Selfcheck


def score_text(score: float | None) -> str:
    """A self-efficacy score to one decimal place, or 'not scored'."""
    return t("selfcheck.not_scored_label") if score is None else decimal_text(score)


def selfcheck_explained(check: Selfcheck) -> str:
    """The score in words: what it is the mean of and which way is better, or why there is none.
    (Never a comparison with anyone else's scores.)"""
    from smcoach.domain.selfefficacy import rule_for

    total = len(check.answers)
    skipped = total - check.answered
    if check.score is None:
        needed = total - rule_for(check.form, total).most_missing
        return t("selfcheck.not_scored", skipped=skipped, total=total, needed=needed)
    key = "selfcheck.scored_skipped" if skipped else "selfcheck.scored"
    return t(key, score=score_text(check.score), answered=check.answered, skipped=skipped)


def selfcheck_json(check: Selfcheck) -> dict[str, Any]:
    from smcoach.domain.dates import iso_week

    return {
        "id": check.id,
        "day": _day(check.day),
        "week": iso_week(check.day),
        "form": check.form,
        "score": check.score,
        "scored": check.score is not None,
        "answered": check.answered,
        "items": len(check.answers),
        "answers": list(check.answers),
        "created_at": check.created_at,
    }


def selfchecks_json(checks: list[Selfcheck]) -> list[dict[str, Any]]:
    return [selfcheck_json(c) for c in checks]


def selfchecks_blocks(checks: list[Selfcheck]) -> list[Block]:
    if not checks:
        return [Para(t("selfcheck.none"), "muted")]
    columns = ("date", "score", "answered", "form")
    table = Table([t(f"selfcheck.col.{c}") for c in columns], title=t("selfcheck.title"))
    for c in checks:
        shown = (
            score_text(c.score)
            if c.score is None
            else t("selfcheck.out_of_ten", score=score_text(c.score))
        )
        table.rows.append(
            [
                Cell(c.day.isoformat()),
                Cell(shown, "muted" if c.score is None else "confidence"),
                Cell(t("selfcheck.answered_of", answered=c.answered, total=len(c.answers))),
                Cell(c.form),
            ]
        )
    from smcoach.domain.selfefficacy import MOST_MISSING, RULES

    forms = list(dict.fromkeys(c.form for c in checks))
    missing = max((RULES[f].most_missing for f in forms if f in RULES), default=MOST_MISSING)
    out: list[Block] = [table, Para(t("selfcheck.history_note", missing=missing), "muted")]
    if len(forms) > 1:
        out.append(Para(t("selfcheck.forms_differ", forms=", ".join(forms)), "muted"))
    return out


# --- coach findings and the today view ----------------------------------------------------------


def finding_text(finding: Finding, **values: object) -> str:
    """A finding with its label and, where it has one, the part of the plan it is about."""
    text = t("coach." + finding.code, **values)
    if finding.field is not None and finding.kind in ("safety", "rethink"):
        return t("finding." + finding.kind, field=t("field." + finding.field), text=text)
    return t("finding.plain", label=t("finding.label." + finding.kind), text=text)


def findings_blocks(findings: list[Finding], **values: object) -> list[Block]:
    styles = {"help_now": "safety", "safety": "safety", "rethink": "warning", "note": "muted"}
    return [Para(finding_text(f, **values), styles[f.kind]) for f in findings]


# --- getting help now ---------------------------------------------------------------------------

if TYPE_CHECKING:
    from smcoach.domain.helpnow import Country, Help, Line


def help_line(line: Line) -> str:
    """One service, in a sentence: who, and how to reach them."""
    if line.call and line.text and line.text == line.call:
        text = t("helpnow.line.call_or_text", name=line.name, call=line.call)
    elif line.call and line.text:
        key = "call_and_text_keyword" if line.keyword else "call_and_text"
        text = t("helpnow.line." + key, name=line.name, call=line.call, text=line.text,
                 keyword=line.keyword)  # fmt: skip
    elif line.call:
        text = t("helpnow.line.call", name=line.name, call=line.call)
    else:
        key = "text_keyword" if line.keyword else "text"
        text = t("helpnow.line." + key, name=line.name, text=line.text, keyword=line.keyword)
    if line.web:
        text = t("helpnow.line.web", line=text, web=line.web)
    if line.free and line.any_time:
        return t("helpnow.line.free_any_time", line=text)
    if line.any_time:
        return t("helpnow.line.any_time", line=text)
    return t("helpnow.line.free", line=text) if line.free else text


def _emergency(help: Help) -> str:
    if not help.emergency:
        return t("helpnow.emergency_unknown")
    if len(help.emergency) == 1:
        return t("helpnow.emergency_one", number=help.emergency[0])
    return t("helpnow.emergency_two", number=help.emergency[0], other=help.emergency[1])


def _lines(help: Help, kinds: tuple[str, ...]) -> list[Block]:
    blocks: list[Block] = []
    for kind in kinds:
        lines = [line for line in help.lines if line.kind == kind]
        if blocks:
            blocks.append(Para(""))
        if kind == "crisis" or lines:
            blocks.append(Para(t("helpnow." + kind), "heading"))
        blocks += [Para("  " + help_line(line)) for line in lines]
        if kind == "crisis":
            key = "helpnow.directory" if lines else "helpnow.directory_unknown"
            name, where = help.directory_name, help.country
            blocks.append(Para("  " + t(key, directory=help.directory, name=name, country=where)))
    return blocks


def help_now_blocks(help: Help, country: Country) -> list[Block]:
    """smcoach help-now: what to do now, for the person's country, and where that came from."""
    title = (
        t("helpnow.title", country=help.country, code=help.code)
        if help.country
        else t("helpnow.title_unknown")
    )
    blocks: list[Block] = [Para(title, "heading"), Para(t("helpnow.intro"))]
    blocks += [Para(""), Para(_emergency(help), "safety"), Para(t("helpnow.signs"))]
    blocks.append(Para(""))
    blocks += _lines(help, ("urgent", "crisis"))
    blocks.append(Para(""))
    if country.code and not help.country:
        blocks.append(Para(t("helpnow.no_lines", code=country.code)))
    blocks.append(Para(t("helpnow.from." + country.source, code=country.code,
                         locale=country.detail), "muted"))  # fmt: skip
    blocks.append(Para(t("helpnow.advice")))
    return blocks


def settings_blocks(country: Country, language: Language) -> list[Block]:
    columns = [t("settings.col.setting"), t("settings.col.value"), t("settings.col.from")]
    table = Table(columns, title=t("settings.title"))
    source = t("settings.from." + country.source, locale=country.detail)
    table.rows.append([Cell(t("settings.country")), Cell(country.code or "–"), Cell(source)])
    # where the language came from: SMCOACH_LANG, not SMCOACH_COUNTRY; none set is English
    how = {"env": "lang_env", "default": "none"}.get(language.source, language.source)
    source = t("settings.from." + how, locale=language.detail)
    table.rows.append([Cell(t("settings.lang")), Cell(language.code), Cell(source)])
    return [table]


def signpost_blocks(help: Help, categories: tuple[str, ...]) -> list[Block]:
    """Shown once in a command when what the person typed may call for help now: a word for
    each kind of help, the emergency number, and the lines that fit."""
    blocks: list[Block] = [Para(t("signpost." + c), "safety") for c in categories]
    blocks.append(Para("  " + _emergency(help)))
    kinds = ("urgent",) if categories == ("urgent",) else ("crisis",)
    for block in _lines(help, kinds):
        if isinstance(block, Para) and block.style == "heading":
            continue  # the word above says who the lines are for
        blocks.append(block)
    blocks.append(Para(t("signpost.again"), "muted"))
    return blocks


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
    blocks: list[Block] = [Para(t("today.title", day=day_text(today, "full")), "heading")]
    blocks.append(Para(t("today.focus", text=focus.text) if focus else t("today.no_focus")))
    for p in plans:
        blocks.append(Para(""))
        blocks.append(
            Para(
                t("today.plan", id=p.id, what=p.what, how_much=p.how_much, when=p.when,
                  often=how_often(p), confidence=p.confidence),
                "heading",
            )
        )  # fmt: skip
        blocks.append(week_para(p, checkins[p.id], today, indent="  "))
        blocks.append(Para("  " + tally(p, checkins[p.id])))
    if plans:
        blocks.append(legend())
    blocks.append(Para(""))
    blocks += [
        Para(t("today.next", step=t("next." + s.code, **s.values)), "step") for s in steps[:2]
    ]
    blocks.append(Para(t("helpnow.not_for_emergencies")))
    return blocks


# --- problem-solving ----------------------------------------------------------------------------

if TYPE_CHECKING:
    from smcoach.domain.problems import Attempt, Idea, Problem


def problem_status(status: str) -> str:
    """Where a problem stands, in words ('solve.status.<status>')."""
    return t(f"solve.status.{status}")


def _kind(problem: Problem) -> str:
    """What a problem is mostly about, in the words the person chose it by (as kept, for a
    kind the cards do not name: one added since, or a service's own)."""
    from smcoach.content import cards

    if not problem.kind:
        return ""
    words = cards()["solve"].get(f"kind_{problem.kind}")
    return words if isinstance(words, str) else problem.kind


def problem_next(problem: Problem, ideas: list[Idea], attempts: list[Attempt]) -> str:
    """The catalogue key of what to do next with a problem ('solve.next.<stage>')."""
    from smcoach.domain.problems import next_stage

    stage = next_stage(problem, ideas, attempts)
    return f"solve.next.{problem.status if stage == 'done' else stage}"


def problem_json(problem: Problem, ideas: list[Idea], attempts: list[Attempt]) -> dict[str, Any]:
    from smcoach.domain.problems import next_stage

    texts = {i.id: i.text for i in ideas}
    tried = {a.idea_id for a in attempts}
    return {
        "id": problem.id,
        "text": problem.text,
        "kind": problem.kind,
        "status": problem.status,
        "stage": next_stage(problem, ideas, attempts),
        "created": _day(problem.created),
        "updated": _day(problem.updated),
        "ideas": [
            {"id": i.id, "text": i.text, "source": i.source, "tried": i.id in tried} for i in ideas
        ],
        "attempts": [
            {
                "id": a.id,
                "idea_id": a.idea_id,
                "idea": texts.get(a.idea_id),
                "started": _day(a.started),
                "result": a.result,
                "assessed": _day(a.assessed),
                "note": a.note,
                "plan_id": a.plan_id,
            }
            for a in attempts
        ],
    }


def problems_json(
    problems: list[Problem],
    ideas: dict[int, list[Idea]],
    attempts: dict[int, list[Attempt]],
) -> list[dict[str, Any]]:
    return [problem_json(p, ideas[p.id], attempts[p.id]) for p in problems]


def _result_label(attempt: Attempt) -> str:
    return t("solve.result." + attempt.result) if attempt.result else t("solve.trying_now")


def problems_blocks(
    problems: list[Problem],
    ideas: dict[int, list[Idea]],
    attempts: dict[int, list[Attempt]],
) -> list[Block]:
    from smcoach.domain.problems import pending

    if not problems:
        return [Para(t("solve.none"), "muted")]
    columns = ["id", "problem", "kind", "status", "trying_now", "ideas", "updated"]
    table = Table([t(f"solve.col.{c}") for c in columns], title=t("solve.title"))
    for p in problems:
        texts = {i.id: i.text for i in ideas[p.id]}
        now = pending(attempts[p.id])
        table.rows.append(
            [
                Cell(str(p.id), "id"),
                Cell(p.text),
                Cell(_kind(p)),
                Cell(problem_status(p.status)),
                Cell(texts.get(now.idea_id, "") if now else ""),
                Cell(str(len(ideas[p.id]))),
                Cell(p.updated.isoformat()),
            ]
        )
    return [table]


def problem_blocks(problem: Problem, ideas: list[Idea], attempts: list[Attempt]) -> list[Block]:
    table = Table(["", ""], title=t("solve.problem_title", id=problem.id), header=False)
    rows = [
        (t("solve.col.problem"), problem.text),
        (t("solve.col.kind"), _kind(problem) or t("solve.kind_unsaid")),
        (t("solve.col.status"), problem_status(problem.status)),
        (t("solve.col.started"), problem.created.isoformat()),
        (t("solve.col.updated"), problem.updated.isoformat()),
    ]
    table.rows += [[Cell(k, "heading"), Cell(v)] for k, v in rows]
    blocks: list[Block] = [table]
    if ideas:
        latest = {a.idea_id: a for a in attempts}  # the latest attempt at each idea
        columns = ["number", "idea", "from", "tried"]
        listed = Table([t(f"solve.col.{c}") for c in columns], title=t("solve.col.ideas"))
        for n, i in enumerate(ideas, 1):
            tried = latest.get(i.id)
            listed.rows.append(
                [
                    Cell(str(n), "id"),
                    Cell(i.text),
                    Cell(t(f"solve.source.{i.source}")),
                    Cell(_result_label(tried) if tried else ""),
                ]
            )
        blocks.append(listed)
    if attempts:
        texts = {i.id: i.text for i in ideas}
        columns = ["started", "idea", "result", "assessed", "plan", "note"]
        tried_table = Table([t(f"solve.col.{c}") for c in columns], title=t("solve.col.tried"))
        for a in attempts:
            tried_table.rows.append(
                [
                    Cell(a.started.isoformat()),
                    Cell(texts.get(a.idea_id, "")),
                    Cell(_result_label(a), "muted" if a.result is None else None),
                    Cell(_day(a.assessed) or ""),
                    Cell(str(a.plan_id) if a.plan_id else ""),
                    Cell(a.note or ""),
                ]
            )
        blocks.append(tried_table)
    step = t(problem_next(problem, ideas, attempts), id=problem.id)
    blocks.append(Para(t("today.next", step=step), "step"))
    return blocks


# --- symptoms -----------------------------------------------------------------------------------

if TYPE_CHECKING:
    from smcoach.domain.symptoms import Symptom


def symptom_scale(symptom: Symptom) -> str:
    """How to read its ratings: "0 = none, 10 = worst", or "0 = worst, 10 = best"."""
    return t("symptom.scale_better" if symptom.higher_is_better else "symptom.scale_worse")


def symptoms_json(symptoms: list[Symptom]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.id,
            "name": s.name,
            "higher_is_better": s.higher_is_better,
            "status": s.status,
            "created": _day(s.created),
            "removed": _day(s.removed),
        }
        for s in symptoms
    ]


def symptoms_blocks(symptoms: list[Symptom], include_removed: bool = False) -> list[Block]:
    if not symptoms:
        return [Para(t("symptoms.none"), "muted")]
    scale = t("symptoms.col.scale")
    columns = [t("symptoms.col.symptom"), scale, t("symptoms.col.added")]
    if include_removed:
        columns[1:1] = [t("symptoms.col.status")]
        columns.append(t("symptoms.col.removed"))
    table = Table(columns, title=t("symptoms.title"))
    for s in symptoms:
        row = [Cell(s.name), Cell(symptom_scale(s)), Cell(s.created.isoformat())]
        if include_removed:
            status = t(f"symptoms.status.{s.status}")
            row[1:1] = [Cell(status, "muted" if s.status == "removed" else None)]
            row.append(Cell(_day(s.removed) or ""))
        table.rows.append(row)
    return [table]


# --- doctor -------------------------------------------------------------------------------------


def _mode(mode: int | None) -> str:
    return f"{mode:04o}" if mode is not None else t("doctor.none")


def doctor_blocks(health: Health, advice: list[Advice]) -> list[Block]:
    table = Table(["", ""], title=t("doctor.title"), header=False)
    rows = [(t("doctor.path"), str(health.path))]
    verdict = health.verdict
    if verdict is not None:
        rows.append((t("doctor.size"), t("doctor.size_value", kb=round(health.size / 1024))))
        if verdict.ours and verdict.applied:
            version = t("doctor.schema_value", version=verdict.applied, head=health.head)
            rows.append((t("doctor.schema"), version))
        whole = "doctor.integrity_ok" if verdict.problem is None else "doctor.integrity_bad"
        rows.append((t("doctor.integrity"), t(whole)))
        modes = {"file": _mode(health.file_mode), "folder": _mode(health.folder_mode)}
        rows.append((t("doctor.permissions"), t("doctor.permissions_value", **modes)))
        rows.append((t("doctor.last_backup"), _last_backup(health)))
    table.rows = [[Cell(label, "heading"), Cell(value)] for label, value in rows]
    blocks: list[Block] = [table]
    for a in advice:
        blocks.append(Para(t("doctor." + a.key, **a.values), "warning" if a.serious else None))
    if not any(a.serious for a in advice) and verdict is not None:
        blocks.append(Para(t("doctor.all_well")))
    return blocks


def _last_backup(health: Health) -> str:
    if health.last_backup is None:
        return t("doctor.none")
    when = f"{health.last_backup:%Y-%m-%d %H:%M}"
    folder = str(health.backups_folder)
    return t("doctor.last_backup_value", when=when, count=health.backups, folder=folder)


def doctor_json(health: Health, advice: list[Advice]) -> dict[str, Any]:
    verdict = health.verdict
    last = health.last_backup
    return {
        "path": str(health.path),
        "exists": health.exists,
        "size": health.size,
        "smcoach_file": verdict.ours if verdict else None,
        "version": verdict.applied if verdict else None,
        "head": health.head,
        "whole": verdict.problem is None if verdict else None,
        "file_mode": _mode(health.file_mode) if health.file_mode is not None else None,
        "folder_mode": _mode(health.folder_mode) if health.folder_mode is not None else None,
        "backups": health.backups,
        "last_backup": last.isoformat(timespec="seconds") if last else None,
        "newest_good_backup": str(health.good_backup) if health.good_backup else None,
        "ok": not any(a.serious for a in advice),
        "advice": [
            {"key": a.key, "serious": a.serious, "text": t("doctor." + a.key, **a.values)}
            for a in advice
        ],
    }
