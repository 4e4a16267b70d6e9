"""smcoach group new / add / list / rename / remove / session: the course register and the
round of the room. The round's logic is domain/round.py; here it is asked and shown."""

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from smcoach.cli.common import DB_ENV, interactive, now, today
from smcoach.cli.prompts import Asker, TerminalAsker, require
from smcoach.cli.signpost import screen_all, screened
from smcoach.errors import InputEnded, SmcoachError
from smcoach.messages import t
from smcoach.render import notice
from smcoach.render.present import PRESENT_HELP

if TYPE_CHECKING:
    from smcoach.domain.course import Course, Participant
    from smcoach.domain.round import Round
    from smcoach.render.present import Projector
    from smcoach.store import Store

T = TypeVar("T")

CourseOpt = Annotated[
    str | None,
    typer.Option(
        "--course",
        help="The course, by name (default: the only one in the file, else the one running "
        "today, else the latest started).",
        show_default=False,
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON.")]
PresentOpt = Annotated[bool, typer.Option("--present", help=PRESENT_HELP)]


def chosen_course(ctx: typer.Context, name: str | None) -> "tuple[Store, Course]":
    """The store and the course a group command is about (see Store.find_course). A file
    that does not exist yet is not made: it has no course."""
    store = ctx.obj.view_store()
    if store is None:
        raise SmcoachError(t("group.no_course", path=ctx.obj.path))
    return store, store.find_course(name, today())


def projector(ctx: typer.Context, present: bool, title: str | None = None) -> "Projector":
    """The projector view of a group command (--present, or SMCOACH_PRESENT), on until the
    command ends; a title starts the command's screen (the round starts one a turn)."""
    from smcoach.render.present import Projector, wanted

    screen = ctx.with_resource(Projector(wanted(present)))
    if screen.on and title is not None:
        screen.step(title)
    return screen


def _needed(value: str | None, part: str, parse: Callable[[str], T]) -> T:
    """An argument the command needs: given, else asked in a terminal, else one line."""
    return require(value, what=t(f"group.what.{part}"), how=t(f"group.how.{part}"),
                   question=t(f"group.q.{part}"), parse=parse)  # fmt: skip


def new(
    ctx: typer.Context,
    name: Annotated[
        str | None,
        typer.Argument(help="The course's name.", show_default=False, callback=screened),
    ] = None,
    start: Annotated[
        str | None,
        typer.Option("--start", help="The day of the first session.", show_default=False),
    ] = None,
    weeks: Annotated[str, typer.Option("--weeks", help="How many weekly sessions.")] = "6",
    present: PresentOpt = False,
) -> None:
    """Start a course register, in a database file of the course's own (--db).

    The file holds the course's register and the group's plans, apart from anyone's personal
    data: a file that already holds personal records is refused.

    Example: smcoach --db tuesday.db group new "Tuesday group" --start 2026-12-01
    """
    from smcoach.domain.course import course_name, parse_weeks
    from smcoach.domain.dates import parse_day

    if ctx.find_root().params.get("db") is None and not os.environ.get(DB_ENV):
        raise SmcoachError(t("group.no_db"))  # the default file is the person's own
    projector(ctx, present, t("group.present.new"))
    count = parse_weeks(weeks)
    title = _needed(name, "course_name", course_name)
    first = _needed(start, "start", lambda s: parse_day(s, today()))
    course = ctx.obj.store.add_course(title, first, count, now())
    path = ctx.obj.path
    notice(t("group.made", name=course.name, weeks=course.weeks, first=course.start,
             last=course.session_day(course.weeks), path=path))  # fmt: skip
    notice(t("group.file_note"))
    notice(t("group.next_add", path=path))


def add(
    ctx: typer.Context,
    names: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="NAMES",
            help="A first name or initials for each participant.",
            show_default=False,
        ),
    ] = None,
    course: CourseOpt = None,
    present: PresentOpt = False,
) -> None:
    """Add participants to the register: a first name or initials for each.

    No surnames, dates of birth or health details: the register needs none.

    Example: smcoach group add Ann Bob "C.D."
    """
    from smcoach.domain.course import participant_name

    store, chosen = chosen_course(ctx, course)
    projector(ctx, present, t("group.present.add", course=chosen.name))
    notice(t("group.privacy"))
    if names:
        screen_all(names)  # (answers typed at the prompt are screened as they are typed)
    elif interactive():
        names = TerminalAsker().many("group.add", t("group.add_question"))
    if not names:
        raise SmcoachError(t("group.names_missing"))
    added = store.add_participants(chosen, [participant_name(n) for n in names], today())
    notice(t("group.added", course=chosen.name, names=", ".join(p.name for p in added)))


