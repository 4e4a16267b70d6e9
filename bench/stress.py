"""Durability proof: crash, fault, contention, full disk and permissions, against the real
`smcoach` executable run as separate processes, each scenario on a fresh temporary database.

    python bench/stress.py            # every scenario, full counts (several minutes)
    python bench/stress.py --quick    # smaller counts
    python bench/stress.py --only kills,sweeps --runs 500 --seed 7

Scenarios:
  kills        kill -9 at random moments while `agenda add` runs; after every kill the file
               must open (`where --check`), pass `PRAGMA integrity_check`, hold every
               acknowledged item and no half-written row.
  sweeps       with strace, kill -9 (then fail with ENOSPC) at the 1st, 2nd, 3rd... call
               of write, of pwrite64, of fsync and of fdatasync in one command, for several
               kinds of command; the database must then be exactly as before the command
               or exactly as after it, and after ENOSPC the command must have said one
               "Error:" line and the next command must work.
  concurrent   4, then 8, processes adding agenda items at once: every write kept, none
               refused as busy.
  fulldisk     a file-size limit (as `prlimit --fsize=N`) on a write, and a database filled
               until it hits the limit: one "Error:" line, earlier data intact, and the next
               command without the limit works.
  permissions  under umask 000 and 022, into a folder that does not exist yet: every file
               smcoach makes is 0600 and every folder 0700.

Needs /usr/bin/strace for the sweeps (they are skipped without it). --jobs runs the sweeps'
points, and lanes of random kills on separate databases, side by side. Prints a short report
per scenario (failures with the command to reproduce them) and exits 1 if anything failed.
The scenario functions are also run, with small counts, by tests/stress/test_durability.py.
"""

import argparse
import json
import os
import random
import re
import resource
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from functools import partial, wraps
from pathlib import Path

SMCOACH = Path(sys.executable).parent / "smcoach"
STRACE = "/usr/bin/strace"
TODAY = "2026-11-23"  # a Monday
DB_NAME = "smcoach.db"
SYSCALLS = ("write", "pwrite64", "fsync", "fdatasync")
TRACEBACK = "Traceback (most recent call last)"


VERBOSE = False  # progress lines on stderr, for the command line


def progress(text: str) -> None:
    if VERBOSE:
        print(f"   ... {text}", file=sys.stderr, flush=True)


# --- running smcoach ------------------------------------------------------------------------


@dataclass(frozen=True)
class Result:
    """One finished process: its command line, exit status (negative: killed by that signal)
    and what it printed."""

    argv: tuple[str, ...]
    code: int
    out: str
    err: str

    @property
    def killed(self) -> bool:
        return self.code == -signal.SIGKILL

    def said(self, text: str) -> bool:
        return text in self.err or text in self.out

    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("Error:")]

    def summary(self) -> str:
        """Exit status and stderr on one line, for a failure message."""
        err = " | ".join(line for line in self.err.splitlines() if line.strip())
        return f"exit {self.code}: {err[:400] or '(nothing on stderr)'}"


def smcoach_env(db: Path) -> dict[str, str]:
    """The caller's environment without any SMCOACH_*, with this database, the pinned day
    and plain output."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SMCOACH_")}
    env.update(SMCOACH_DB=str(db), SMCOACH_TODAY=TODAY, NO_COLOR="1")
    return env


def limits(fsize: int | None = None, umask: int | None = None) -> Callable[[], None] | None:
    """What to set in the child before it runs: a file-size limit (`prlimit --fsize`) and
    a umask."""
    if fsize is None and umask is None:
        return None

    def preexec() -> None:
        if fsize is not None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if umask is not None:
            os.umask(umask)

    return preexec


def run(
    db: Path,
    *args: str,
    prefix: Sequence[str] = (),
    fsize: int | None = None,
    umask: int | None = None,
    timeout: float = 120,
) -> Result:
    """Run `smcoach ARGS` (after `prefix`, such as strace) on `db` and wait for it."""
    argv = (*prefix, str(SMCOACH), *args)
    proc = subprocess.run(
        argv,
        env=smcoach_env(db),
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=limits(fsize, umask),
        check=False,
    )
    return Result(argv, proc.returncode, proc.stdout, proc.stderr)


def shell_line(result: Result, db: Path, fsize: int | None = None) -> str:
    """The command as a person could paste it to reproduce the run."""
    words = [a if re.fullmatch(r"[\w@%+=:,./-]+", a) else f"'{a}'" for a in result.argv]
    words[words.index(str(SMCOACH))] = "smcoach"
    limit = f"prlimit --fsize={fsize} " if fsize is not None else ""
    return f"SMCOACH_DB={db} {limit}{' '.join(words)}"


# --- reading the database back ----------------------------------------------------------------

Snapshot = dict[str, list[tuple[object, ...]]]


INTEGRITY = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(" ".join(row[0] for row in conn.execute("PRAGMA integrity_check")))
"""


