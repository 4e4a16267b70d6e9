"""The course register's views: the board (a projector table, and the same as a page for a
second screen), the action-plan cards (a printable page, two to a sheet), the report (text,
JSON, CSV and a page) and the export document.

The board at a terminal keeps one line per participant, so that a course of 16 with its
headings fits a projector's 80x24. Each week is a column at least CELL_MIN wide; when not all
the weeks fit the width, the most recent weeks are shown and a line says which are left out
(the page and --json always hold every week). A cell says the plan in short, its confidence
and how it went in words (done / partly / not, once said at the next session); colour only
repeats what the words say. "absent" and "–" (nothing recorded) are different.

Pages load nothing (render/summary.py page_start: a Content-Security-Policy forbidding every
fetch) and escape every text with html_text.
"""

from datetime import date
from typing import TYPE_CHECKING, Any

from smcoach.i18n import day_text, decimal_text
from smcoach.messages import t
from smcoach.render import Block, Cell, Para, Table

if TYPE_CHECKING:
    from smcoach.domain.course import Course, CoursePlan, Participant
    from smcoach.domain.course_report import Board, BoardCell, Report, WeekFigures

GAP = "–"  # nothing recorded: a gap, never a zero
CELL_MIN = 24  # a week's column: room for some words of the plan, confidence and feedback
CELL_MAX = 34


def _day(d: date | None) -> str | None:
    return d.isoformat() if d else None


