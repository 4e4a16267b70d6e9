"""The interactive daily check in a real pseudo-terminal: after the check-in questions, a 0-10
rating of each symptom not yet rated today, each saved as it is given.

Runs the installed `smcoach` console script under pexpect with its own database and a pinned
date, answers as a person would, then reads the file back through the store.
"""

import io
from datetime import date
from pathlib import Path

import pexpect

from ptyhelp import SMCOACH, run, terminal_env
from smcoach.store import Store

TUESDAY = "2026-11-24"

# Question cards (content/cards/en.toml [check] and [symptoms]), as the person sees them.
STATUS = "How did it go? done, partly, not done, rest day, or skip"
CHOICE = "Your choice: "
NOTE = "Anything you want to note? (Enter for nothing): "


def rating_question(symptom: str) -> str:
    return f"How was your {symptom} today, 0 = none, 10 = worst? (Enter to skip): "


def test_check_asks_each_symptom_not_yet_rated_after_the_check_in(tmp_path: Path) -> None:
    env = terminal_env(tmp_path, TUESDAY)
    run(env, "plan", "new", "--what", "walk", "--how-much", "10 minutes", "--when", "morning",
            "--days", "mon,tue", "--confidence", "8", "--start", "2026-11-23")  # fmt: skip
    for name in ("fatigue", "Pain", "low mood", "breathlessness"):
        run(env, "symptoms", "add", name)
    run(env, "symptoms", "add", "sleep")
    run(env, "symptoms", "remove", "sleep")  # removed: not asked
    run(env, "check", "--rate", "breathlessness=2")  # rated today already: not asked

    log = io.StringIO()
    child = pexpect.spawn(
        SMCOACH, ["check"], env=env, encoding="utf-8", timeout=10, dimensions=(40, 200)
    )
    child.logfile_read = log
    child.expect_exact(f"Mon 23 Nov, plan 1 (walk): {STATUS}")
    child.expect_exact(CHOICE)
    child.sendline("1")
    child.expect_exact("Checked in for Mon 23 Nov: done.")
    child.expect_exact(NOTE)
    child.sendline("")
    child.expect_exact(f"Tue 24 Nov, plan 1 (walk): {STATUS}")
    child.expect_exact(CHOICE)
    child.sendline("5")  # skip for now

    child.expect_exact(rating_question("fatigue"))
    child.sendline("11")
    child.expect_exact("  a rating must be a whole number from 0 to 10, got 11")
    child.expect_exact(rating_question("fatigue"))
    child.sendline("6")
    child.expect_exact("Rated fatigue 6/10 for Tue 24 Nov.")
    child.expect_exact(rating_question("Pain"))
    child.sendline("")  # Enter: skip
    child.expect_exact(rating_question("low mood"))
    child.sendline(" 3 ")
    child.expect_exact("Rated low mood 3/10 for Tue 24 Nov.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    transcript = log.getvalue().replace("\r\n", "\n")
    assert transcript.count(rating_question("fatigue")) == 2
    assert "breathlessness" not in transcript and "sleep" not in transcript
    assert "Rated Pain" not in transcript
    assert "Traceback" not in transcript

    store = Store(Path(env["SMCOACH_DB"]))
    try:
        rated = {r.name: r.rating for r in store.ratings_for(date.fromisoformat(TUESDAY))}
        checked = store.checkins([1])[1]
    finally:
        store.close()
    assert rated == {"fatigue": 6, "low mood": 3, "breathlessness": 2}
    assert [(c.day.isoformat(), c.status) for c in checked] == [("2026-11-23", "done")]
