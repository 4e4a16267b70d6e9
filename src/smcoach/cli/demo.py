"""smcoach demo: the method shown on a made-up participant's course, for a room.

The demo runs the real session steps (cli/session.py STEP_RUNNERS) and the real trends view
on a database of its own: a new private file in a private temporary folder, filled with the
course so far (domain/demo.py, recorded by store/demo.py) and removed at the end unless --keep,
however the demo ends (Ctrl-C, a closed terminal). With --auto the script's answers are typed
into the real prompts (cli/demo_play.py). The person's own database
is never opened: the root callback only names it (an Env opens nothing until asked), and the
demo points the help-now signposting, the one thing that might peek at a file, at its own Env
before anything else runs. No path but a --keep folder's is ever shown: an error about the
demo's file names it "the demo's database".
"""

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from smcoach.cli.common import Env, interactive, now, today
from smcoach.errors import InputEnded, SmcoachError
from smcoach.messages import t
from smcoach.render.present import PRESENT_HELP

if TYPE_CHECKING:
    from smcoach.cli.prompts import Asker
    from smcoach.cli.session import RecordingAsker
    from smcoach.render.present import Projector
    from smcoach.store import Store
    from smcoach.store.sessions import Session

KEPT_NAME = "smcoach-demo.db"  # the file --keep DIR leaves
DEFAULT_DELAY = 2.0  # seconds, with --auto: time to read each question before it is answered


def demo(
    ctx: typer.Context,
    week: Annotated[
        int,
        typer.Option(
            "--week",
            help="The session of the six-week course to show, 1-6; what happened in the weeks "
            "before it is already recorded.",
        ),
    ] = 3,
    step: Annotated[
        str | None,
        typer.Option(
            "--step",
            help="Show one step only: feedback, solve, agenda, goal, plan or trends.",
            show_default=False,
        ),
    ] = None,
    auto: Annotated[
        bool,
        typer.Option("--auto", help="Play it unattended: Jo's answers are typed in for you."),
    ] = False,
    delay: Annotated[
        float | None,
        typer.Option(
            "--delay",
            help="With --auto, the seconds to wait before each answer and each new step "
            "(default 2; 0 for none).",
            show_default=False,
        ),
    ] = None,
    keep: Annotated[
        Path | None,
        typer.Option(
            "--keep",
            help=f"Keep the demo's database in this folder (as {KEPT_NAME}), for the group "
            "to explore afterwards with --db.",
            show_default=False,
        ),
    ] = None,
    present: Annotated[bool, typer.Option("--present", help=PRESENT_HELP)] = False,
) -> None:
    """Demonstrate the weekly session on a made-up participant's course, for a group.

    A throwaway database holds the course so far of Jo, a fictional participant; each step
    of the weekly sequence is explained, then smcoach asks its real questions. Your own data
    is never opened.

    Example: smcoach demo --week 3 --present
    """
    from smcoach.cli.demo_play import asker as answered
    from smcoach.domain import demo as script
    from smcoach.render.present import Projector, wanted
    from smcoach.store.demo import fill

    script.parse_week(week)
    only = script.parse_step(step)
    if delay is not None and not auto:
        raise SmcoachError(t("demo.delay_needs_auto"))
    pause = script.parse_delay(DEFAULT_DELAY if delay is None else delay)
    if not auto and not interactive():
        raise SmcoachError(t("demo.needs_terminal"))
    target = _kept_file(keep) if keep is not None else None
    day = today()
    try:
        with (
            _ended_by_signals(),
            _demo_env() as env,
            _as_demo(env.path),
            Projector(wanted(present), t("demo.banner")) as screen,
            answered(script.answers(day, week) if auto else None, pause) as asker,
        ):
            from smcoach.cli import signpost

            signpost.begin(env)  # help-now reads the demo's settings, never the person's
            fill(env.store, script.course(day, week))
            if only is None:
                _introduce(screen, week, auto, pause)
            _show_steps(env, asker, screen, only, day, auto, pause)
            if target is not None:
                env.store.backup(target)
            screen.step(t("demo.end_title"))
            if target is None:
                _say(t("demo.end_removed"))
            else:
                _say(t("demo.end_kept", command=_explore_command(target)))
    except KeyboardInterrupt:
        sys.stderr.write("\n")
        _say(t("demo.stopped"))
        raise typer.Exit(130) from None
    except InputEnded:  # at a terminal, Ctrl-D: nothing of the demo is kept to carry on
        raise SmcoachError(t("demo.input_ended")) from None


def _kept_file(folder: Path) -> Path:
    """Where --keep leaves the demo's database: checked before the demo starts, so that it
    cannot fail at the end. The folder is made private if it is new; a file already there is
    never replaced."""
    from smcoach.store.connection import make_folder

    if os.path.lexists(folder) and not os.path.isdir(folder):
        raise SmcoachError(t("demo.keep_not_folder", folder=folder))
    target = folder / KEPT_NAME
    if os.path.lexists(target):
        raise SmcoachError(t("demo.keep_exists", folder=folder, name=KEPT_NAME))
    make_folder(folder)
    return target


