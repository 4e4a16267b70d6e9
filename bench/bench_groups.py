"""Time the course register's commands as whole processes: a service's pooled file of 1,000
participants against a file of one course of 16.

    python bench/bench_groups.py             # builds the two files if missing
    python bench/bench_groups.py --rebuild   # builds them afresh
    python bench/bench_groups.py --runs 31   # more runs per command (default 21)

The pooled file holds 1,000 participants over 6 weeks: 62 courses of 16 and one of 8, one
starting each week from Monday 5 January 2026. The one-course file holds the timed course
alone. In both, the timed course ("Course 32") is the same: 16 participants; in each week
each is present with a chance of 85%, and makes a plan when present (named weekdays or a
number of times, confidence 5-10); feedback on a plan is given when they come to the next
session; the self-efficacy scale is taken at weeks 1 and 6 by those present, now and then
with a question skipped. A fixed seed gives the same data every time. A Store makes each file
(private, migrated); the records go in with executemany in one transaction.

Timed, on the course's last session day (its week 6), each as a fresh process from this venv
with SMCOACH_DB and SMCOACH_TODAY set, output to /dev/null, NO_COLOR=1:

  group board     the projector table, at COLUMNS=80 (the latest weeks that fit)
  group report    the course's figures
  group session   one participant's whole turn in the round from an answers file (present,
                  feedback on last week's plan, problem-solving, a new plan and its
                  confidence, read by the plan coach and the safety screen); their week-6
                  records are taken back out before each run (not timed), so every run
                  writes the same

Each figure is the median over --runs rounds (a round runs every command once on both
files, so a busy machine weighs on all alike). Targets: at most 300 ms each on the pooled
file, and at most 3x the same command on the one-course file.
"""

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from bench import Failed, medians, piped  # the timing helpers of bench/bench.py

HERE = Path(__file__).resolve().parent
POOLED, ONE = HERE / "bench-groups-pooled.db", HERE / "bench-groups-one.db"
FIRST_START = date(2026, 1, 5)  # a Monday: the first pooled course's first session
TIMED = 32  # the timed course: Course 32, the 32nd to start
WEEKS = 6
PARTICIPANTS = 1000
SIZE = 16
NAMES = ["Ann", "Bo", "Cy", "Dee", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo", "Kay", "Lou",
         "Max", "Nan", "Oli", "Pam"]  # fmt: skip
WHAT = ["walk round the park", "stretch in the kitchen", "call a friend", "cook a fresh meal",
        "breathing exercises", "read with my grandson"]  # fmt: skip
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
TARGET_MS, TARGET_RATIO = 300.0, 3.0
TURN = """[Ann]
present = true
feedback = "partly"
problem_solving = false
what = "walk to the corner shop"
how_much = "10 minutes"
when = "after breakfast"
how_often = "mon,wed,fri"
confidence = 8
"""
Row = tuple[object, ...]


def course_name(n: int) -> str:
    return f"Course {n:02d}"


def timed_day() -> date:
    """The timed course's last session: 'today' for every command."""
    return FIRST_START + timedelta(weeks=TIMED - 1 + WEEKS - 1)


# --- the files ----------------------------------------------------------------------------------


