"""Time whole smcoach processes against databases of years of daily use.

    python bench/bench.py                    # 10 years: builds bench/bench-10y.db if missing
    python bench/bench.py --years 1,10,100   # tables for each, then `check` on each side by side
    python bench/bench.py --rebuild          # build the databases afresh
    python bench/bench.py --runs 31          # more runs per command (default 21)
    python bench/bench.py --db /tmp/x.db     # another file (for one size of --years)

The database for N years holds daily check-ins over 5 plans a week, each plan on 4 random
weekdays (about 260 plans and 1,800 check-ins a year), two symptoms rated every day, the
self-efficacy scale every 91 days, 20 agenda items (the first is the focus) and 10 goals;
every plan before the last week's has ended. The data end on Monday 2026-11-23, and every
command runs "today" on that day. A fixed seed gives the same data every time. A Store opens
the new file (private, 0600, migrated to the current schema); the records then go in with
executemany in one transaction, and PRAGMA integrity_check runs once at the end: the build
is linear in the years. (smcoach itself never runs ANALYZE or VACUUM, so neither does this.)

Every command runs as a fresh process from this venv with SMCOACH_DB and SMCOACH_TODAY set.
Each figure is the median over --runs runs, as a ratio to the floor, `python -c "import
sqlite3"` timed the same way in the same rounds (a round runs every command once, so a busy
machine weighs on all alike):

  piped          output to /dev/null, NO_COLOR=1
  at a terminal  output to a pseudo-terminal of 80x24, TERM=xterm-256color (Rich's output;
                 the everyday reads, --help and trends --weeks 12)
  peak memory    the maximum resident size of one run of each command, by itself, with
                 plan list --all --json and export --format json besides, then import of
                 that export into a new file and import --merge of it again into that file
                 (every record already there)

A run that fails is left out of the median and reported under it. `check` writes, but each
run replaces the same check-in or rating, so the data keep their shape.

With several --years, `check PLAN --done` is then timed on every size side by side, in the
same rounds: what the check smcoach makes before each write costs as the file grows. Last,
the screen and plan coach are timed on long, repetitive text, in this process.

Targets, as ratios to the floor: everyday commands (smcoach, plan list, agenda list,
check --done, check --rate) at most 2.5x piped and 3.5x at a terminal; --help and
plan --help at most 5x; trends --weeks 520 at most 3x; trends --weeks 12 at most 2.5x.
Peak memory at most 60 MiB (the target is for 100 years; smaller files must meet it too).
"""

import argparse
import fcntl
import os
import random
import select
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 23)  # a Monday: the data end here, and every command runs "today"
SERIES = 5  # plans a week
WHAT = [
    "walk round the park",
    "stretch in the kitchen",
    "call a friend",
    "cook a fresh meal",
    "breathing exercises",
]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
MEMORY_TARGET = 60  # MiB
NOTE = "slow but did it, with my neighbour"
Run = Callable[[list[str], dict[str, str]], float]  # one timed run of a command: milliseconds
Case = tuple[str, list[str], Run, dict[str, str]]  # name, command, how it runs, environment
Row = tuple[object, ...]


# --- the database ---------------------------------------------------------------------------


