"""Time whole smcoach processes against a 10-year database.

    python bench/bench.py            # build bench/bench.db if missing, then time
    python bench/bench.py --rebuild  # build it afresh
    python bench/bench.py --runs 31  # more runs per command

Also times `smcoach trends` over 12 and 520 weeks of the same data.

The database holds 10 years of daily check-ins over 5 plans a week (about 2,600 plans and
18,000 check-ins), two symptoms rated every day, the self-efficacy scale every three months,
plus agenda items and goals, all written through smcoach's own store. Each command runs as a
fresh process from this venv; the floor is `python -c "import sqlite3"` run the same way.
Prints medians and ratios to the floor.
"""

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
TODAY = date(2026, 11, 23)  # a Monday: the data ends here, and every command runs "today"
YEARS = 10
SERIES = 5
WHAT = [
    "walk round the park",
    "stretch in the kitchen",
    "call a friend",
    "cook a fresh meal",
    "breathing exercises",
]


def build(path: Path) -> None:
    from smcoach.domain.models import CheckIn, PlanDraft
    from smcoach.store import Store

    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    rng = random.Random(2026)
    store = Store(path)
    store.conn.execute("PRAGMA synchronous = OFF")  # generation only: every command runs FULL
    first = TODAY - timedelta(weeks=52 * YEARS)
    for i in range(20):
        store.add_agenda(f"challenge {i}", first)
    for i in range(10):
        store.add_goal(f"goal {i}", i + 1, None, first)
    store.focus_agenda(1)
    for name in ("fatigue", "pain"):
        store.add_symptom(name, first)
    day = first
    while day <= TODAY:  # both symptoms rated every day
        ratings = [("fatigue", rng.randint(0, 10)), ("pain", rng.randint(0, 10))]
        store.save_ratings(day, ratings, f"{day}T21:00:00+00:00")
        if (day - first).days % 91 == 0:  # the self-efficacy scale every three months
            answers = [rng.randint(1, 10) for _ in range(6)]
            store.add_selfcheck(day, "SEMCD-6", answers, sum(answers) / 6, f"{day}T10:00:00+00:00")
        day += timedelta(days=1)
    start = first
    while start <= TODAY:
        for s in range(SERIES):
            days = tuple(
                sorted(
                    rng.sample(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], 4),
                    key="montuewedthufrisatsun".index,
                )
            )
            draft = PlanDraft(
                WHAT[s],
                "15 minutes",
                "after lunch",
                days,
                None,
                rng.randint(6, 10),
                start,
                goal_id=s + 1,
            )
            plan_id = store.add_plan(draft, draft.confidence, False, f"{start}T09:00:00+00:00")
            for d in range(7):
                day = start + timedelta(days=d)
                if day > TODAY:
                    break
                status = rng.choice(["done", "done", "done", "partly", "not", "rest"])
                store.check_in(CheckIn(plan_id, day, status, None), f"{day}T20:00:00+00:00")
            if start + timedelta(days=6) < TODAY:
                store.end_plan(plan_id, start + timedelta(days=7))
        start += timedelta(weeks=1)
    store.close()


def median_ms(cmd: list[str], env: dict[str, str], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(
            cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True
        )
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=HERE / "bench.db")
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    if args.rebuild or not args.db.exists():
        t0 = time.perf_counter()
        build(args.db)
        print(f"built {args.db} in {time.perf_counter() - t0:.1f} s")
    env = {
        **os.environ,
        "SMCOACH_DB": str(args.db),
        "SMCOACH_TODAY": TODAY.isoformat(),
        "NO_COLOR": "1",
    }
    # As on a person's machine, Python may cache compiled modules (pip does so for installs).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    bindir = Path(sys.executable).parent
    smcoach = str(bindir / "smcoach")
    latest_plan = subprocess.run(
        [smcoach, "plan", "list", "--json"], env=env, check=True, capture_output=True, text=True
    ).stdout
    import json

    plan_id = str(json.loads(latest_plan)[-1]["id"])
    floor = median_ms([sys.executable, "-c", "import sqlite3"], env, args.runs)
    cases = [
        ("smcoach --help", [smcoach, "--help"], 150),
        ("smcoach (today)", [smcoach], 100),
        ("smcoach plan list", [smcoach, "plan", "list"], 100),
        ("smcoach check --done", [smcoach, "check", plan_id, "--done"], 100),
    ]
    print(f"{'command':<28}{'median ms':>10}{'x floor':>9}  target")
    print(f"{'python -c import sqlite3':<28}{floor:>10.1f}{1:>9.1f}")
    for name, cmd, target in cases:
        ms = median_ms(cmd, env, args.runs)
        ratio = ms / floor
        ok = ms <= target and (name == "smcoach --help" or ratio <= 5)
        limit = f"<= {target} ms" + ("" if name == "smcoach --help" else " and <= 5x")
        print(f"{name:<28}{ms:>10.1f}{ratio:>9.1f}  {limit}: {'met' if ok else 'NOT MET'}")
    # Trends aggregate in SQL by ISO week: ten years should cost little more than twelve weeks.
    short = median_ms([smcoach, "trends", "--weeks", "12"], env, args.runs)
    long = median_ms([smcoach, "trends", "--weeks", "520"], env, args.runs)
    print(f"{'smcoach trends --weeks 12':<28}{short:>10.1f}{short / floor:>9.1f}")
    ok = long <= 250 and long <= 1.5 * short
    print(
        f"{'smcoach trends --weeks 520':<28}{long:>10.1f}{long / floor:>9.1f}  <= 250 ms and "
        f"<= 1.5x the 12 weeks ({long / short:.2f}x): {'met' if ok else 'NOT MET'}"
    )
    # Free text pays once a command for compiling the safety lists; the note costs that.
    note = [smcoach, "check", plan_id, "--done", "--note", "slow but did it, with my neighbour"]
    ms = median_ms(note, env, args.runs)
    print(f"{'smcoach check --done --note':<28}{ms:>10.1f}{ms / floor:>9.1f}")
    screening_at_length()


def screening_at_length() -> None:
    """The screen and the plan coach on long, repetitive text (what a paste or an attack
    might give): time must grow in step with the length, never faster."""
    from smcoach import content
    from smcoach.domain.models import PlanDraft

    screen, coach = content.screen(), content.plan_coach()
    for name, unit in (("negated", "no chest pain "), ("outcome", "walk to lose weight, ")):
        for size in (10_000, 40_000):
            text = (unit * (size // len(unit) + 1))[:size]
            t0 = time.perf_counter()
            screen.categories(text)
            coach.review(PlanDraft(text, "10 minutes", "after lunch", None, 3, 8, TODAY))
            ms = (time.perf_counter() - t0) * 1000
            print(f"{f'{name} text, {size // 1000} kB':<28}{ms:>10.1f}  screen and coach")


if __name__ == "__main__":
    main()