def list_(
    ctx: typer.Context,
    all_: Annotated[
        bool, typer.Option("--all", help="Include those removed (their history is kept).")
    ] = False,
    course: CourseOpt = None,
    json_out: JsonOpt = False,
    present: PresentOpt = False,
) -> None:
    """List the participants on the register, in name order.

    Example: smcoach group list --all --json
    """
    from smcoach.render import course as screens
    from smcoach.render import write, write_json

    store, chosen = chosen_course(ctx, course)
    projector(ctx, present, t("group.present.list", course=chosen.name))
    participants = store.participants(chosen.id, include_removed=all_)
    if json_out:
        write_json(screens.register_json(chosen, participants))
    elif not participants:
        notice(t("group.empty", course=chosen.name))
    else:
        write(screens.register_blocks(chosen, participants))


def rename(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="Their name on the register now.", show_default=False)
    ] = None,
    new_name: Annotated[
        str | None,
        typer.Argument(help="Their new name.", show_default=False, callback=screened),
    ] = None,
    course: CourseOpt = None,
    present: PresentOpt = False,
) -> None:
    """Rename a participant (a first name or initials); their history stays with them.

    Example: smcoach group rename Ann "Ann B"
    """
    from smcoach.domain.course import participant_name

    store, chosen = chosen_course(ctx, course)
    projector(ctx, present, t("group.present.rename", course=chosen.name))
    who = store.participant(chosen, _needed(name, "name", str))
    new_one = _needed(new_name, "new_name", participant_name)
    renamed = store.rename_participant(chosen, who.name, new_one)
    notice(t("group.renamed", old=who.name, new=renamed.name))


def remove(
    ctx: typer.Context,
    name: Annotated[
        str | None, typer.Argument(help="Their name on the register.", show_default=False)
    ] = None,
    course: CourseOpt = None,
    present: PresentOpt = False,
) -> None:
    """Take a participant off the register, keeping their attendance and plans.

    Example: smcoach group remove Bob
    """
    store, chosen = chosen_course(ctx, course)
    projector(ctx, present, t("group.present.remove", course=chosen.name))
    removed = store.remove_participant(chosen, _needed(name, "name", str), today())
    notice(t("group.removed", name=removed.name, course=chosen.name))


def session(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Argument(help="The course week (default: this week's session).", show_default=False),
    ] = None,
    course: CourseOpt = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Run without a terminal, from a TOML or JSON file of answers by participant "
            "(present, feedback, problem_solving, what, how_much, when, how_often, "
            "confidence, agreed).",
            show_default=False,
        ),
    ] = None,
    present: PresentOpt = False,
) -> None:
    """The round of the room: each participant's attendance, feedback and new action plan.

    One participant at a time, in name order. Type skip at any question to come back to
    them at the end of the round, or stop to end it: every answer is kept as it is given,
    and running the same command again carries on where it stopped.

    Example: smcoach group session 2
    """
    from smcoach.content import plan_coach
    from smcoach.domain.course import parse_week
    from smcoach.domain.round import Round

    store, chosen = chosen_course(ctx, course)
    number = parse_week(week, chosen) if week is not None else chosen.week_on(today())
    seats = store.round_seats(chosen.id, number)
    if not seats:
        raise SmcoachError(t("group.nobody", course=chosen.name))
    if answers is None and not interactive():
        raise SmcoachError(t("group.needs_terminal"))
    asker: Asker = _RoundTerminal()
    only = None
    if answers is not None:
        asker, only = _file_asker(answers, chosen, [s.participant for s in seats])
    round_ = Round(chosen, number, seats, plan_coach().review, from_file=asker.from_file,
                   only=only)  # fmt: skip
    run_round(store, asker, round_, projector(ctx, present))


# --- the round, asked and shown --------------------------------------------------------------


