"""smcoach group board / cards / report / selfcheck / export: what the course register shows
and writes. Thin: the options are declared here; who is listed, the completers and the
figures are in domain/course_report.py, the queries in store/course_views.py and the layout
in render/course_views.py.

Files are written as `smcoach trends --html` and `export --out` write them: private (0600),
whole, and never over an existing file unless --force says so."""

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from smcoach.cli.common import now, today
from smcoach.cli.group_register import CourseOpt, JsonOpt, PresentOpt, chosen_course, projector
from smcoach.errors import SmcoachError
from smcoach.messages import t

if TYPE_CHECKING:
    from smcoach.cli.prompts import Asker
    from smcoach.domain.course import Course, CoursePlan, Participant
    from smcoach.domain.course_report import Board, Report
    from smcoach.domain.selfefficacy import Rule
    from smcoach.store import Store

Opt = typer.Option
Week = Annotated[
    str | None,
    typer.Argument(
        help="The course week, from 1 to the course's last (default: this week's session).",
        show_default=False,
    ),
]
Force = Annotated[bool, Opt("--force", help="Replace the file if it exists.")]


def board(
    ctx: typer.Context,
    week: Week = None,
    course: CourseOpt = None,
    present: PresentOpt = False,
    json_out: JsonOpt = False,
    html: Annotated[
        Path | None,
        Opt(
            "--html",
            help="Save the board, every week, as a page for a second screen.",
            show_default=False,
        ),
    ] = None,
    force: Force = False,
) -> None:
    """Show the group's plans week by week: a table for the projector.

    A row for each participant (and for those who left, marked, if they have a history), a
    column for each week up to the one given (by default this week's). Each cell: the plan
    made at that session in short, its confidence out of 10, and done, partly or not done
    once said at the next session; 'absent', or '–' when nothing is recorded. When not every
    week fits the window, the most recent weeks are shown and a line says which are left
    out; --html and --json hold every week. The page is readable only by you and loads
    nothing.

    Example: smcoach --db course.db group board 3 --html board.html
    """
    from smcoach.render import course_views as view
    from smcoach.render import write, write_json

    _one_output(json_out, html is not None)
    store, found = chosen_course(ctx, course)
    shown = _board(store, found, _week(week, found))
    projector(ctx, present).fresh()  # the board's own title heads it: 16 rows fit 80x24
    if json_out:
        write_json(view.board_json(shown))
    elif html is not None:
        _save(html, view.board_html(shown), force, "group_view.saved_board")
    else:
        import sys

        from smcoach.render import width

        write(view.board_blocks(shown, width(sys.stdout)))


def cards(
    ctx: typer.Context,
    week: Week = None,
    course: CourseOpt = None,
    present: PresentOpt = False,
    html: Annotated[
        Path | None,
        Opt(
            "--html", help="Save the cards as a page to print, two to a sheet.", show_default=False
        ),
    ] = None,
    force: Force = False,
) -> None:
    """Make each participant's action plan of the week into a card to print.

    One card for each participant with a plan that week: what, how much, when, how often,
    confidence, and a line to write on for each planned day. With --html, a page to print,
    two cards to a sheet (readable only by you, loading nothing); without it, the cards are
    printed as text.

    Example: smcoach --db course.db group cards 2 --html cards.html
    """
    from smcoach.render import course_views as view
    from smcoach.render import write

    store, found = chosen_course(ctx, course)
    projector(ctx, present, t("group.present.cards", course=found.name))
    n = _week(week, found)
    made = _cards(store, found, n)
    if html is None:
        write(view.cards_blocks(found, n, made))
    else:
        _save(html, view.cards_html(found, n, made), force, "group_view.saved_cards")


def report(
    ctx: typer.Context,
    course: CourseOpt = None,
    present: PresentOpt = False,
    names: Annotated[bool, Opt("--names", help="Add each participant's figures, by name.")] = False,
    json_out: JsonOpt = False,
    csv_out: Annotated[bool, Opt("--csv", help="Print CSV: one figure a row.")] = False,
    html: Annotated[
        Path | None, Opt("--html", help="Save the report as a page.", show_default=False)
    ] = None,
    force: Force = False,
) -> None:
    """Show the course's figures: attendance, completers, plans, confidence and completion.

    By week so far: who was present, absent or not recorded; plans made, their average
    confidence, and how they went (done, partly, not done, as shares of the plans given
    feedback). Completers attended at least 4 of 6 sessions (the same two thirds, rounded up,
    for a course of another length). Self-efficacy: the mean change from the scale taken at
    week 1 to the one taken at the last week, over the participants with a score at both,
    and how many pairs that is; anyone scored at only one is counted apart and left out. No
    participant is named unless you add --names.

    Example: smcoach --db course.db group report --csv > course.csv
    """
    from smcoach.render import course_views as view
    from smcoach.render import write, write_json

    _one_output(json_out, csv_out, html is not None)
    store, found = chosen_course(ctx, course)
    projector(ctx, present, t("group.present.report", course=found.name))
    made = _report(store, found)
    if json_out:
        write_json(view.report_json(made, names))
    elif csv_out:
        import sys

        sys.stdout.write(view.report_csv(made, names))
    elif html is not None:
        _save(html, view.report_html(made, names), force, "group_view.saved_report")
    else:
        write(view.report_blocks(made, names))