def integrity(db: Path, fsize: int | None = None) -> str:
    """SQLite's integrity_check through Python's own sqlite3: 'ok' when all is well. Under a
    file-size limit it runs in a child process: closing the connection checkpoints the -wal
    into the database, which must not grow the file past the limit."""
    if fsize is not None:
        argv = [sys.executable, "-c", INTEGRITY, str(db)]
        done = subprocess.run(
            argv, capture_output=True, text=True, preexec_fn=limits(fsize), check=False
        )
        return done.stdout.strip() or f"cannot check: {done.stderr.strip()[-300:]}"
    try:
        with closing(sqlite3.connect(db)) as conn:
            return " ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    except sqlite3.Error as e:
        return f"cannot check: {e}"


def snapshot(db: Path) -> Snapshot:
    """Every row of every table, sorted, without the *_at columns (the clock time a row was
    written): what a command leaves behind, comparable across runs."""
    out: Snapshot = {}
    with closing(sqlite3.connect(db)) as conn:
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if not r[0].startswith("sqlite_")
        ]
        for table in sorted(tables):
            columns = [
                f'"{r[1]}"'
                for r in conn.execute(f'PRAGMA table_info("{table}")')
                if not r[1].endswith("_at")
            ]
            rows = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}"').fetchall()
            out[table] = sorted(rows, key=repr)
    return out


def differences(a: Snapshot, b: Snapshot) -> str:
    """Which tables differ, with a row or two, for a failure message."""
    parts = []
    for table in sorted(set(a) | set(b)):
        only_a = [r for r in a.get(table, []) if r not in b.get(table, [])]
        only_b = [r for r in b.get(table, []) if r not in a.get(table, [])]
        if only_a or only_b:
            parts.append(f"{table}: -{only_a[:2]} +{only_b[:2]}")
    return "; ".join(parts) or "(none)"


def opens(db: Path, fsize: int | None = None) -> list[str]:
    """smcoach accepts the file and finds no damage, and so does Python's sqlite3."""
    problems = []
    check = run(db, "where", "--check", fsize=fsize)
    if check.code != 0 or TRACEBACK in check.err:
        problems.append(f"`smcoach where --check` refused the file: {check.summary()}")
    verdict = integrity(db, fsize)
    if verdict != "ok":
        problems.append(f"PRAGMA integrity_check: {verdict}")
    return problems


def agenda(db: Path, fsize: int | None = None) -> tuple[list[dict[str, object]], list[str]]:
    """The agenda as `smcoach agenda list --json` gives it, and any problem reading it."""
    listing = run(db, "agenda", "list", "--json", fsize=fsize)
    if listing.code != 0:
        return [], [f"`smcoach agenda list --json` failed: {listing.summary()}"]
    try:
        items = json.loads(listing.out)
    except json.JSONDecodeError as e:
        return [], [f"`smcoach agenda list --json` printed no JSON ({e}): {listing.out[:200]}"]
    return items, []


def agenda_problems(
    items: list[dict[str, object]], acknowledged: Sequence[str], attempted: set[str]
) -> list[str]:
    """Every acknowledged item is there once, and every row is whole: a text that was sent
    in full, open, dated today, not the focus."""
    problems = []
    texts = Counter(str(item.get("text")) for item in items)
    missing = [text for text in acknowledged if texts[text] == 0]
    if missing:
        problems.append(f"acknowledged items missing: {missing[:5]} ({len(missing)} in all)")
    twice = [text for text, n in texts.items() if n > 1]
    if twice:
        problems.append(f"items saved more than once: {twice[:5]}")
    whole = {"status": "open", "focus": False, "created": TODAY, "closed": None}
    for item in items:
        if item.get("text") not in attempted or any(item.get(k) != v for k, v in whole.items()):
            problems.append(f"a row that is not whole, or never sent: {item}")
    return problems


# --- reports ----------------------------------------------------------------------------------


@dataclass
class Report:
    """What one scenario did: how many runs, what failed, and the figures worth printing."""

    name: str
    runs: int = 0
    failures: list[str] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    skipped: str | None = None

    def fail(self, where: str, problems: Sequence[str]) -> None:
        self.failures.extend(f"{where}: {problem}" for problem in problems)

    def count(self, figure: str, by: int = 1) -> None:
        value = self.figures.get(figure, 0)
        assert isinstance(value, int)
        self.figures[figure] = value + by

    def merge(self, other: "Report") -> None:
        """Add another report's runs, failures, notes and figures (counts add up)."""
        self.runs += other.runs
        self.failures += other.failures
        self.notes += other.notes
        for figure, value in other.figures.items():
            mine = self.figures.get(figure)
            if isinstance(value, int) and isinstance(mine, int):
                self.figures[figure] = mine + value
            elif isinstance(value, dict) and isinstance(mine, dict):
                for key, points in value.items():
                    mine.setdefault(key, []).extend(points)
            else:
                self.figures[figure] = value

    def tally(self, figure: str, key: str, point: str) -> None:
        """Under `figure`, one more `point` (where it happened) for `key` (what happened)."""
        table = self.figures.setdefault(figure, {})
        assert isinstance(table, dict)
        table.setdefault(key, []).append(point)

    def text(self) -> str:
        if self.skipped:
            return f"== {self.name}: skipped ({self.skipped})"
        verdict = "ok" if not self.failures else f"{len(self.failures)} FAILURES"
        lines = [f"== {self.name}: {self.runs} runs, {verdict} ({self.seconds:.1f} s)"]
        for figure, value in self.figures.items():
            if not isinstance(value, dict):
                lines.append(f"   {figure}: {value}")
                continue
            lines.append(f"   {figure}:")
            for key, points in value.items():
                more = ", ..." if len(points) > 8 else ""
                lines.append(f"     {len(points)} x {key}  [{', '.join(points[:8])}{more}]")
        lines += [f"   note: {note}" for note in self.notes]
        lines += [f"   FAIL {failure}" for failure in self.failures]
        return "\n".join(lines)