def build(path: Path, courses: list[tuple[int, int]]) -> None:
    """A fresh file at `path` holding `courses`: (number, participants) each."""
    from smcoach.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rows: dict[str, list[Row]] = {k: [] for k in ("courses", "participants", "attendance",
                                                  "plans", "selfchecks")}  # fmt: skip
    pid = 0
    for number, size in courses:
        rng = random.Random(number)  # the same course whatever file it is in
        start = FIRST_START + timedelta(weeks=number - 1)
        stamp = f"{start}T18:00:00+00:00"
        rows["courses"].append((number, course_name(number), str(start), WEEKS, stamp))
        for name in NAMES[:size]:
            pid += 1
            rows["participants"].append((pid, number, name, str(start)))
            _participant(rng, rows, pid, start, timed=number == TIMED and name == "Ann")
    store = Store(path)  # makes the file, private, and runs the migrations
    c = store.conn
    c.execute("PRAGMA synchronous = OFF")  # building only: every command runs FULL
    c.execute("BEGIN IMMEDIATE")
    c.executemany("INSERT INTO courses (id, name, start, weeks, created_at) VALUES (?, ?, ?, ?, ?)",
                  rows["courses"])  # fmt: skip
    c.executemany("INSERT INTO participants (id, course_id, name, added) VALUES (?, ?, ?, ?)",
                  rows["participants"])  # fmt: skip
    c.executemany("INSERT INTO attendance (participant_id, week, present, recorded_at) "
                  "VALUES (?, ?, ?, ?)", rows["attendance"])  # fmt: skip
    c.executemany(
        """INSERT INTO course_plans (participant_id, week, what, how_much, when_text, days, times,
           confidence, first_confidence, feedback, wants_problem_solving, recorded_at,
           feedback_at) VALUES (?1, ?2, ?3, '15 minutes', 'after lunch', ?4, ?5, ?6, ?6, ?7, ?8,
           ?9, ?10)""",
        rows["plans"],
    )
    c.executemany("INSERT INTO course_selfchecks (participant_id, week, form, score, answered, "
                  "answers, recorded_at) VALUES (?, ?, 'SEMCD-6', ?, ?, ?, ?)",
                  rows["selfchecks"])  # fmt: skip
    c.execute("COMMIT")
    store.check(full=True)  # PRAGMA integrity_check; raises if anything is wrong
    store.close()


def _participant(rng: random.Random, rows: dict[str, list[Row]], pid: int, start: date,
                 timed: bool) -> None:  # fmt: skip
    """A participant's six weeks. The timed participant is at week 5 with a plan and has
    nothing yet at week 6: the round's turn that is timed."""
    import json

    present = [rng.random() < 0.85 for _ in range(WEEKS)]
    if timed:
        present[4] = True
    for week in range(1, WEEKS + 1):
        if timed and week == WEEKS:
            break
        day = start + timedelta(weeks=week - 1)
        stamp = f"{day}T18:30:00+00:00"
        here = present[week - 1]
        rows["attendance"].append((pid, week, int(here), stamp))
        if not here:
            continue
        if rng.random() < 0.7:
            days, times = ",".join(sorted(rng.sample(WEEKDAYS, 3), key=WEEKDAYS.index)), None
        else:
            days, times = None, rng.randint(1, 5)
        next_here = week < WEEKS and present[week] and not (timed and week == WEEKS - 1)
        feedback = rng.choice(["done", "done", "partly", "not"]) if next_here else None
        wants = int(rng.random() < 0.2) if feedback else None
        said = f"{day + timedelta(weeks=1)}T18:40:00+00:00" if feedback else None
        rows["plans"].append((pid, week, rng.choice(WHAT), days, times, rng.randint(5, 10),
                              feedback, wants, stamp, said))  # fmt: skip
        if week in (1, WEEKS):
            answers = [None if rng.random() < 0.05 else rng.randint(3, 10) for _ in range(6)]
            given = [a for a in answers if a is not None]
            score = sum(given) / len(given) if len(given) >= 4 else None
            rows["selfchecks"].append((pid, week, score, len(given), json.dumps(answers), stamp))


def pooled_courses() -> list[tuple[int, int]]:
    full, rest = divmod(PARTICIPANTS, SIZE)
    courses = [(n, SIZE) for n in range(1, full + 1)]
    return courses + ([(full + 1, rest)] if rest else [])