def run_round(
    store: "Store", asker: Asker, round_: "Round", screen: "Projector | None" = None
) -> None:
    """Ask the round's questions in turn, writing each step as it is given; at the end (or
    on 'stop') the summary on stdout. Ctrl-C loses nothing already answered. In the
    projector view (`screen` on), each participant's turn starts a screen of its own."""
    from functools import partial

    from smcoach.domain.round import PARTS, SAVE, Skip, Stop, parse
    from smcoach.render import course as screens
    from smcoach.render import write

    seats = list(round_.seats.values())
    done = sum(s.finished for s in seats)
    begun = any(s.present is not None or s.answers for s in seats)  # an earlier run's answers
    start = screens.round_start(round_.course, round_.week, done if begun else None, len(seats),
                                asker.from_file)  # fmt: skip
    presenting = screen is not None and screen.on
    if not presenting:  # in the projector view, each turn's screen has it in one line
        write(start, sys.stderr)
    current = None
    try:
        while (turn := round_.next_turn()) is not None:
            seat, ask = turn
            name = seat.participant.name
            if seat.participant.id != current:
                current = seat.participant.id
                if screen is not None and presenting:
                    screen.step(screens.turn_heading(seat, returning=seat.skipped))
                    write(screens.round_line(round_.course, round_.week, asker.from_file),
                          sys.stderr)  # fmt: skip
                write(screens.turn_blocks(seat, seat.skipped, round_.kept(seat),
                                          heading=not presenting), sys.stderr)  # fmt: skip
            if ask.key == "help_now":  # carried on from an earlier run: its help shown again,
                screen_all([seat.answers.get(p, "") for p in PARTS])  # as what follows says
            write(screens.ask_blocks(seat, ask), sys.stderr)
            value = None
            if ask.key != SAVE:
                try:
                    value = asker.ask(f"{name}.{ask.key}", screens.question(ask, name),
                                      partial(parse, ask), ask.default)  # fmt: skip
                except Skip:
                    if (save := round_.skip(seat)) is not None:
                        store.save_round(save, now())
                        notice(t("group.skipped", name=name))
                    else:
                        notice(t("group.left", name=name))
                    current = None
                    continue
                except Stop:
                    notice(t("group.stop"))  # the summary says how to carry on
                    break
            save = round_.answer(seat, ask, value)
            store.save_round(save, now())
            write(screens.saved_blocks(seat, save), sys.stderr)
            if seat.participant.id in round_.left:  # their plan left for now
                from_file = asker.from_file and ask.key == "agreed"
                notice(t("group.left_file" if from_file else "group.left", name=name))
                current = None
    except (KeyboardInterrupt, InputEnded) as stop:
        if isinstance(stop, KeyboardInterrupt):
            sys.stderr.write("\n")
        notice(t("group.stopped", week=round_.week))
        if isinstance(stop, KeyboardInterrupt):
            raise typer.Exit(130) from None
        raise
    summary = round_.summary()
    if screen is not None and presenting:  # the round's end: a screen of its own
        screen.step(screens.summary_title(summary))
    write(screens.summary_blocks(summary, heading=not presenting))


class _RoundTerminal(TerminalAsker):
    """The terminal, naming whose question it was if input ends before it is answered."""

    def ask(
        self, key: str, question: str, parse: Callable[[str], T], default: str | None = None
    ) -> T:
        from smcoach.cli.prompts import ask

        name = key.rsplit(".", 1)[0]
        return ask(question, parse, what=t("group.question_about", name=name), default=default)


FILE_KEYS = ("present", "feedback", "problem_solving", "what", "how_much", "when", "how_often",
             "confidence", "agreed")  # fmt: skip


def _file_asker(
    path: Path, course: "Course", participants: "list[Participant]"
) -> "tuple[Asker, set[int]]":
    """An answers file for a whole round: a table of answers for each participant named in
    it (whatever the case of the name); true and false read as yes and no. Everything in it
    is checked before anything is saved. Returns the asker and whom it names."""
    from smcoach.cli.prompts import AnswersAsker, load_answers
    from smcoach.domain.course import same_name

    data = load_answers(path)
    tables: dict[str, Any] = {}
    named: set[int] = set()
    for name, given in data.items():
        who = next((p for p in participants if same_name(p.name, name)), None)
        if who is None:
            names = ", ".join(p.name for p in participants)
            raise SmcoachError(t("group.answers_unknown", name=name, course=course.name,
                                 names=names))  # fmt: skip
        if not isinstance(given, dict):
            raise SmcoachError(t("answers.not_a_table", step=name))
        for key in given:
            if key not in FILE_KEYS:
                raise SmcoachError(t("group.answers_key", given=key, name=who.name))
        tables[who.name] = {
            k: ("yes" if v is True else "no" if v is False else v) for k, v in given.items()
        }
        named.add(who.id)
    return AnswersAsker(tables), named