def selfcheck(
    ctx: typer.Context,
    week: Week = None,
    course: CourseOpt = None,
    present: PresentOpt = False,
    answers: Annotated[
        Path | None,
        Opt(
            "--answers",
            help="Take the answers from a TOML or JSON file: a line for each participant, "
            'such as Ann = "8,7,skip,9,6,7".',
            show_default=False,
        ),
    ] = None,
) -> None:
    """Ask the participants at a session the self-efficacy scale, one at a time.

    Each participant present (or not yet recorded) answers the six questions of the
    Self-Efficacy for Managing Chronic Disease scale, each from 1 to 10 or skip; their
    answers are saved as soon as they finish. Anyone can answer later in the round, and the
    round can stop: run it again to ask those not asked yet. Take it at week 1 and at the
    last week: the report shows the change. With --answers, the answers a file gives (each
    replaces any given at that session).

    Example: smcoach --db course.db group selfcheck 1
    """
    from smcoach.cli.common import interactive
    from smcoach.render import notice

    store, found = chosen_course(ctx, course)
    projector(ctx, present, t("group.present.selfcheck", course=found.name))
    n = _week(week, found)
    absent = {pid for (pid, _), here in store.board_attendance(found.id, n, n).items() if not here}
    asked = [p for p in store.participants(found.id) if p.id not in absent]
    if not asked:
        raise SmcoachError(t("group_view.selfcheck.nobody", week=n))
    if answers is not None:
        _selfcheck_from_file(store, n, asked, answers)
        return
    if not interactive():
        raise SmcoachError(t("group_view.selfcheck.needs_terminal"))
    done = store.selfchecked(found.id, n)
    if done:
        names = ", ".join(p.name for p in asked if p.id in done)
        notice(t("group_view.selfcheck.already", week=n, names=names))
    waiting = [p for p in asked if p.id not in done]
    if not waiting:
        return
    from smcoach.cli.prompts import TerminalAsker

    _selfcheck_round(store, n, waiting, TerminalAsker())


def export(
    ctx: typer.Context,
    course: CourseOpt = None,
    present: PresentOpt = False,
    anonymise: Annotated[
        bool,
        Opt(
            "--anonymise",
            help="Name participants P01, P02, … only, and replace every participant's name "
            "written in the plans (any case, as a whole word) by their label.",
        ),
    ] = False,
    output: Annotated[
        Path | None,
        Opt(
            "--output",
            "--out",
            "-o",
            help="The file to write (default: print it).",
            show_default=False,
        ),
    ] = None,
    force: Force = False,
) -> None:
    """Export the course's records as JSON: participants, attendance, plans and self-checks.

    Participants are labelled P01, P02, … in the order they were added. With --anonymise
    no participant's name is in the file: each name written in a plan's words (or the
    course's name), in any case, as a whole word, is replaced by that participant's label, so
    a name that is also an ordinary word (May, Will) is replaced there too. Saved files are
    readable only by you.

    Example: smcoach --db course.db group export --anonymise -o course.json
    """
    import json

    from smcoach.render import course_views as view

    store, found = chosen_course(ctx, course)
    projector(ctx, present, t("group.present.export", course=found.name))
    people = store.participants(found.id, include_removed=True)
    document = view.export_document(found, people, store.export_records(found.id), anonymise)
    text = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
    if output is None:
        import sys

        sys.stdout.write(text)
        return
    _save(output, text, force, "group_view.saved_export")


# --- gathering: the store's records into the domain's figures ------------------------------------


def _week(text: str | None, course: "Course") -> int:
    """The WEEK argument: a course week, 1 to the course's last; by default today's."""
    from smcoach.domain.course import parse_week

    return course.week_on(today()) if text is None else parse_week(text, course)


def _one_output(*chosen: bool) -> None:
    if sum(chosen) > 1:
        raise SmcoachError(t("group_view.one_output"))


def _save(path: Path, page: str, force: bool, key: str) -> None:
    from smcoach.render import notice
    from smcoach.store.files import write_private

    write_private(path, page.encode("utf-8"), overwrite=force)
    notice(t(key, path=path))


def _board(store: "Store", course: "Course", week: int) -> "Board":
    from smcoach.domain.course_report import board

    return board(
        course,
        week,
        store.participants(course.id, include_removed=True),
        store.course_history(course.id),
        store.board_attendance(course.id, 1, week),
        store.board_plans(course.id, 1, week),
    )


def _cards(store: "Store", course: "Course", week: int) -> "list[tuple[Participant, CoursePlan]]":
    plans = store.board_plans(course.id, week, week)
    people = store.participants(course.id, include_removed=True)
    return [(p, plans[(p.id, week)]) for p in people if (p.id, week) in plans]