def describe(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        count = {
            table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in (
                "courses",
                "participants",
                "attendance",
                "course_plans",
                "course_selfchecks",
            )  # fmt: skip
        }
    finally:
        conn.close()
    return (
        f"{count['courses']} courses, {count['participants']:,} participants, "
        f"{count['attendance']:,} attendance records, {count['course_plans']:,} plans, "
        f"{count['course_selfchecks']:,} self-checks; {path.stat().st_size / 2**20:.1f} MiB"
    )


# --- running ------------------------------------------------------------------------------------


def reset_turn(db: Path) -> None:
    """Take the timed participant's week-6 turn back out, so that the next run writes it."""
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        (pid,) = conn.execute(
            "SELECT p.id FROM participants p JOIN courses c ON c.id = p.course_id "
            "WHERE c.name = ? AND p.name = 'Ann'",
            [course_name(TIMED)],
        ).fetchone()
        conn.execute("BEGIN IMMEDIATE")
        for table in ("attendance", "course_plans", "round_answers"):
            conn.execute(f"DELETE FROM {table} WHERE participant_id = ? AND week = ?", [pid, WEEKS])
        conn.execute(
            "UPDATE course_plans SET feedback = NULL, wants_problem_solving = NULL, "
            "feedback_at = NULL WHERE participant_id = ? AND week = ?",
            [pid, WEEKS - 1],
        )
        conn.execute("COMMIT")
    finally:
        conn.close()


def after_reset(db: Path) -> Callable[[list[str], dict[str, str]], float]:
    def run(cmd: list[str], env: dict[str, str]) -> float:
        reset_turn(db)
        return piped(cmd, env)

    return run


def environment(db: Path, columns: str | None = None) -> dict[str, str]:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(SMCOACH_DB=str(db), SMCOACH_TODAY=timed_day().isoformat(), NO_COLOR="1")
    if columns:
        env["COLUMNS"] = columns
    return env


def check_once(cmd: list[str], env: dict[str, str]) -> None:
    """Run a command once, saying why if it fails, before timing it."""
    import subprocess

    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(cmd[1:])} failed: {done.stderr.strip()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rebuild", action="store_true", help="build the files afresh")
    parser.add_argument("--runs", type=int, default=21, help="runs per command (default 21)")
    args = parser.parse_args()
    for path, courses in ((POOLED, pooled_courses()), (ONE, [(TIMED, SIZE)])):
        if args.rebuild or not path.exists():
            t0 = time.perf_counter()
            build(path, courses)
            print(f"built {path.name} in {time.perf_counter() - t0:.1f} s")
        print(f"{path.name}: {describe(path)}")

    smcoach = str(Path(sys.executable).parent / "smcoach")
    course = ["--course", course_name(TIMED)]
    with tempfile.TemporaryDirectory() as tmp:
        turn = Path(tmp) / "turn.toml"
        turn.write_text(TURN)
        commands = {
            "group board": ([*course], "80"),
            "group report": ([*course], None),
            "group session 6 (one turn)": (["6", *course, "--answers", str(turn)], None),
        }
        cases = [("floor", [sys.executable, "-c", "import sqlite3"], piped, environment(ONE))]
        for name, (extra, columns) in commands.items():
            for label, db in (("one", ONE), ("pooled", POOLED)):
                cmd = [smcoach, *name.split(" (")[0].split(" ")[:2], *extra]
                session = name.startswith("group session")
                run = after_reset(db) if session else piped
                env = environment(db, columns)
                if session:
                    reset_turn(db)
                check_once(cmd, env)
                cases.append((f"{label} {name}", cmd, run, env))
        results = medians(cases, args.runs)
        for db in (ONE, POOLED):
            reset_turn(db)  # as built: the timed turn still to come
    report(results, list(commands), args.runs)


def report(results: dict[str, tuple[float | None, list[str]]], names: list[str], runs: int) -> None:
    floor = results["floor"][0]
    print(f"\nmedian of {runs} runs, piped (NO_COLOR=1, output to /dev/null), "
          f"today = {timed_day()} (week 6 of {course_name(TIMED)})")  # fmt: skip
    print(f'  python -c "import sqlite3": {floor:.1f} ms' if floor else "  floor FAILED")
    print(f"  {'command':<30}{'one course':>12}{'pooled':>10}{'ratio':>8}  targets")
    for name in names:
        one, one_failed = results[f"one {name}"]
        pooled, pooled_failed = results[f"pooled {name}"]
        if one is None or pooled is None:
            print(f"  {name:<30}  FAILED: {(one_failed or pooled_failed)[0]}")
            continue
        ratio = pooled / one
        within = "met" if pooled <= TARGET_MS else "NOT MET"
        scaled = "met" if ratio <= TARGET_RATIO else "NOT MET"
        print(f"  {name:<30}{one:>9.1f} ms{pooled:>7.1f} ms{ratio:>8.2f}  "
              f"<= {TARGET_MS:.0f} ms {within}; <= {TARGET_RATIO:.0f}x {scaled}")  # fmt: skip
        for failures in (one_failed, pooled_failed):
            if failures:
                print(f"    {len(failures)} run(s) FAILED, first: {failures[0]}")


if __name__ == "__main__":
    try:
        main()
    except Failed as e:
        raise SystemExit(str(e)) from None