def _explore_command(target: Path) -> str:
    import shlex

    return f"smcoach --db {shlex.quote(str(target))} today"


@contextmanager
def _ended_by_signals() -> Iterator[None]:
    """A terminal closed (SIGHUP) or the demo killed (SIGTERM) ends it quietly (there may be
    no terminal to write to), but as Ctrl-C does, its database removed all the same."""
    import signal

    def interrupt(signum: int, frame: object) -> None:
        raise typer.Exit(128 + signum)

    kept = {sig: signal.signal(sig, interrupt) for sig in (signal.SIGHUP, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in kept.items():
            signal.signal(sig, handler)


@contextmanager
def _demo_env() -> Iterator[Env]:
    """An Env on a new database in a new private temporary folder (0700; the file is made
    0600), removed with everything in it at the end, however the demo ends."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="smcoach-demo-")
    env = Env(os.path.join(folder, "demo.db"))
    try:
        yield env
    finally:
        env.close()
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _as_demo(path: str) -> Iterator[None]:
    """Errors about the demo's file name it "the demo's database", never its temporary path
    (and never the person's: the error lines of the root, which would name the file in --db,
    are not reached)."""
    import sqlite3

    from smcoach.store import explain

    label = t("demo.its_database")
    folder = os.path.dirname(path)
    try:
        yield
    except sqlite3.Error as e:
        raise SmcoachError(str(explain(e, label)).replace(folder, label)) from None
    except SmcoachError as e:
        if folder not in str(e):
            raise
        raise type(e)(str(e).replace(path, label).replace(folder, label)) from None
    except OSError as e:  # as the root shows one (cli/common.py failure), the path hidden
        where = str(e.filename or "")
        where = label if not where or where.startswith(folder) else where  # --keep's is shown
        raise SmcoachError(f"{(e.strerror or str(e)).replace(folder, label)}: {where}") from None


# --- the screens ---------------------------------------------------------------------------------


def _say(text: str) -> None:
    """A paragraph of the demo's own, with a blank line after it."""
    from smcoach.render import notice

    notice(text)
    sys.stderr.write("\n")


def _introduce(screen: "Projector", week: int, auto: bool, pause: float) -> None:
    from smcoach.domain.demo import WEEKS, so_far_note

    screen.step(t("demo.title", week=week, weeks=WEEKS))
    _say(t("demo.meet", weeks=WEEKS))
    _say(t(so_far_note(week), week=week))
    _say(t("demo.how_auto" if auto else "demo.how_live"))
    _wait(auto, pause)


def _wait(auto: bool, pause: float) -> None:
    """Between screens: Enter at a terminal; in --auto, the delay."""
    if auto:
        sys.stdout.flush()
        sys.stderr.flush()
        time.sleep(pause)
        return
    from smcoach.cli.prompts import ask_optional

    ask_optional(t("demo.pause", banner=t("demo.banner")), what=t("demo.pause_what"))


def _show_steps(
    env: Env,
    asker: "Asker",
    screen: "Projector",
    only: str | None,
    day: date,
    auto: bool,
    pause: float,
) -> None:
    """Each step: its screen and header, what it is for, then the real step on the demo's
    database, as one session (the steps read each other's answers, as in a real one)."""
    from smcoach.cli.session import REPLAYED, STEP_RUNNERS, RecordingAsker
    from smcoach.domain import demo as script

    store = env.store
    current = store.start_session(only or script.STEPS[0], only is not None, day, now())
    recorder = RecordingAsker(asker, store, current.id)
    for name in script.steps_to_run(only):
        n = script.step_number(name)
        key = "demo.step.trends" if name == "trends" else f"session.step.{name}"
        screen.step(t(key, n=n, total=len(script.STEPS)))
        _say(t(f"demo.about.{name}"))
        if note := _note(name, store, recorder, current, day):
            _say(t(note))
        if name == "trends":
            from smcoach.cli.work.trends import trends

            trends(env, None, None, False, False, None, None, False)
        else:
            STEP_RUNNERS[name](store, recorder if name in REPLAYED else asker, current, day)
        _wait(auto, pause)
    store.end_session(current.id, "done", now())


def _note(
    name: str, store: "Store", recorder: "RecordingAsker", current: "Session", day: date
) -> str | None:
    """A line on what the step will do this time, from the course as it stands."""
    from smcoach.domain import demo as script

    if name == "feedback":
        return script.feedback_note(store.feedback_plan_id(day) is not None)
    if name == "solve":
        wanted = recorder.answers().get("feedback.solve") == "yes"
        return script.solve_note(len(store.problems_to_revisit(day)), wanted, current.only_step)
    return None