def _report(store: "Store", course: "Course") -> "Report":
    from smcoach.domain.course_report import report
    from smcoach.domain.rules import CONFIDENT

    form, scores, other_scale = store.report_scores(course.id, 1, course.weeks)
    return report(
        course,
        store.participants(course.id, include_removed=True),
        store.course_history(course.id),
        store.report_attended(course.id),
        store.report_week_counts(course.id, CONFIDENT),
        scores,
        today(),
        form,
        other_scale,
    )


# --- the self-efficacy scale in the group ---------------------------------------------------------


def _selfcheck_round(
    store: "Store", week: int, waiting: "list[Participant]", asker: "Asker"
) -> None:
    """Each participant in turn (domain/round.py ScaleRound): answer now, later, or stop the
    round. Each one's answers are saved when they finish."""
    from smcoach.content import scale
    from smcoach.domain.round import SCALE_TURN, ScaleRound
    from smcoach.domain.selfefficacy import SCALE_FILES

    rule = _group_form()
    items = scale(*SCALE_FILES[rule.form])
    options = [(key, t(f"group_view.selfcheck.option.{key}")) for key in SCALE_TURN]
    names = ", ".join(p.name for p in waiting)
    asker.say(t("group_view.selfcheck.intro", week=week, names=names, n=rule.items))
    asker.say(t("selfcheck.source", title=items["title"], publisher=items["publisher"],
                citation=items["short_citation"]))  # fmt: skip
    turns = ScaleRound(waiting)
    while (person := turns.next()) is not None:
        question = t("group_view.selfcheck.turn", name=person.name)
        choice = asker.choose("group_selfcheck.turn", question, options)
        if choice == "now":
            _save_scale(store, person, week, _ask_scale(asker, person, items))
        if again := turns.took(choice):
            asker.say(t("group_view.selfcheck.again", names=", ".join(p.name for p in again)))
    if turns.later:
        names = ", ".join(p.name for p in turns.later)
        asker.say(t("group_view.selfcheck.not_asked", names=names, week=week))


def _group_form() -> "Rule":
    """The scale the group is asked: the one published in the language of the session."""
    from smcoach import i18n
    from smcoach.domain.selfefficacy import form_for

    return form_for(i18n.language())


def _ask_scale(asker: "Asker", person: "Participant", items: "dict[str, Any]") -> list[int | None]:
    """The scale's questions, for one participant (their name on each, so that no answer goes to
    the wrong person)."""
    from smcoach.domain.selfefficacy import parse_answer

    hint = t("selfcheck.answer_hint", **items["anchors"])
    total = len(items["items"])
    answers = []
    for n, item in enumerate(items["items"], 1):
        question = t("selfcheck.question", n=n, total=total, stem=items["stem"], item=item)
        key = t("group_view.selfcheck.which", name=person.name, n=n)
        asked = t("group_view.selfcheck.for", name=person.name, question=question)
        answers.append(asker.ask(key, f"{asked}\n{hint}", parse_answer))
    return answers


def _save_scale(store: "Store", person: "Participant", week: int, given: list[int | None]) -> None:
    from smcoach.domain.selfefficacy import score
    from smcoach.render import notice
    from smcoach.render.views import score_text

    rule = _group_form()
    value = score(given, rule)
    store.save_group_selfcheck(person.id, week, rule.form, given, value, now())
    notice(t("group_view.selfcheck.saved", name=person.name, score=score_text(value)))


def _selfcheck_from_file(store: "Store", week: int, asked: "list[Participant]", path: Path) -> None:
    """Every participant's answers from the file, all read and checked before any is saved."""
    from smcoach.cli.prompts import load_answers
    from smcoach.domain.selfefficacy import example_answers, parse_answers
    from smcoach.render import notice

    rule = _group_form()
    shape = t("group_view.selfcheck.file_shape", path=path, example=example_answers(rule))
    table = load_answers(path)
    if not table:
        raise SmcoachError(shape)
    by_name = {p.name.casefold(): p for p in asked}
    given: list[tuple[Participant, list[int | None]]] = []
    for name, value in table.items():
        person = by_name.get(name.casefold())
        if person is None:
            raise SmcoachError(t("group_view.selfcheck.unknown", name=name, week=week,
                                 names=", ".join(p.name for p in asked)))  # fmt: skip
        if isinstance(value, dict):
            raise SmcoachError(shape)
        text = ",".join(map(str, value)) if isinstance(value, list) else str(value)
        try:
            given.append((person, parse_answers(text, rule)))
        except SmcoachError as e:
            raise SmcoachError(t("group_view.selfcheck.file_answer", name=name, error=e)) from None
    for person, answers in given:
        _save_scale(store, person, week, answers)
    missing = [p.name for p in asked if all(p is not q for q, _ in given)]
    if missing:
        notice(t("group_view.selfcheck.not_in_file", names=", ".join(missing)))