def timed(scenario: Callable[..., Report]) -> Callable[..., Report]:
    """Time the scenario; if it stops on an exception of its own, report that as a failure
    rather than lose what the other scenarios found."""

    @wraps(scenario)
    def wrapper(*args: object, **kwargs: object) -> Report:
        t0 = time.perf_counter()
        try:
            report = scenario(*args, **kwargs)
        except Exception as e:
            report = Report(scenario.__name__)
            report.fail("the scenario stopped", [f"{type(e).__name__}: {e}"])
        report.seconds = time.perf_counter() - t0
        return report

    return wrapper


def fresh_folder(root: Path, name: str) -> Path:
    folder = root / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


# --- a. kill -9 at random moments -------------------------------------------------------------


def _wait_for_change(
    path: Path, before: tuple[int, int] | None, proc: subprocess.Popen[str]
) -> None:
    """Until `path` appears or changes (smcoach has opened the database), or the process ends."""
    while proc.poll() is None:
        try:
            st = path.stat()
        except FileNotFoundError:
            pass
        else:
            if (st.st_ino, st.st_mtime_ns) != before:
                return
        time.sleep(0.0002)


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return st.st_ino, st.st_mtime_ns


@timed
def random_kills(
    root: Path, runs: int = 200, seed: int = 2026, max_delay_ms: float = 40, lanes: int = 1
) -> Report:
    """Start `agenda add "item N"` and kill it with SIGKILL at a random moment; after each
    kill the file must open, be intact and hold every acknowledged item, each row whole.

    Python and typer take longer to start than smcoach takes to write, so a delay counted
    from the start would nearly always kill before the database is touched. Half the runs
    count the delay (0 to max_delay_ms) from the moment the -wal file appears, when smcoach
    has opened the database; the other half draw it from twice a typical run, so that about
    half of those finish and are acknowledged. With `lanes`, that many databases are
    worked on side by side, each with its share of the runs."""
    report = Report("a. kill -9 at random moments (agenda add)")
    typical = _typical_seconds(fresh_folder(root, "kills-timing") / DB_NAME)
    report.figures["a whole `agenda add` takes (median)"] = f"{typical * 1000:.0f} ms"
    shares = [runs // lanes + (lane < runs % lanes) for lane in range(lanes)]
    with ThreadPoolExecutor(lanes) as pool:
        parts = pool.map(
            lambda lane: _kill_lane(
                fresh_folder(root, f"kills-{lane}") / DB_NAME,
                shares[lane],
                random.Random(seed + lane),
                typical,
                max_delay_ms / 1000,
            ),
            range(lanes),
        )
        for part in parts:
            report.merge(part)
    return report


def _kill_lane(db: Path, runs: int, rng: random.Random, typical: float, window: float) -> Report:
    report = Report("one lane of kills")
    wal = Path(f"{db}-wal")
    acknowledged: list[str] = []
    attempted: set[str] = set()
    for i in range(runs):
        text = f"item {i}"
        attempted.add(text)
        from_open = i % 2 == 0
        delay = rng.uniform(0, window if from_open else 2 * typical)
        before = _file_id(wal)
        argv = (str(SMCOACH), "agenda", "add", text)
        proc = subprocess.Popen(
            argv,
            env=smcoach_env(db),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if from_open:
            _wait_for_change(wal, before, proc)
        time.sleep(delay)
        proc.kill()
        out, err = proc.communicate(timeout=60)
        result = Result(argv, proc.returncode, out, err)
        report.runs += 1
        where = f'{db}, run {i} (`agenda add "{text}"`, killed {delay * 1000:.1f} ms after ' + (
            "the -wal file appeared)" if from_open else "the start)"
        )
        if result.code == 0 and result.said("Added agenda item"):
            acknowledged.append(text)
            report.count("acknowledged (finished before the kill)")
        elif result.killed:
            report.count("killed")
            if wal.exists():
                report.count("killed with the -wal file left behind (database open)")
        else:
            report.fail(where, [f"neither finished nor killed: {result.summary()}"])
        problems = opens(db)
        items, listing_problems = agenda(db)
        problems += listing_problems or agenda_problems(items, acknowledged, attempted)
        report.fail(where, problems)
        if i % 20 == 19:
            progress(f"{db.parent.name}: {i + 1} kills, {len(report.failures)} failures")
        if not listing_problems:
            texts = {str(item["text"]) for item in items}
            if text in texts and text not in acknowledged:
                report.count("saved but killed before saying so (allowed)")
    return report


def _typical_seconds(db: Path, runs: int = 5) -> float:
    times = []
    for i in range(runs):
        t0 = time.perf_counter()
        run(db, "agenda", "add", f"timing {i}")
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


# --- b. kill -9 (and ENOSPC) at every write and fsync, with strace ---------------------------


def strace_problem() -> str | None:
    """Why strace's fault injection cannot be used here, or None when it can."""
    if not Path(STRACE).is_file():
        return f"{STRACE} not found"
    probe = [sys.executable, "-c", "import os; os.write(1, b'x')"]
    spec = ["-e", "trace=write", "-e", "inject=write:signal=SIGKILL:when=1"]
    try:
        proc = subprocess.run(
            [STRACE, "-f", "-qq", "-o", "/dev/null", *spec, *probe],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except OSError as e:
        return f"cannot run strace: {e}"
    if proc.returncode != -signal.SIGKILL:
        detail = proc.stderr.strip().splitlines()[-1:] or [f"exit {proc.returncode}"]
        return f"strace cannot inject a kill here (is ptrace permitted?): {detail[0]}"
    return None


def strace_prefix(syscall: str, action: str) -> list[str]:
    """strace, injecting `action` (such as signal=SIGKILL:when=3) into one syscall. strace
    counts each syscall separately, so one syscall a sweep reaches every call of it."""
    return [
        STRACE,
        "-f",
        "-qq",
        "-o",
        "/dev/null",
        "-e",
        f"trace={syscall}",
        "-e",
        f"inject={syscall}:{action}",
    ]


@dataclass(frozen=True)
class Kind:
    """A command to break, the line it prints once saved, and whether it runs on an existing
    database (the baseline) or creates the file."""

    name: str
    args: tuple[str, ...]
    success: str
    new_file: bool = False


KINDS = (
    Kind("first-run", ("agenda", "add", "A first item"), "Added agenda item", new_file=True),
    Kind("agenda-add", ("agenda", "add", "Climbing the stairs at work"), "Added agenda item"),
    Kind(
        "plan-new",
        (
            "plan", "new", "--what", "stretch in the kitchen", "--how-much", "5 minutes",
            "--when", "after breakfast", "--days", "tue,thu,sat", "--confidence", "9",
        ),
        "Saved action plan",
    ),
    Kind("checkin", ("check", "1", "--done", "--note", "slow but did it"), "Checked in for"),
    Kind("ratings", ("check", "--rate", "fatigue=6", "--rate", "pain=3"), "Rated pain"),
    Kind(
        "checkin-ratings",
        ("check", "1", "--partly", "--note", "half way", "--rate", "fatigue=4"),
        "Checked in for",
    ),
)  # fmt: skip
KIND_NAMES = tuple(kind.name for kind in KINDS)

BASELINE = (
    ("agenda", "add", "Getting out of breath on the stairs"),
    ("agenda", "add", "Sleeping badly"),
    ("goal", "add", "Walk to my daughter's house and back", "--agenda", "1"),
    ("symptoms", "add", "fatigue"),
    ("symptoms", "add", "pain"),
    (
        "plan", "new", "--what", "walk to the post box and back", "--how-much", "10 minutes",
        "--when", "after lunch", "--days", "mon,wed,fri", "--confidence", "8",
    ),
)  # fmt: skip


def build_baseline(folder: Path) -> Path:
    """A database with agenda items, a goal, two symptoms and a plan, every write
    acknowledged."""
    db = folder / DB_NAME
    for args in BASELINE:
        result = run(db, *args)
        if result.code != 0:
            raise RuntimeError(
                f"building the baseline, smcoach {' '.join(args)}: {result.summary()}"
            )
    return db


def copy_of(source: Path, folder: Path, new_file: bool) -> Path:
    """A private copy of the baseline (or, for a first run, an empty folder)."""
    folder = fresh_folder(folder.parent, folder.name)
    if not new_file:
        for path in source.parent.iterdir():
            if path.name.startswith(DB_NAME):
                shutil.copy2(path, folder / path.name)
    return folder / DB_NAME


def count_syscalls(kind: Kind, baseline: Path, scratch: Path) -> Counter[str]:
    """How many times the command calls each syscall, traced once on a copy."""
    db = copy_of(baseline, scratch, kind.new_file)
    trace = scratch.parent / f"{scratch.name}.trace"
    prefix = [STRACE, "-f", "-qq", "-o", str(trace), "-e", f"trace={','.join(SYSCALLS)}"]
    result = run(db, *kind.args, prefix=prefix)
    if result.code != 0:
        raise RuntimeError(f"{kind.name} fails even without a fault: {result.summary()}")
    calls: Counter[str] = Counter()
    for line in trace.read_text().splitlines():
        match = re.match(r"(?:\d+\s+)?(\w+)\(", line)
        if match and "resumed>" not in line:
            calls[match.group(1)] += 1
    return calls


@dataclass(frozen=True)
class States:
    """The database as it must be after a broken run: exactly as before the command, or
    exactly as after it."""

    before: Snapshot
    after: Snapshot

    def judge(self, db: Path, acknowledged: bool) -> tuple[str, list[str]]:
        try:
            now = snapshot(db)
        except sqlite3.Error as e:
            return "unreadable", [f"cannot read the rows back: {e}"]
        if now == self.after:
            return "after", []
        if now == self.before and not acknowledged:
            return "before", []
        if now == self.before:
            return "before", ["acknowledged, yet the database is as before the command"]
        return "other", [
            "half-written: the database is neither as before nor as after the command; "
            f"against before: {differences(self.before, now)}; "
            f"against after: {differences(self.after, now)}"
        ]


def expected_states(kind: Kind, baseline: Path, scratch: Path) -> States:
    """Before: the baseline once smcoach has opened it (for a first run: a new, empty
    database). After: the command run once without a fault."""
    db = copy_of(baseline, scratch, kind.new_file)
    problems = opens(db)
    before = snapshot(db)
    result = run(db, *kind.args)
    if problems or result.code != 0 or not result.said(kind.success):
        raise RuntimeError(f"{kind.name} fails even without a fault: {problems} {result.summary()}")
    opens(db)
    return States(before, snapshot(db))


@dataclass(frozen=True)
class Sweep:
    """One command and one syscall to break at each call in turn."""

    kind: Kind
    syscall: str
    calls: int  # as traced without a fault
    baseline: Path
    scratch: Path
    states: States

    def copy(self, action: str, n: int) -> Path:
        folder = self.scratch / f"{self.kind.name}-{self.syscall}-{action}-{n}"
        return copy_of(self.baseline, folder, self.kind.new_file)

    def run(self, db: Path, action: str) -> Result:
        return run(db, *self.kind.args, prefix=strace_prefix(self.syscall, action))


@timed
def fault_sweeps(
    root: Path,
    kinds: Sequence[str] = KIND_NAMES,
    errors: bool = True,
    cap: int = 400,
    jobs: int = 1,
) -> Report:
    """For each kind of command and each of write, pwrite64, fsync and fdatasync: kill the
    command with SIGKILL at the 1st call, then the 2nd, and so on until it finishes; and, if
    `errors`, make each call in turn fail with ENOSPC instead. Each run starts from its own
    copy of the same baseline, so `jobs` of them can run side by side."""
    report = Report("b. kill -9 / ENOSPC at every write and fsync (strace)")
    problem = strace_problem()
    if problem:
        report.skipped = problem
        return report
    baseline = build_baseline(fresh_folder(root, "baseline"))
    scratch = root / "sweep"
    with ThreadPoolExecutor(jobs) as pool:
        for kind in (k for k in KINDS if k.name in kinds):
            try:
                calls = count_syscalls(kind, baseline, scratch / "count")
                states = expected_states(kind, baseline, scratch / "states")
            except RuntimeError as e:
                report.fail(kind.name, [str(e)])
                continue
            counted = ", ".join(f"{s} {calls[s]}" for s in SYSCALLS)
            report.figures[f"{kind.name}: calls"] = counted
            for syscall in SYSCALLS:
                sweep = Sweep(kind, syscall, calls[syscall], baseline, scratch, states)
                before = len(report.failures)
                _kill_sweep(report, pool, sweep, cap)
                if errors:
                    for part in pool.map(partial(_error_point, sweep), range(1, sweep.calls + 2)):
                        report.merge(part)
                progress(f"{kind.name} {syscall}: {len(report.failures) - before} failures")
    return report


def _kill_sweep(report: Report, pool: ThreadPoolExecutor, sweep: Sweep, cap: int) -> None:
    """Kill at call 1, 2, ... up to one past the traced count (that run must finish), and on
    if it does not."""
    points = list(pool.map(partial(_kill_point, sweep), range(1, sweep.calls + 2)))
    n = sweep.calls + 2
    while points[-1].figures.get("kill points") and n <= cap:
        points.append(_kill_point(sweep, n))
        n += 1
    for part in points:
        report.merge(part)
    if points[-1].figures.get("kill points"):
        report.fail(f"{sweep.kind.name}, kill at {sweep.syscall}", [f"still killed at #{cap}"])


def _kill_point(sweep: Sweep, n: int) -> Report:
    part = Report("one kill point", runs=1)
    db = sweep.copy("kill", n)
    result = sweep.run(db, f"signal=SIGKILL:when={n}")
    where = f"{sweep.kind.name}, kill at {sweep.syscall} #{n} ({shell_line(result, db)})"
    acknowledged = result.code == 0 and result.said(sweep.kind.success)
    if result.killed:
        part.count("kill points")
    elif not acknowledged:
        part.fail(where, [f"the injection neither killed it nor let it finish: {result.summary()}"])
    elif n != sweep.calls + 1:
        part.notes.append(
            f"{sweep.kind.name}: finished with {sweep.syscall} #{n} injected, "
            f"{sweep.calls} calls traced"
        )
    problems = opens(db)
    state, state_problems = sweep.states.judge(db, acknowledged)
    part.fail(where, problems + state_problems)
    part.count(f"left as {state}")
    if not part.failures:
        shutil.rmtree(db.parent)
    return part


def _error_point(sweep: Sweep, n: int) -> Report:
    """Fail call n with ENOSPC: one "Error:" line and a non-zero exit (or, if the error does
    not matter, a clean success), the file as before or as after, and the next command works."""
    part = Report("one error point", runs=1)
    db = sweep.copy("enospc", n)
    result = sweep.run(db, f"error=ENOSPC:when={n}")
    where = f"{sweep.kind.name}, ENOSPC at {sweep.syscall} #{n} ({shell_line(result, db)})"
    point = f"{sweep.kind.name} {sweep.syscall}#{n}"
    acknowledged = result.code == 0 and result.said(sweep.kind.success)
    errors = [line.replace(str(db), "DB") for line in result.error_lines()]
    problems = []
    if TRACEBACK in result.err or "Exception ignored" in result.err:
        problems.append(f"a traceback: {result.summary()}")
    if result.code == 0:
        if not acknowledged:
            problems.append(f"exit 0 without saying it saved: {result.summary()}")
        elif n <= sweep.calls:
            part.tally("ENOSPC absorbed: exit 0, saved", "absorbed", point)
    elif result.killed or len(errors) != 1:
        problems.append(f"not one 'Error:' line: {result.summary()}")
    problems += opens(db)
    state, state_problems = sweep.states.judge(db, acknowledged)
    problems += state_problems
    part.count(f"left as {state}")
    if result.code != 0 and len(errors) == 1:
        if state == "after":  # told it failed, yet saved: trying again would save it twice
            part.tally("ENOSPC refused with one Error line, YET SAVED", errors[0], point)
        else:
            part.tally("ENOSPC refused with one Error line, nothing saved", errors[0], point)
    following = run(db, "agenda", "add", "after the fault")
    if following.code != 0 or not following.said("Added agenda item"):
        problems.append(f"the next command failed: {following.summary()}")
    part.fail(where, problems)
    if not part.failures:
        shutil.rmtree(db.parent)
    return part


# --- c. concurrent writers --------------------------------------------------------------------


@timed
def concurrent_writers(
    root: Path, writers: int = 4, items: int = 25, new_file: bool = False
) -> Report:
    """`writers` processes at a time, each adding `items` agenda items one after another,
    all started together (on a new file, they also race to create it): every command exits
    0, none says the database is locked or busy, and every item is there once."""
    file = "a new file" if new_file else "an existing file"
    report = Report(f"c. {writers} concurrent writers x {items} items, on {file}")
    db = fresh_folder(root, f"concurrent-{writers}-{int(new_file)}") / DB_NAME
    if not new_file:
        run(db, "agenda", "add", "already there")
    start = threading.Barrier(writers)
    results: list[tuple[Result, float]] = []
    lock = threading.Lock()

    def writer(w: int) -> None:
        start.wait()
        for i in range(items):
            t0 = time.perf_counter()
            result = run(db, "agenda", "add", f"writer {w} item {i}")
            with lock:
                results.append((result, time.perf_counter() - t0))

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
    t0 = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - t0
    report.runs = len(results)
    for result, _ in results:
        text = result.argv[-1]
        if result.code != 0 or not result.said("Added agenda item"):
            report.fail(f'`agenda add "{text}"`', [result.summary()])
        elif re.search(r"locked|busy", result.err, re.IGNORECASE):
            report.fail(f'`agenda add "{text}"`', [f"said busy: {result.summary()}"])
    told = {r.argv[-1]: r.err.strip() for r, _ in results if r.code == 0}
    acknowledged = [text for text, said in told.items() if "Added agenda item" in said]
    listed, problems = agenda(db)
    report.fail("afterwards", opens(db) + problems)
    texts = Counter(str(item["text"]) for item in listed)
    now_named = {f"Added agenda item {item['id']}.": item["text"] for item in listed}
    lost = [
        f"{text!r} (told {told[text]!r}; that id is now {now_named.get(told[text])!r})"
        for text in acknowledged
        if texts[text] == 0
    ]
    if lost:
        report.fail("afterwards", [f"acknowledged items lost: {', '.join(lost[:5])}"])
    twice = [text for text, n in texts.items() if n > 1]
    if twice:
        report.fail("afterwards", [f"items saved more than once: {twice[:5]}"])
    report.figures["acknowledged"] = f"{len(acknowledged)} of {len(results)}"
    slowest = max((s for _, s in results), default=0.0)
    report.figures["commands a second"] = f"{len(results) / elapsed:.1f}"
    report.figures["slowest command"] = f"{slowest * 1000:.0f} ms"
    return report


# --- d. full disk -----------------------------------------------------------------------------


def _limited_write(
    report: Report, db: Path, text: str, fsize: int, acknowledged: list[str], attempted: set[str]
) -> bool:
    """`agenda add TEXT` under a file-size limit: saved and said so, or one "Error:" line
    and exit 1. True if it was saved."""
    attempted.add(text)
    result = run(db, "agenda", "add", text, fsize=fsize)
    report.runs += 1
    saved = result.code == 0 and result.said("Added agenda item")
    problems = []
    if TRACEBACK in result.err or "Exception ignored" in result.err:
        problems.append(f"a traceback: {result.summary()}")
    if saved:
        acknowledged.append(text)
        report.count("saved within the limit")
    elif result.code != 1 or len(result.error_lines()) != 1:
        problems.append(f"not one 'Error:' line and exit 1: {result.summary()}")
    else:
        report.count("refused with one Error line")
        message = result.error_lines()[0].replace(str(db), "DB")
        report.tally("messages", message, f"fsize={fsize}")
    report.fail(f"--fsize={fsize} ({shell_line(result, db, fsize)})", problems)
    return saved


def _intact(
    report: Report,
    db: Path,
    acknowledged: list[str],
    attempted: set[str],
    where: str,
    fsize: int | None = None,
) -> None:
    """The file opens and is undamaged, with every acknowledged item (checked under `fsize`,
    if given: reading must not need room to write)."""
    items, problems = agenda(db, fsize)
    problems = opens(db, fsize) + (problems or agenda_problems(items, acknowledged, attempted))
    report.fail(where, problems)


@timed
def full_disk(
    root: Path,
    sizes: Sequence[int] | None = None,
    fill_room: int = 64 * 1024,
    fill_item: int = 8000,
) -> Report:
    """A write under each file-size limit in `sizes`, on an existing database and as the
    first command on a new one; then a database filled with items of `fill_item` characters
    until it hits a limit `fill_room` bytes above its size. Each refusal must be one "Error:"
    line, every earlier item must stay, and the next command without the limit must work.
    The limit is per file (RLIMIT_FSIZE): the database and its -wal may each grow to it."""
    report = Report("d. full disk (file-size limit, as prlimit --fsize)")
    baseline = fresh_folder(root, "full-base") / DB_NAME
    base_items = ["Getting out of breath on the stairs", "Sleeping badly"]
    for text in base_items:
        run(baseline, "agenda", "add", text)
    size = baseline.stat().st_size
    report.figures["baseline file size"] = f"{size} bytes"
    if sizes is None:
        sizes = sorted(
            {0, 1, 512, 4096, 8192, 32768, 65536, 131072} | {size - 4096, size, size + 4096}
        )
    for new_file in (False, True):
        for fsize in sizes:
            db = copy_of(baseline, root / "full-run", new_file)
            acknowledged = [] if new_file else list(base_items)
            attempted = set(acknowledged)
            _limited_write(report, db, f"under a limit of {fsize}", fsize, acknowledged, attempted)
            where = f"after --fsize={fsize} on {'a new' if new_file else 'an existing'} file"
            _intact(report, db, acknowledged, attempted, where)
            _next_without_limit(report, db, acknowledged, attempted, where)
    _fill(report, root, fill_room, fill_item)
    return report


def _next_without_limit(
    report: Report, db: Path, acknowledged: list[str], attempted: set[str], where: str
) -> None:
    text = "after the limit was lifted"
    attempted.add(text)
    result = run(db, "agenda", "add", text)
    if result.code != 0 or not result.said("Added agenda item"):
        report.fail(where, [f"the next command, without a limit, failed: {result.summary()}"])
        return
    acknowledged.append(text)
    _intact(report, db, acknowledged, attempted, f"{where}, then the next command")


def _fill(report: Report, root: Path, room: int, length: int, most: int = 2000) -> None:
    """Item after item under one limit, until smcoach refuses one; then, still under the
    limit (a disk full for every process), the file must open with every item saved."""
    db = fresh_folder(root, "full-fill") / DB_NAME
    run(db, "agenda", "add", "the first item")
    acknowledged, attempted = ["the first item"], {"the first item"}
    fsize = db.stat().st_size + room
    for i in range(most):
        text = f"filler {i:04d} " + "".join(random.Random(i).choices("abcdefghij ", k=length))
        if not _limited_write(report, db, text, fsize, acknowledged, attempted):
            report.figures["fill: items saved before the limit"] = i
            report.figures["fill: limit"] = f"{fsize} bytes"
            _intact(report, db, acknowledged, attempted, "fill, at the limit", fsize)
            _next_without_limit(report, db, acknowledged, attempted, "fill, limit lifted")
            return
    report.fail("fill", [f"{most} items fitted under --fsize={fsize}: the limit was never hit"])


# --- e. permissions ---------------------------------------------------------------------------


@timed
def permissions(root: Path, umasks: Sequence[int] = (0o000, 0o022)) -> Report:
    """Under each umask, with SMCOACH_DB in a folder that does not exist yet (a/b/c): every
    folder smcoach made is 0700 and every file 0600, the -wal and -shm files included (seen
    by killing a command mid-write, where strace can)."""
    report = Report("e. permissions (new nested folders, umask 000 and 022)")
    can_kill = strace_problem() is None
    if not can_kill:
        report.notes.append("strace unusable: the -wal and -shm files were not seen")
    for umask in umasks:
        top = fresh_folder(root, f"perm-{umask:03o}")
        db = top / "a" / "b" / "c" / DB_NAME
        first = run(db, "agenda", "add", "private", umask=umask)
        report.runs += 1
        if first.code != 0:
            report.fail(f"umask {umask:03o}", [f"agenda add failed: {first.summary()}"])
        seen = _modes(top)
        if can_kill:  # killed at its first fdatasync: the -wal and -shm files are still there
            prefix = strace_prefix("fdatasync", "signal=SIGKILL:when=1")
            killed = run(db, "agenda", "add", "killed", umask=umask, prefix=prefix)
            report.runs += 1
            if not killed.killed:
                report.fail(f"umask {umask:03o}", [f"not killed mid-write: {killed.summary()}"])
            seen |= _modes(top)
        names = sorted(p.relative_to(top).as_posix() for p in seen)
        report.figures[f"umask {umask:03o}: checked"] = ", ".join(names)
        for path, (mode, is_dir) in seen.items():
            want = 0o700 if is_dir else 0o600
            if mode != want:
                report.fail(
                    f"umask {umask:03o}",
                    [f"{path.relative_to(top)} is {mode:04o}, should be {want:04o}"],
                )
    return report


def _modes(top: Path) -> dict[Path, tuple[int, bool]]:
    """Every folder and file under `top` (which the caller made): permission bits, and
    whether it is a folder."""
    found = {}
    for path in sorted(top.rglob("*")):
        st = path.lstat()
        found[path] = (stat.S_IMODE(st.st_mode), stat.S_ISDIR(st.st_mode))
    return found


# --- the command line -------------------------------------------------------------------------

SCENARIOS = ("kills", "sweeps", "concurrent", "fulldisk", "permissions")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Durability proof for smcoach: kills, injected faults, concurrent "
        "writers, a full disk and file permissions, against the real executable.",
    )
    parser.add_argument(
        "--quick", action="store_true", help="smaller counts, one kind in the sweeps (minutes)"
    )
    parser.add_argument("--only", help=f"comma-separated scenarios (of {','.join(SCENARIOS)})")
    parser.add_argument("--runs", type=int, help="random kills (default 200; --quick 20)")
    parser.add_argument("--seed", type=int, default=2026, help="for the random kills")
    parser.add_argument(
        "--max-delay-ms", type=float, default=40, help="longest kill delay after the -wal appears"
    )
    parser.add_argument(
        "--kinds", help=f"commands for the sweeps (default all: {','.join(KIND_NAMES)})"
    )
    parser.add_argument("--no-errors", action="store_true", help="sweeps: kills only, no ENOSPC")
    parser.add_argument("--items", type=int, help="items per concurrent writer (default 25)")
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="runs side by side, in the sweeps and the random kills (default: one per CPU)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = parser.parse_args(argv)

    chosen = args.only.split(",") if args.only else list(SCENARIOS)
    unknown = set(chosen) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(sorted(unknown))}")
    kinds = args.kinds.split(",") if args.kinds else list(KIND_NAMES)
    if set(kinds) - set(KIND_NAMES):
        parser.error(f"unknown kind(s): {', '.join(sorted(set(kinds) - set(KIND_NAMES)))}")
    if not SMCOACH.exists():
        parser.error(f"{SMCOACH} not found: run this with the venv's python")
    runs = args.runs or (20 if args.quick else 200)
    items = args.items or (10 if args.quick else 25)
    if args.quick and not args.kinds:
        kinds = ["agenda-add"]

    global VERBOSE
    VERBOSE = True
    root = Path(tempfile.mkdtemp(prefix="smcoach-stress-"))
    print(f"smcoach: {SMCOACH}\nworking in {root}", flush=True)
    reports: list[Report] = []

    def show(report: Report) -> None:
        reports.append(report)
        print(report.text(), flush=True)

    try:
        if "kills" in chosen:
            delay = args.max_delay_ms
            show(random_kills(root, runs, seed=args.seed, max_delay_ms=delay, lanes=args.jobs))
        if "sweeps" in chosen:
            show(fault_sweeps(root, kinds=kinds, errors=not args.no_errors, jobs=args.jobs))
        if "concurrent" in chosen:
            for writers in (4, 8):
                for new_file in (False, True):
                    show(concurrent_writers(root, writers, items, new_file=new_file))
        if "fulldisk" in chosen:
            sizes = [0, 4096, 65536] if args.quick else None
            show(full_disk(root, sizes=sizes, fill_room=(16 if args.quick else 64) * 1024))
        if "permissions" in chosen:
            show(permissions(root))
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    failures = sum(len(r.failures) for r in reports)
    total = sum(r.runs for r in reports)
    seconds = sum(r.seconds for r in reports)
    print(f"\n{total} runs, {failures} failures, {seconds:.0f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
