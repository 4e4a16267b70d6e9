"""Time `smcoach services search` as whole processes over a directory of 10,000 services.

    python bench/bench_services.py             # builds bench/bench-services.db if missing
    python bench/bench_services.py --rebuild   # builds it afresh
    python bench/bench_services.py --runs 31   # more runs per command (default 21)

The directory holds 10,000 services of 1,500 organizations in 40 towns: each a kind of
service (carers' support, walking group, lunch club, befriending, breathing support group,
advice, men's shed, ...) with its categories, a name and description made of that kind's
words and a town's name, one to three areas served, a phone number, opening hours, and a day
its details were checked (a fifth never). A fixed seed gives the same data every time. The
services are written as a flat CSV and brought in with `smcoach services import` (as a
person would), so the index is the one the import's triggers build.

Timed, each as a fresh process from this venv with SMCOACH_DB and SMCOACH_TODAY set, output
to /dev/null, NO_COLOR=1, in the same rounds as the floor, `python -c "import sqlite3"`
(the helpers of bench/bench.py):

  search carers                    a common word (about 1 in 10 services)
  search "walking group"           two words
  search support --area Otley      a very common word in one town
  search --category advice         a category alone
  search lunch --area Leeds --category food

and, for comparison, `services list --json` (every entry), and the same first search with
the 10,000 services as the directory a content folder provides (read for each command).

Target: at most 100 ms median for each search on the person's own directory.
"""

import argparse
import csv
import io
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import Failed, medians, piped  # the timing helpers of bench/bench.py

HERE = Path(__file__).resolve().parent
SMCOACH = str(Path(sys.executable).parent / "smcoach")
TODAY = "2026-11-23"
SIZE = 10_000
TARGET_MS = 100

TOWNS = ["Leeds", "Otley", "Ilkley", "Wetherby", "Pudsey", "Morley", "Bradford", "Keighley",
         "Shipley", "Bingley", "Harrogate", "Knaresborough", "Ripon", "Selby", "Tadcaster",
         "Garforth", "Rothwell", "Guiseley", "Yeadon", "Horsforth", "Headingley", "Chapeltown",
         "Armley", "Bramley", "Beeston", "Holbeck", "Hunslet", "Seacroft", "Halton", "Crossgates",
         "Roundhay", "Meanwood", "Kirkstall", "Farsley", "Calverley", "Idle", "Baildon",
         "Menston", "Burley", "Boston Spa"]  # fmt: skip
KINDS = [
    ("Carers' support", "carers; advice", "support, advice and short breaks for unpaid carers"),
    ("Walking group", "walking group; exercise", "friendly led walks at an easy pace"),
    ("Lunch club", "food; social", "a hot meal and company for older people"),
    ("Befriending", "loneliness; befriending", "a volunteer who visits or phones each week"),
    ("Breathe easy group", "breathing; peer support", "a support group for lung conditions"),
    ("Advice centre", "advice; money", "free advice on benefits, debt and housing"),
    ("Men's shed", "social; practical", "a workshop where men meet, make and mend"),
    ("Chair exercise", "exercise; gentle movement", "seated exercise for all abilities"),
    ("Pain support group", "pain; peer support", "people living with long-term pain meet"),
    ("Faith community lunch", "faith; food; social", "a meal open to all, whatever faith"),
    ("Cultural women's group", "culture; social; peer support", "a group for women to meet"),
    ("Memory cafe", "dementia; carers; social", "a relaxed cafe for people with memory loss"),
    ("Talking therapies", "mood; mental health", "talking therapy for anxiety and low mood"),
    ("Gardening project", "gardening; outdoors; volunteering", "grow food and flowers together"),
]
WORDS = ("community", "friendly", "local", "weekly", "drop-in", "volunteer", "welcome",
         "free", "accessible", "small", "group", "centre", "support", "people",
         "neighbourhood")  # fmt: skip
COLUMNS = ["id", "name", "organization", "description", "categories", "areas", "phone", "hours",
           "status", "checked"]  # fmt: skip