def shorten(text: str, room: int) -> str:
    """`text` in at most `room` characters, cut between words where it can, ending in '…'."""
    text = " ".join(text.split())
    if len(text) <= room:
        return text
    if room <= 1:
        return "…"[:room]
    cut = text[: room - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space >= room // 2 else cut).rstrip(" ,;:.-") + "…"


def how_often(plan: "CoursePlan") -> str:
    from smcoach.render.summary import how_often as often

    return often(plan.days, plan.times)


def participant_name(p: "Participant") -> str:
    """A participant's name as a view shows it: marked when they have left the course."""
    return t("group_view.removed_name", name=p.name) if p.status == "removed" else p.name


def course_json(course: "Course") -> dict[str, Any]:
    return {"name": course.name, "start": _day(course.start), "weeks": course.weeks}


# --- the board ----------------------------------------------------------------------------------


def _cell_words(cell: "BoardCell", room: int | None) -> tuple[str, str | None]:
    """A board cell's text, its plan shortened to `room` characters in all, and its style."""
    plan = cell.plan
    if plan is None:
        if cell.present is None:
            return GAP, "muted"
        return t("group_view.board.here_no_plan" if cell.present else "group_view.absent"), (
            None if cell.present else "muted"
        )
    if plan.feedback:
        key, fields = (
            "group_view.board.plan_feedback",
            {"feedback": t(f"group_view.feedback.{plan.feedback}")},
        )
    else:
        key, fields = "group_view.board.plan", {}
    text = t(key, what=plan.what, confidence=plan.confidence, **fields)
    if room is not None and len(text) > room:
        rest = len(t(key, what="", confidence=plan.confidence, **fields))
        text = t(key, what=shorten(plan.what, max(room - rest, 1)), confidence=plan.confidence,
                 **fields)  # fmt: skip
    from smcoach.domain.rules import CONFIDENT

    style = plan.feedback or ("warning" if plan.confidence < CONFIDENT else None)
    return text, style


def weeks_that_fit(board: "Board", columns: int | None) -> tuple[int, int | None]:
    """(how many of the latest weeks the board shows at `columns`, the width of each), every
    week with its plans whole at no width."""
    weeks = board.week
    if columns is None:  # a pipe or a file: lines kept whole, as every table keeps them
        return weeks, None
    names = max([len(t("group_view.col.name"))] + [len(participant_name(r.participant))
                                                    for r in board.rows])  # fmt: skip
    shown = max(1, min(weeks, (columns - names) // (CELL_MIN + 2)))
    room = min(CELL_MAX, (columns - names) // shown - 2)
    return shown, max(room, CELL_MIN)


def board_title(board: "Board") -> str:
    course = board.course
    key = "group_view.board.title_one" if board.week == 1 else "group_view.board.title"
    return t(key, course=course.name, week=board.week, day=course.session_day(board.week))


def board_blocks(board: "Board", columns: int | None) -> list[Block]:
    course = board.course
    if not board.rows:
        return [Para(t("group_view.no_participants", course=course.name), "muted")]
    shown, room = weeks_that_fit(board, columns)
    first = board.week - shown + 1
    heads = [t("group_view.col.name")] + [
        t("group_view.col.week", week=w) for w in range(first, board.week + 1)
    ]
    table = Table(heads, title=board_title(board))
    for row in board.rows:
        cells = [Cell(participant_name(row.participant))]
        for cell in row.cells[first - 1 :]:
            text, style = _cell_words(cell, room)
            cells.append(Cell(text, style))
        table.rows.append(cells)
    blocks: list[Block] = [table]
    if first > 1:
        key = "group_view.board.left_out_one" if first == 2 else "group_view.board.left_out"
        blocks.append(Para(t(key, first=1, last=first - 1), "muted"))
    blocks.append(Para(t("group_view.board.legend", gap=GAP), "muted"))
    return blocks


def plan_json(plan: "CoursePlan") -> dict[str, Any]:
    return {
        "what": plan.what,
        "how_much": plan.how_much,
        "when": plan.when,
        "days": list(plan.days) if plan.days is not None else None,
        "times": plan.times,
        "confidence": plan.confidence,
        "first_confidence": plan.first_confidence,
        "feedback": plan.feedback,
        "wants_problem_solving": plan.wants_problem_solving,
    }


def _attendance(present: bool | None) -> str | None:
    return None if present is None else "present" if present else "absent"


def board_json(board: "Board") -> dict[str, Any]:
    return {
        "course": course_json(board.course),
        "week": board.week,
        "participants": [
            {
                "name": row.participant.name,
                "status": row.participant.status,
                "weeks": [
                    {
                        "week": c.week,
                        "attendance": _attendance(c.present),
                        "plan": plan_json(c.plan) if c.plan else None,
                    }
                    for c in row.cells
                ],
            }
            for row in board.rows
        ],
    }


BOARD_STYLE = """
:root { color: #111; background: #fff; }
body {
  font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "Liberation Sans", sans-serif;
  font-size: 16pt; line-height: 1.35; margin: 1rem;
}
h1 { font-size: 1.4em; margin: 0 0 0.4em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #555; padding: 0.3em 0.45em; text-align: left; vertical-align: top;
  overflow-wrap: anywhere; }
thead th { background: #eee; }
tbody th { font-weight: 600; white-space: nowrap; }
td p { margin: 0; }
.what { font-weight: 600; }
.low { border-left: 4px solid #111; padding-left: 0.3em; }
.muted, .note { color: #444; }
.note { font-size: 0.8em; margin-top: 0.8em; }
@media print {
  body { font-size: 10pt; margin: 0; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
}
""".strip()


def _page_end() -> list[str]:
    return ["</main>", "</body>", "</html>"]


def _html_cell(cell: "BoardCell") -> str:
    from smcoach.domain.rules import CONFIDENT
    from smcoach.render.summary import html_text

    plan = cell.plan
    if plan is None:
        key = "group_view.nothing_recorded" if cell.present is None else (
            "group_view.board.here_no_plan" if cell.present else "group_view.absent"
        )  # fmt: skip
        return f'<td class="muted">{html_text(t(key))}</td>'
    often = t("group_view.plan_line", how_much=plan.how_much, when=plan.when,
              often=how_often(plan))  # fmt: skip
    lines = [f'<p class="what">{html_text(plan.what)}</p>', f"<p>{html_text(often)}</p>"]
    low = plan.confidence < CONFIDENT
    confidence = t("group_view.confidence_low" if low else "group_view.confidence",
                   confidence=plan.confidence)  # fmt: skip
    lines.append(f'<p class="low">{html_text(confidence)}</p>' if low else
                 f"<p>{html_text(confidence)}</p>")  # fmt: skip
    if plan.feedback:
        said = t("group_view.feedback_said", feedback=t(f"group_view.feedback.{plan.feedback}"))
        lines.append(f"<p>{html_text(said)}</p>")
    if cell.present is False:
        lines.append(f'<p class="muted">{html_text(t("group_view.absent"))}</p>')
    return "<td>" + "".join(lines) + "</td>"


def board_html(board: "Board") -> str:
    """The whole board, every week, as a page of its own (for a second screen)."""
    from smcoach.render.summary import html_text, page_start

    course = board.course
    title = board_title(board)
    out = [*page_start(title, BOARD_STYLE), f"<h1>{html_text(title)}</h1>"]
    if not board.rows:
        out.append(f"<p>{html_text(t('group_view.no_participants', course=course.name))}</p>")
        return "\n".join([*out, *_page_end()]) + "\n"
    heads = [t("group_view.col.name")] + [
        t("group_view.col.week_day", week=w, day=day_text(course.session_day(w), "date"))
        for w in range(1, board.week + 1)
    ]
    out += [
        "<table>",
        "<thead><tr>" + "".join(f'<th scope="col">{html_text(h)}</th>' for h in heads)
        + "</tr></thead>",
        "<tbody>",
    ]  # fmt: skip
    for row in board.rows:
        name = html_text(participant_name(row.participant))
        cells = "".join(_html_cell(c) for c in row.cells)
        out.append(f'<tr><th scope="row">{name}</th>{cells}</tr>')
    out += ["</tbody>", "</table>"]
    out.append(f'<p class="note">{html_text(t("group_view.board.page_legend"))}</p>')
    return "\n".join([*out, *_page_end()]) + "\n"


# --- cards --------------------------------------------------------------------------------------


def _card_rows(plan: "CoursePlan") -> list[tuple[str, str]]:
    return [
        (t("summary.col.what"), plan.what),
        (t("summary.col.how_much"), plan.how_much),
        (t("summary.col.when"), plan.when),
        (t("summary.col.how_often"), how_often(plan)),
        (t("summary.col.confidence"), t("summary.out_of_ten", value=plan.confidence)),
    ]


def _day_labels(course: "Course", plan: "CoursePlan") -> list[str]:
    from smcoach.domain.course_report import planned_days

    days = planned_days(course, plan)
    return [
        t("group_view.card.day", day=day_text(d, "day")) if d else t("group_view.card.time", n=n)
        for n, d in enumerate(days, 1)
    ]


def _card_heading(course: "Course", plan: "CoursePlan", name: str) -> tuple[str, str]:
    from smcoach.domain.course_report import plan_week

    first, last = plan_week(course, plan)
    return (
        t("group_view.card.title", name=name),
        t("group_view.card.week", week=plan.week, first=first, last=last, course=course.name),
    )


BLANK = "_" * 24  # a line to write on, in text


def cards_blocks(
    course: "Course", week: int, cards: "list[tuple[Participant, CoursePlan]]"
) -> list[Block]:
    if not cards:
        return [Para(t("group_view.card.none", week=week), "muted")]
    blocks: list[Block] = []
    for n, (p, plan) in enumerate(cards):
        if n:
            blocks.append(Para(""))
        title, subtitle = _card_heading(course, plan, p.name)
        table = Table(["", ""], header=False)
        table.rows += [[Cell(label), Cell(value)] for label, value in _card_rows(plan)]
        blocks += [Para(title, "heading"), Para(subtitle), table]
        blocks.append(Para(t("group_view.card.days_intro")))
        blocks += [Para(f"  {label}  {BLANK}") for label in _day_labels(course, plan)]
    return blocks


CARD_STYLE = """
:root { color: #000; background: #fff; }
body {
  font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "Liberation Sans", sans-serif;
  font-size: 13pt; line-height: 1.4; max-width: 44rem; margin: 1.5rem auto; padding: 0 1rem;
}
h1 { font-size: 1.4em; }
.card {
  border: 2px solid #000; border-radius: 6px; padding: 0.7em 1em; margin: 0 0 1.2em;
  break-inside: avoid; page-break-inside: avoid; box-sizing: border-box;
}
.card h2 { font-size: 1.25em; margin: 0; }
.card .week { margin: 0.1em 0 0.5em; color: #333; }
.card table { border-collapse: collapse; width: 100%; }
.card th { text-align: left; padding: 0.15em 0.8em 0.15em 0; width: 9em; vertical-align: top;
  font-weight: 600; }
.card td { padding: 0.15em 0; overflow-wrap: anywhere; }
.days { margin-top: 0.6em; }
.days p { margin: 0 0 0.2em; }
.days th { font-weight: normal; width: 9em; padding: 0.5em 0.8em 0 0; }
.days td.blank { border-bottom: 1px solid #000; }
@page { size: A4 portrait; margin: 12mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 12pt; }
  .screen { display: none; }
  /* two to a sheet: each card at least, and as a rule exactly, under half the printable
     height of A4 and of Letter; a longer one is never cut, it goes on a page of its own */
  .card { min-height: 122mm; margin: 0 0 6mm; }
  .card:nth-of-type(2n) { break-after: page; page-break-after: always; margin-bottom: 0; }
}
""".strip()


def cards_html(course: "Course", week: int, cards: "list[tuple[Participant, CoursePlan]]") -> str:
    """One card for each participant's plan of the week, two to a printed page, each with a
    line to write on for every planned day."""
    from smcoach.render.summary import html_text, page_start

    title = t("group_view.card.page_title", course=course.name, week=week)
    out = [*page_start(title, CARD_STYLE), f'<h1 class="screen">{html_text(title)}</h1>']
    if not cards:
        out.append(f"<p>{html_text(t('group_view.card.none', week=week))}</p>")
    for p, plan in cards:
        heading, subtitle = _card_heading(course, plan, p.name)
        out += [
            '<section class="card">',
            f"<h2>{html_text(heading)}</h2>",
            f'<p class="week">{html_text(subtitle)}</p>',
            "<table>",
            *(
                f'<tr><th scope="row">{html_text(label)}</th><td>{html_text(value)}</td></tr>'
                for label, value in _card_rows(plan)
            ),
            "</table>",
            '<div class="days">',
            f"<p>{html_text(t('group_view.card.days_intro'))}</p>",
            "<table>",
            *(
                f'<tr><th scope="row">{html_text(label)}</th><td class="blank"></td></tr>'
                for label in _day_labels(course, plan)
            ),
            "</table>",
            "</div>",
            "</section>",
        ]
    return "\n".join([*out, *_page_end()]) + "\n"


# --- the report ---------------------------------------------------------------------------------


def _number(value: float | None) -> str:
    return GAP if value is None else decimal_text(value)


def _change(value: float | None) -> str:
    return GAP if value is None else decimal_text(value, "+.1f")


def _share(w: "WeekFigures", count: int) -> str:
    share = w.share(count)
    return GAP if share is None else t("group_view.report.percent", percent=round(100 * share))


def _completers(r: "Report") -> str:
    key = "group_view.report.completers"
    return t(key, n=r.completers, of=len(r.people), needed=r.sessions_needed, weeks=r.course.weeks)


def _selfefficacy(r: "Report") -> str:
    s = r.selfefficacy
    if s.pairs:
        text = t("group_view.report.se_change", first_week=s.first_week, last_week=s.last_week,
                 change=_change(s.mean_change), first=_number(s.mean_first),
                 last=_number(s.mean_last), pairs=s.pairs)  # fmt: skip
    else:
        text = t("group_view.report.se_none", first_week=s.first_week, last_week=s.last_week)
    if s.first_only or s.last_only:
        text += " " + t("group_view.report.se_unpaired", first_only=s.first_only,
                        last_only=s.last_only, first_week=s.first_week,
                        last_week=s.last_week)  # fmt: skip
    if s.other_scale:
        text += " " + t("group_view.report.se_other_scale", n=s.other_scale, form=s.form)
    return text


def _summary_lines(r: "Report") -> list[str]:
    course = r.course
    lines = [
        t("group_view.report.participants", n=len(r.people))
        if not r.removed
        else t("group_view.report.participants_left", n=len(r.people), removed=r.removed),
        _completers(r),
        t("group_view.report.plans", n=r.plans),
    ]
    if r.weeks_shown < course.weeks:
        lines.append(t("group_view.report.so_far", week=r.weeks_shown, weeks=course.weeks))
    return lines


ATTENDANCE_COLUMNS = ("week", "present", "absent", "not_recorded")
PLAN_COLUMNS = ("week", "plans", "confidence", "low", "feedback", "done", "partly", "not")


def _columns(keys: tuple[str, ...]) -> list[str]:
    return [t(f"group_view.report.col.{k}") for k in keys]


def _week_label(w: "WeekFigures", dated: bool) -> str:
    """The week as a row's heading: its number, or on a page with its session's day too."""
    return (
        t("group_view.col.week_day", week=w.week, day=day_text(w.day, "date"))
        if dated
        else str(w.week)
    )


def _attendance_row(w: "WeekFigures", dated: bool = False) -> list[str]:
    return [_week_label(w, dated), str(w.present), str(w.absent), str(w.not_recorded)]


def _plans_row(w: "WeekFigures", dated: bool = False) -> list[str]:
    return [
        _week_label(w, dated),
        str(w.plans),
        _number(w.average_confidence),
        str(w.low_confidence),
        str(w.feedback_given),
        _share(w, w.done),
        _share(w, w.partly),
        _share(w, w.not_done),
    ]


def _people_columns() -> list[str]:
    return [t(f"group_view.report.col.{k}") for k in
            ("name", "attended", "completer", "se_first", "se_last", "se_change")]  # fmt: skip


def _people_rows(r: "Report") -> list[list[str]]:
    rows = []
    for f in r.people:
        change = None
        if f.first_score is not None and f.last_score is not None:
            change = f.last_score - f.first_score
        rows.append([
            participant_name(f.participant),
            str(f.attended),
            t("group_view.yes") if f.completer else t("group_view.no"),
            _number(f.first_score),
            _number(f.last_score),
            _change(change),
        ])  # fmt: skip
    return rows


def report_title(r: "Report") -> str:
    return t("group_view.report.title", course=r.course.name, start=r.course.start,
             weeks=r.course.weeks)  # fmt: skip


def report_blocks(r: "Report", names: bool) -> list[Block]:
    blocks: list[Block] = [Para(report_title(r), "heading")]
    blocks += [Para(line) for line in _summary_lines(r)]
    attendance = Table(_columns(ATTENDANCE_COLUMNS), title=t("group_view.report.attendance"))
    attendance.rows = [[Cell(c) for c in _attendance_row(w)] for w in r.weeks]
    plans = Table(_columns(PLAN_COLUMNS), title=t("group_view.report.plans_by_week"))
    plans.rows = [[Cell(c) for c in _plans_row(w)] for w in r.weeks]
    blocks += [attendance, plans, Para(t("group_view.report.completion_note", gap=GAP), "muted")]
    blocks.append(Para(_selfefficacy(r)))
    if names:
        people = Table(_people_columns(), title=t("group_view.report.people"))
        people.rows = [[Cell(c) for c in row] for row in _people_rows(r)]
        blocks.append(people)
    return blocks


def _week_json(w: "WeekFigures") -> dict[str, Any]:
    return {
        "week": w.week,
        "day": _day(w.day),
        "present": w.present,
        "absent": w.absent,
        "not_recorded": w.not_recorded,
        "plans": w.plans,
        "average_confidence": None if w.average_confidence is None else round(
            w.average_confidence, 2),
        "low_confidence": w.low_confidence,
        "feedback_given": w.feedback_given,
        "done": w.done,
        "partly": w.partly,
        "not": w.not_done,
        "done_share": _rounded(w.share(w.done)),
        "partly_share": _rounded(w.share(w.partly)),
        "not_share": _rounded(w.share(w.not_done)),
        "wants_problem_solving": w.wants_problem_solving,
    }  # fmt: skip


def _rounded(value: float | None, places: int = 3) -> float | None:
    return None if value is None else round(value, places)


def report_json(r: "Report", names: bool) -> dict[str, Any]:
    s = r.selfefficacy
    data: dict[str, Any] = {
        "course": course_json(r.course),
        "weeks_shown": r.weeks_shown,
        "participants": len(r.people),
        "removed": r.removed,
        "completers": {
            "count": r.completers,
            "sessions_needed": r.sessions_needed,
            "sessions": r.course.weeks,
        },
        "plans": r.plans,
        "weeks": [_week_json(w) for w in r.weeks],
        "selfefficacy": {
            "first_week": s.first_week,
            "last_week": s.last_week,
            "pairs": s.pairs,
            "mean_first": _rounded(s.mean_first, 2),
            "mean_last": _rounded(s.mean_last, 2),
            "mean_change": _rounded(s.mean_change, 2),
            "first_only": s.first_only,
            "last_only": s.last_only,
            "form": s.form,
            "other_scale": s.other_scale,
        },
    }
    if names:
        data["people"] = [
            {
                "name": f.participant.name,
                "status": f.participant.status,
                "attended": f.attended,
                "completer": f.completer,
                "selfefficacy_first": f.first_score,
                "selfefficacy_last": f.last_score,
            }
            for f in r.people
        ]
    return data


CSV_COLUMNS = ["course", "week", "participant", "measure", "value"]


def report_csv(r: "Report", names: bool) -> str:
    """The report as one tidy table, a figure a row: the course's own figures (no week), each
    week's, and with `names` each participant's."""
    import csv
    import io

    data = report_json(r, names)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    course = r.course.name

    def put(week: object, who: str, measure: str, value: object) -> None:
        writer.writerow([course, week, who, measure, "" if value is None else value])

    for measure in ("participants", "removed", "plans", "weeks_shown"):
        put("", "", measure, data[measure])
    for key, value in data["completers"].items():
        put("", "", f"completers_{key}" if key != "count" else "completers", value)
    for key, value in data["selfefficacy"].items():
        put("", "", f"selfefficacy_{key}", value)
    for week in data["weeks"]:
        for key, value in week.items():
            if key != "week":
                put(week["week"], "", key, value)
    for person in data.get("people", []):
        for key, value in person.items():
            if key != "name":
                put("", person["name"], key, value)
    return buffer.getvalue()


REPORT_STYLE = """
:root { color: #111; background: #fff; }
body {
  font-family: system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
    "Liberation Sans", sans-serif;
  font-size: 11pt; line-height: 1.45; max-width: 56rem; margin: 2rem auto; padding: 0 1rem;
}
h1 { font-size: 1.5em; margin: 0 0 0.4em; }
h2 { font-size: 1.15em; margin: 1.3em 0 0.4em; border-bottom: 1px solid #777; }
p { margin: 0.3em 0; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0; font-size: 0.95em; }
th, td { border: 1px solid #777; padding: 0.25em 0.45em; text-align: right; }
th[scope="row"], thead th:first-child { text-align: left; }
thead th { background: #eee; text-align: left; }
td { font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr, p { break-inside: avoid; page-break-inside: avoid; }
.note { color: #444; font-size: 0.92em; }
@page { margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  thead th { background: none; }
}
""".strip()


def _html_table(columns: list[str], rows: list[list[str]]) -> list[str]:
    from smcoach.render.summary import html_text

    head = "".join(f'<th scope="col">{html_text(c)}</th>' for c in columns)
    body = [
        f'<tr><th scope="row">{html_text(row[0])}</th>'
        + "".join(f"<td>{html_text(c)}</td>" for c in row[1:])
        + "</tr>"
        for row in rows
    ]
    return ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *body, "</tbody>", "</table>"]


def report_html(r: "Report", names: bool) -> str:
    from smcoach.render.summary import html_text, page_start

    title = report_title(r)
    out = [*page_start(title, REPORT_STYLE), f"<h1>{html_text(title)}</h1>"]
    out += [f"<p>{html_text(line)}</p>" for line in _summary_lines(r)]
    out.append(f"<h2>{html_text(t('group_view.report.attendance'))}</h2>")
    out += _html_table(_columns(ATTENDANCE_COLUMNS), [_attendance_row(w, True) for w in r.weeks])
    out.append(f"<h2>{html_text(t('group_view.report.plans_by_week'))}</h2>")
    out += _html_table(_columns(PLAN_COLUMNS), [_plans_row(w, True) for w in r.weeks])
    out.append(f'<p class="note">{html_text(t("group_view.report.completion_note", gap=GAP))}</p>')
    out.append(f"<h2>{html_text(t('group_view.report.selfefficacy'))}</h2>")
    out.append(f"<p>{html_text(_selfefficacy(r))}</p>")
    if names:
        out.append(f"<h2>{html_text(t('group_view.report.people'))}</h2>")
        out += _html_table(_people_columns(), _people_rows(r))
    return "\n".join([*out, *_page_end()]) + "\n"


# --- the export ---------------------------------------------------------------------------------

EXPORT_FORMAT = "smcoach-course"
EXPORT_VERSION = 1
FREE_TEXT = ("what", "how_much", "when")  # a plan's words, where a name could be written


def export_document(
    course: "Course",
    people: "list[Participant]",
    records: dict[str, list[dict[str, Any]]],
    anonymise: bool,
) -> dict[str, Any]:
    """The course's records as one JSON document. Participants are named by label (P01, …)
    throughout; without `anonymise` the participants list also gives each one's name. With
    it, no participant's name is anywhere: every name in free text (the course's name, the
    plans' words) is replaced by its participant's label."""
    from smcoach.domain.course_report import NameReplacer, labels

    label = labels(p.id for p in people)
    names = {p.id: p.name for p in people}
    scrub = NameReplacer(names, label) if anonymise else None

    def text(value: str, own: int | None = None) -> str:
        return scrub(value, own) if scrub is not None else value

    def participant(record: dict[str, Any]) -> dict[str, Any]:
        pid = record.pop("participant_id")
        return {"participant": label[pid], **record}

    plans = []
    for plan in records["plans"]:
        pid = plan["participant_id"]
        entry = participant(dict(plan))
        for key in FREE_TEXT:
            entry[key] = text(entry[key], pid)
        entry["days"] = list(entry["days"]) if entry["days"] is not None else None
        plans.append(entry)
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "anonymised": anonymise,
        "course": {
            "name": text(course.name),
            "start": _day(course.start),
            "weeks": course.weeks,
            "created_at": course.created_at,
        },
        "participants": [
            {
                "participant": label[p.id],
                **({} if anonymise else {"name": p.name}),
                "status": p.status,
                "added": _day(p.added),
                "removed": _day(p.removed),
            }
            for p in sorted(people, key=lambda p: p.id)
        ],
        "attendance": [
            {**participant(dict(a)), "present": bool(a["present"])} for a in records["attendance"]
        ],
        "plans": plans,
        "selfchecks": [participant(dict(s)) for s in records["selfchecks"]],
    }