def build(path: Path, years: int) -> None:
    """A fresh database at `path` holding `years` years of use (see the module's docstring)."""
    from smcoach.domain.dates import iso_week
    from smcoach.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(2026)
    first = TODAY - timedelta(weeks=52 * years)
    created = first.isoformat()
    ratings: list[Row] = []
    selfchecks: list[Row] = []
    items: list[Row] = []
    day = first
    while day <= TODAY:  # both symptoms rated every day
        for symptom_id in (1, 2):
            rating = rng.randint(0, 10)
            ratings.append((symptom_id, str(day), iso_week(day), rating, f"{day}T21:00:00+00:00"))
        if (day - first).days % 91 == 0:  # the self-efficacy scale every three months
            answers = [rng.randint(1, 10) for _ in range(6)]
            selfcheck_id = len(selfchecks) + 1
            score = sum(answers) / 6
            selfchecks.append(
                (selfcheck_id, str(day), iso_week(day), score, f"{day}T10:00:00+00:00")
            )
            items += [(selfcheck_id, item, a) for item, a in enumerate(answers, 1)]
        day += timedelta(days=1)
    plans: list[Row] = []
    checkins: list[Row] = []
    start = first
    while start <= TODAY:
        ended = start + timedelta(days=6) < TODAY  # every week but the last is over
        for s in range(SERIES):
            days = ",".join(sorted(rng.sample(WEEKDAYS, 4), key=WEEKDAYS.index))
            confidence = rng.randint(6, 10)
            plan_id = len(plans) + 1
            plans.append(
                (
                    plan_id,
                    WHAT[s],
                    days,
                    confidence,
                    s + 1,
                    str(start),
                    iso_week(start),
                    "ended" if ended else "active",
                    f"{start}T09:00:00+00:00",
                    str(start + timedelta(days=7)) if ended else None,
                )
            )
            for d in range(7):
                day = start + timedelta(days=d)
                if day > TODAY:
                    break
                status = rng.choice(["done", "done", "done", "partly", "not", "rest"])
                checkins.append((plan_id, str(day), iso_week(day), status, f"{day}T20:00:00+00:00"))
        start += timedelta(weeks=1)

    store = Store(path)  # makes the file, private, and runs the migrations
    c = store.conn
    c.execute("PRAGMA synchronous = OFF")  # building only: every command runs FULL
    c.execute("BEGIN IMMEDIATE")
    c.executemany(
        "INSERT INTO agenda (id, text, focus, created) VALUES (?, ?, ?, ?)",
        [(i + 1, f"challenge {i}", int(i == 0), created) for i in range(20)],
    )
    c.executemany(
        "INSERT INTO goals (id, text, agenda_id, created) VALUES (?, ?, ?, ?)",
        [(i + 1, f"goal {i}", i + 1, created) for i in range(10)],
    )
    c.executemany(
        "INSERT INTO symptoms (id, name, created) VALUES (?, ?, ?)",
        [(1, "fatigue", created), (2, "pain", created)],
    )
    c.executemany(
        "INSERT INTO symptom_ratings (symptom_id, day, week, rating, recorded_at) "
        "VALUES (?, ?, ?, ?, ?)",
        ratings,
    )
    c.executemany(
        "INSERT INTO selfchecks (id, day, week, form, score, answered, created_at) "
        "VALUES (?, ?, ?, 'SEMCD-6', ?, 6, ?)",
        selfchecks,
    )
    c.executemany(
        "INSERT INTO selfcheck_items (selfcheck_id, item, answer) VALUES (?, ?, ?)", items
    )
    c.executemany(
        """INSERT INTO plans (id, what, how_much, when_text, days, confidence, first_confidence,
           goal_id, start, week, status, created_at, ended)
           VALUES (?1, ?2, '15 minutes', 'after lunch', ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""",
        plans,
    )
    c.executemany(
        "INSERT INTO checkins (plan_id, day, week, status, recorded_at) VALUES (?, ?, ?, ?, ?)",
        checkins,
    )
    c.execute("COMMIT")
    store.check(full=True)  # PRAGMA integrity_check; raises if anything is wrong
    store.close()
    os.chmod(path, 0o600)  # already so (the store makes it private): made sure of


def describe(path: Path) -> tuple[int, str]:
    """The latest plan's ID, and a line of what the database holds."""
    conn = sqlite3.connect(path)
    try:
        count = {
            table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("plans", "checkins", "symptom_ratings", "selfchecks")
        }
        latest = conn.execute("SELECT MAX(id) FROM plans").fetchone()[0]
        first = conn.execute("SELECT MIN(day) FROM checkins").fetchone()[0]
    finally:
        conn.close()
    mode = oct(os.stat(path).st_mode & 0o777)[2:]
    line = (
        f"from {first}: {count['plans']:,} plans, {count['checkins']:,} check-ins, "
        f"{count['symptom_ratings']:,} ratings, {count['selfchecks']:,} self-checks; "
        f"{path.stat().st_size / 2**20:.1f} MiB, mode {mode}"
    )
    return latest, line


