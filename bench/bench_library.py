"""Time `smcoach learn --search` as whole processes: with its index warm, and just after a
topic file changed (so each run builds the index again).

    python bench/bench_library.py            # median of 21 runs per command
    python bench/bench_library.py --runs 31

Every command runs as a fresh process from this venv, output to /dev/null, NO_COLOR=1, with
SMCOACH_CACHE in a temporary folder (the index's cache), SMCOACH_DB naming a file that is
never made (the library does not open the person's data) and SMCOACH_CONTENT a service's
folder holding one topic of its own. Each figure is the median over --runs rounds, beside
the floor, `python -c "import sqlite3"`, timed the same way in the same rounds (a round runs
every command once, so a busy machine weighs on all alike), as bench/bench.py does.

  warm            the index was built by an earlier run, and is only read
  after a change  before each run (not timed) the service's topic file is given a new time
                  of change: the run sees a new fingerprint and builds the index afresh, in
                  a temporary file moved into place

Target: at most 100 ms median for each search, warm and after a change. For what the figures
are made of, the same rounds time, each as a fresh process: `import typer` (paid by every
command typer's route takes; `learn` takes the fast route, cli/fast.py, without it); the
safety screen of a few typed words (every search pays it, since the words a person types are
always screened: the lists read from content/safety/en.compiled.json, and only the patterns
whose words the text holds compiled); and the search alone, as `python -c`: the topic files'
fingerprint, the index read (warm), the results laid out.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from bench import Case, medians, piped  # the timing helpers of bench/bench.py

TARGET_MS = 100.0
SEARCHES = {  # name: the words
    "learn --search tired": ["tired"],
    "learn --search knee pain": ["knee", "pain"],
    "learn --search sleep": ["sleep"],
    "learn --search getting out of breath": ["getting", "out", "of", "breath"],
}
# The search's own work, as the command does it but for typer and the safety screen.
SEARCH_ALONE = """
from smcoach.content import topics, topics_fingerprint
from smcoach.render import write
from smcoach.render.library import found_blocks
from smcoach.store.library import search
found, any_word = search("en", topics_fingerprint(), lambda: topics().values(), "knee pain")
write(found_blocks("knee pain", found, any_word))
"""
SERVICE_TOPIC = """+++
id = "allotment"
title = "Allotments"
tags = ["allotment", "digging"]
summary = "Growing food with a long-term condition."
sources = ["A service. Allotment sessions (leaflet)."]
reviewed = 2026-10-01
+++

## Growing

Digging a little at a time, with rests, is a good way to keep active.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=21, help="runs per command (default 21)")
    runs = parser.parse_args().runs

    smcoach = str(Path(sys.executable).parent / "smcoach")
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        topic = Path(tmp, "service", "topics", "en", "allotment.md")
        topic.parent.mkdir(parents=True)
        topic.write_text(SERVICE_TOPIC, "utf-8")
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PAGER")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # Python may cache compiled modules, as pip's
        env.update(
            NO_COLOR="1",
            SMCOACH_CACHE=str(Path(tmp, "cache")),
            SMCOACH_DB=str(Path(tmp, "never-made.db")),
            SMCOACH_CONTENT=str(Path(tmp, "service")),
        )
        changes = iter(range(1, 10**9))

        def after_a_change(cmd: list[str], env: dict[str, str]) -> float:
            stamp = 1_700_000_000 + next(changes)  # a new time of change: a new fingerprint
            os.utime(topic, (stamp, stamp))
            return piped(cmd, env)

        screen = "from smcoach.content import screen; screen().categories('knee pain')"
        cases: list[Case] = [
            ("floor", [python, "-c", "import sqlite3"], piped, env),
            ("import typer", [python, "-c", "import typer"], piped, env),
            ("safety screen of 'knee pain'", [python, "-c", screen], piped, env),
            ("search alone: 'knee pain'", [python, "-c", SEARCH_ALONE], piped, env),
            ("learn (the list)", [smcoach, "learn"], piped, env),
            ("learn fatigue", [smcoach, "learn", "fatigue"], piped, env),
        ]
        for name, words in SEARCHES.items():
            cases.append((name, [smcoach, "learn", "--search", *words], piped, env))
        for name, words in SEARCHES.items():
            command = [smcoach, "learn", "--search", *words]
            cases.append((f"{name}, after a change", command, after_a_change, env))
        piped(cases[-1][1], env)  # the index built once, before the warm runs
        results = medians(cases, runs)
        if not Path(tmp, "cache", "library-en.sqlite3").is_file():
            print("the index was never written to the cache: each run built it in memory")

    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs; piped (NO_COLOR=1, output "
          f"to /dev/null), median of {runs}")  # fmt: skip
    print(f"  {'command':<52}{'ms':>8}{'x floor':>9}  target")
    floor = results["floor"][0] or float("nan")
    for name, (ms, failures) in results.items():
        label = 'python -c "import sqlite3"' if name == "floor" else name
        if ms is None:
            print(f"  {label:<52}  every run FAILED: {failures[0]}")
            continue
        verdict = ""
        if name.startswith("learn --search"):
            verdict = f"<= {TARGET_MS:.0f} ms  {'met' if ms <= TARGET_MS else 'NOT MET'}"
        print(f"  {label:<52}{ms:>8.1f}{ms / floor:>9.2f}  {verdict}")
        if failures:
            print(f"    {len(failures)} run(s) FAILED, first: {failures[0]}")


if __name__ == "__main__":
    main()