def directory_csv(seed: int = 2026) -> bytes:
    rng = random.Random(seed)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    organizations = [
        f"{rng.choice(TOWNS)} {rng.choice(WORDS).title()} Trust {n}" for n in range(1500)
    ]
    for n in range(SIZE):
        name, categories, what = rng.choice(KINDS)
        town = rng.choice(TOWNS)
        areas = "; ".join(dict.fromkeys([town, *rng.sample(TOWNS, rng.randint(0, 2))]))
        extra = " ".join(rng.sample(WORDS, 4))
        checked = (
            ""
            if rng.random() < 0.2
            else f"20{rng.randint(23, 26)}-{rng.randint(1, 10):02}-{rng.randint(1, 28):02}"
        )
        writer.writerow([
            f"svc-{n:05}", f"{town} {name} {n}", rng.choice(organizations),
            f"{what.capitalize()}: {extra}.", categories, areas,
            f"0113 {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
            rng.choice(["Mon-Fri 9-5", "Tue 10-12", "Wed 2-4pm", "Thu and Sat 10-1"]),
            "temporarily closed" if rng.random() < 0.03 else "active", checked,
        ])  # fmt: skip
    return out.getvalue().encode("utf-8")


def build(db: Path, csv_path: Path) -> None:
    for leftover in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        leftover.unlink(missing_ok=True)
    csv_path.write_bytes(directory_csv())
    t0 = time.perf_counter()
    done = subprocess.run(
        [SMCOACH, "services", "import", str(csv_path)],
        env={
            "SMCOACH_DB": str(db),
            "SMCOACH_TODAY": TODAY,
            "NO_COLOR": "1",
            "PATH": "/usr/bin:/bin",
        },
        capture_output=True,
        text=True,
    )
    if done.returncode:
        sys.exit(f"the import failed: {done.stderr.strip()}")
    print(f"imported {SIZE:,} services in {time.perf_counter() - t0:.1f} s: {done.stderr.strip()}")


SEARCHES = [
    ("search carers", ["carers"]),
    ('search "walking group"', ["walking group"]),
    ("search support --area Otley", ["support", "--area", "Otley"]),
    ("search --category advice", ["--category", "advice"]),
    (
        "search lunch --area Leeds --category food",
        ["lunch", "--area", "Leeds", "--category", "food"],
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    db = HERE / "bench-services.db"
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        (content / "cards").mkdir(parents=True)
        (content / "cards" / "en.toml").write_text("")
        (content / "services").mkdir()
        csv_path = content / "services" / "directory.csv"
        if args.rebuild or not db.exists():
            build(db, csv_path)
        else:
            csv_path.write_bytes(directory_csv())
        env = {
            "SMCOACH_DB": str(db),
            "SMCOACH_TODAY": TODAY,
            "NO_COLOR": "1",
            "PATH": "/usr/bin:/bin",
        }
        empty = {
            **env,
            "SMCOACH_DB": str(Path(folder) / "none.db"),
            "SMCOACH_CONTENT": str(content),
        }
        cases = [("floor", [sys.executable, "-c", "import sqlite3"], piped, env)]
        cases += [
            (name, [SMCOACH, "services", "search", *words], piped, env) for name, words in SEARCHES
        ]
        cases.append(
            ("list --json (all 10,000)", [SMCOACH, "services", "list", "--json"], piped, env)
        )
        cases.append(
            (
                "search carers, provided directory",
                [SMCOACH, "services", "search", "carers"],
                piped,
                empty,
            )
        )
        try:
            results = medians(cases, args.runs)
        except Failed as e:
            sys.exit(str(e))
    floor = results["floor"][0] or 1.0
    print(f"{'command':45} {'median ms':>10} {'x floor':>8}  target")
    for name, (ms, failures) in results.items():
        if ms is None:
            print(f"{name:45} {'failed':>10}  {failures[0] if failures else ''}")
            continue
        target = (
            f"<= {TARGET_MS} ms: {'ok' if ms <= TARGET_MS else 'OVER'}"
            if name.startswith("search") and "provided" not in name
            else ""
        )
        print(f"{name:45} {ms:10.1f} {ms / floor:8.2f}  {target}")
        for failure in failures[:3]:
            print(f"    failed: {failure}")


if __name__ == "__main__":
    main()