# --- running commands -----------------------------------------------------------------------


class Failed(Exception):
    pass


def piped(cmd: list[str], env: dict[str, str]) -> float:
    """Milliseconds for one run, its output to /dev/null."""
    t0 = time.perf_counter()
    done = subprocess.run(
        cmd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    ms = (time.perf_counter() - t0) * 1000
    if done.returncode:
        raise Failed(f"exit {done.returncode}")
    return ms


def at_terminal(cmd: list[str], env: dict[str, str]) -> float:
    """Milliseconds for one run at a pseudo-terminal of 80x24, its output read and dropped."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    t0 = time.perf_counter()
    try:
        proc = subprocess.Popen(cmd, env=env, stdin=slave, stdout=slave, stderr=slave)
    finally:
        os.close(slave)  # the child holds the only copy: reads end when it exits
    tail = b""  # the end of its output, to say why it failed
    try:
        while True:
            if not select.select([master], [], [], 60)[0]:
                proc.kill()
                proc.wait()
                raise Failed("no output for 60 s (waiting for input?)")
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            tail = (tail + chunk)[-2000:]
        code = proc.wait()
    finally:
        os.close(master)
    ms = (time.perf_counter() - t0) * 1000
    if code:
        lines = tail.decode(errors="replace").strip().splitlines() or ["no message"]
        raise Failed(f"exit {code}: {lines[-1]}")
    return ms


def why(cmd: list[str], env: dict[str, str], failure: Failed) -> str:
    """The failure; for one without its message, the last line the command prints to stderr
    when run again."""
    if ":" in str(failure):
        return str(failure)
    done = subprocess.run(cmd, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True)
    lines = done.stderr.strip().splitlines()
    again = lines[-1] if done.returncode and lines else f"exit {done.returncode} when run again"
    return f"{failure}: {again}"


def medians(cases: list[Case], runs: int) -> dict[str, tuple[float | None, list[str]]]:
    """Each case's median milliseconds over `runs` rounds of every case, and its failures
    (a run that fails is reported, not timed: others may be editing the code meanwhile)."""
    times: dict[str, list[float]] = {name: [] for name, *_ in cases}
    failures: dict[str, list[str]] = {name: [] for name, *_ in cases}
    for _ in range(runs):
        for name, cmd, run, env in cases:
            try:
                times[name].append(run(cmd, env))
            except Failed as e:
                failures[name].append(why(cmd, env, e))
    return {
        name: (statistics.median(times[name]) if times[name] else None, failures[name])
        for name, *_ in cases
    }


def peak_mib(cmd: list[str], env: dict[str, str]) -> float:
    """The peak resident size of one run of `cmd`, measured from a fresh wrapper process, so
    the figure is that command's alone."""
    wrapper = (
        "import resource, subprocess, sys\n"
        "d = subprocess.DEVNULL\n"
        "subprocess.run(sys.argv[1:], stdin=d, stdout=d, stderr=d, check=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], env=env, capture_output=True, text=True
    )
    if done.returncode:
        raise Failed(f"exit {done.returncode}")
    return int(done.stdout) / (2**20 if sys.platform == "darwin" else 2**10)  # bytes / KiB


# --- the report -----------------------------------------------------------------------------


def verdict(ratio: float, target: float | None) -> str:
    if target is None:
        return ""
    return f"<= {target}x  {'met' if ratio <= target else 'NOT MET'}"


def table(
    title: str,
    results: dict[str, tuple[float | None, list[str]]],
    targets: dict[str, float | None],
) -> None:
    print(f"\n{title}")
    print(f"  {'command':<40}{'ms':>8}{'x floor':>9}  target")
    floor = results["floor"][0] or float("nan")
    for name, (ms, failures) in results.items():
        label = 'python -c "import sqlite3"' if name == "floor" else name
        if ms is None:
            print(f"  {label:<40}  every run FAILED: {failures[0]}")
            continue
        ratio = ms / floor
        print(f"  {label:<40}{ms:>8.1f}{ratio:>9.2f}  {verdict(ratio, targets.get(name))}")
        if failures:
            print(f"    {len(failures)} run(s) FAILED, first: {failures[0]}")


def environments(db: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The environments of piped runs and of runs at a terminal, on the database `db`."""
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    # As on a person's machine, Python may cache compiled modules (pip does so for installs).
    base.pop("PYTHONDONTWRITEBYTECODE", None)
    base.update(SMCOACH_DB=str(db), SMCOACH_TODAY=TODAY.isoformat())
    plain = {**base, "NO_COLOR": "1"}
    terminal = {k: v for k, v in base.items() if k != "NO_COLOR"}
    terminal["TERM"] = "xterm-256color"  # the window's size is the pty's: COLUMNS is unset
    return plain, terminal


def years_name(years: int) -> str:
    return f"{years} year{'s' if years > 1 else ''}"


def bench_one(years: int, db: Path, rebuild: bool, runs: int) -> Case:
    """Build (if need be) and time one database; returns its `check PLAN --done` case."""
    print(f"\n=== {years_name(years)}: {db}")
    if rebuild or not db.exists():
        t0 = time.perf_counter()
        build(db, years)
        print(f"built in {time.perf_counter() - t0:.1f} s")
    else:
        print("(already built: --rebuild to build afresh)")
    plan_id, line = describe(db)
    print(line)

    plain, terminal = environments(db)
    smcoach = str(Path(sys.executable).parent / "smcoach")
    plan = str(plan_id)
    floor = [sys.executable, "-c", "import sqlite3"]
    note = ["check", plan, "--done", "--note", NOTE]
    everyday, terminal_everyday, helps = 2.5, 3.5, 5.0
    commands = {  # name: (arguments, piped target, terminal target, or None: not at a terminal)
        "smcoach": ([], everyday, terminal_everyday),
        "smcoach plan list": (["plan", "list"], everyday, terminal_everyday),
        "smcoach agenda list": (["agenda", "list"], everyday, terminal_everyday),
        "smcoach check PLAN --done": (["check", plan, "--done"], everyday, None),
        "smcoach check --rate fatigue=5": (["check", "--rate", "fatigue=5"], everyday, None),
        "smcoach --help": (["--help"], helps, helps),
        "smcoach plan --help": (["plan", "--help"], helps, None),
        "smcoach trends --weeks 12": (["trends", "--weeks", "12"], 2.5, 2.5),
        "smcoach trends --weeks 520": (["trends", "--weeks", "520"], 3.0, None),
        # Free text pays once a command for compiling the safety lists: no target of its own.
        "smcoach check PLAN --done --note ...": (note, None, None),
    }
    cases: list[Case] = [
        ("floor", floor, piped, plain),
        *((name, [smcoach, *args], piped, plain) for name, (args, _, _) in commands.items()),
        ("terminal floor", floor, at_terminal, terminal),
        *(
            (f"terminal {name}", [smcoach, *args], at_terminal, terminal)
            for name, (args, _, target) in commands.items()
            if target is not None
        ),
    ]
    results = medians(cases, runs)
    table(
        f"piped (NO_COLOR=1, output to /dev/null), median of {runs}",
        {k: v for k, v in results.items() if not k.startswith("terminal ")},
        {name: target for name, (_, target, _) in commands.items()},
    )
    table(
        f"at a terminal (pty 80x24, TERM=xterm-256color), median of {runs}",
        {k.removeprefix("terminal "): v for k, v in results.items() if k.startswith("terminal ")},
        {name: target for name, (_, _, target) in commands.items()},
    )

    print(f"\npeak memory (max RSS of one run, piped), target <= {MEMORY_TARGET} MiB")
    with tempfile.TemporaryDirectory() as tmp:
        export = str(Path(tmp) / "export.json")
        imported = {**plain, "SMCOACH_DB": str(Path(tmp) / "imported.db")}
        memory = [("floor", floor)] + [(n, [smcoach, *a]) for n, (a, _, _) in commands.items()]
        memory += [
            ("smcoach plan list --all --json", [smcoach, "plan", "list", "--all", "--json"]),
            (
                "smcoach export --format json -o FILE --force",
                [smcoach, "export", "--format", "json", "-o", export, "--force"],
            ),
            # The export read back: into a new file, then merged into it again.
            ("smcoach import FILE (into a new file)", [smcoach, "import", export]),
            ("smcoach import --merge FILE (again)", [smcoach, "import", "--merge", export]),
        ]
        # The imports write into a new file of their own, not the bench's.
        envs = {name: imported for name, _ in memory[-2:]}
        for name, cmd in memory:
            env = envs.get(name, plain)
            label = 'python -c "import sqlite3"' if name == "floor" else name
            try:
                mib = peak_mib(cmd, env)
            except Failed as e:
                print(f"  {label:<44}FAILED {why(cmd, env, e)}")
                continue
            ok = "" if name == "floor" else "met" if mib <= MEMORY_TARGET else "NOT MET"
            print(f"  {label:<44}{mib:>6.1f} MiB  {ok}")
    return (years_name(years), [smcoach, *commands["smcoach check PLAN --done"][0]], piped, plain)


def screening_at_length() -> None:
    """The screen and the plan coach on long, repetitive text (what a paste or an attack
    might give): time must grow in step with the length, never faster."""
    from smcoach import content
    from smcoach.domain.models import PlanDraft

    print("\nscreen and plan coach on long text (in this process)")
    screen, coach = content.screen(), content.plan_coach()
    for name, unit in (("negated", "no chest pain "), ("outcome", "walk to lose weight, ")):
        for size in (10_000, 40_000):
            text = (unit * (size // len(unit) + 1))[:size]
            t0 = time.perf_counter()
            screen.categories(text)
            coach.review(PlanDraft(text, "10 minutes", "after lunch", None, 3, 8, TODAY))
            ms = (time.perf_counter() - t0) * 1000
            print(f"  {f'{name} text, {size // 1000} kB':<40}{ms:>8.1f}")


def years_list(text: str) -> list[int]:
    years = [int(part) for part in text.split(",")]
    if not all(1 <= y <= 120 for y in years):  # smcoach's calendar starts in 1900
        raise argparse.ArgumentTypeError("years from 1 to 120")
    return years


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--years", type=years_list, default=[10], help="years of data, or several: 1,10,100"
    )
    parser.add_argument("--db", type=Path, help="the database (default bench/bench-<N>y.db)")
    parser.add_argument("--rebuild", action="store_true", help="build the databases afresh")
    parser.add_argument("--runs", type=int, default=21, help="runs per command (default 21)")
    args = parser.parse_args()
    if args.db and len(args.years) > 1:
        parser.error("--db takes one size of --years")
    checks = [
        bench_one(years, args.db or HERE / f"bench-{years}y.db", args.rebuild, args.runs)
        for years in args.years
    ]
    if len(checks) > 1:  # timed again side by side, in the same rounds, so that they compare
        floor = ("floor", [sys.executable, "-c", "import sqlite3"], piped, checks[0][3])
        table(
            f"=== the check before a write, by size: smcoach check PLAN --done, piped, "
            f"median of {args.runs}",
            medians([floor, *checks], args.runs),
            {},
        )
    screening_at_length()


if __name__ == "__main__":
    main()
