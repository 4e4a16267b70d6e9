"""smcoach selfcheck in a real pseudo-terminal: six questions, a skip, a wrong answer re-asked."""

import io
from pathlib import Path

import pexpect
import pytest

from ptyhelp import SMCOACH, run_json, terminal_env

STEM = "How confident are you that you can"
HINT = "1 (not at all confident) to 10 (totally confident), or Enter to skip: "
ITEM_STARTS = [
    "keep the fatigue caused by your disease",
    "keep the physical discomfort or pain of your disease",
    "keep the emotional distress caused by your disease",
    "keep any other symptoms or health problems you have",
    "do the different tasks and activities needed to manage your health condition",
    "do things other than just taking medication",
]


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return terminal_env(tmp_path)


def test_six_questions_with_a_skip_and_a_wrong_answer_asked_again(env: dict[str, str]) -> None:
    log = io.StringIO()
    child = pexpect.spawn(
        SMCOACH, ["selfcheck"], env=env, encoding="utf-8", timeout=10, dimensions=(40, 200)
    )
    child.logfile_read = log
    child.expect_exact("A few questions on how confident you feel")
    child.expect_exact("Your answers stay private")
    child.expect_exact("(Stanford Patient Education Research Center; Lorig et al. 2001)")
    replies = ["8", "skip", "11", "6", "9", "7", "5"]
    asked = [1, 2, 3, 3, 4, 5, 6]  # question 3 twice: 11 is out of range
    for n, reply in zip(asked, replies, strict=True):
        child.expect_exact(f"{n} of 6. {STEM} {ITEM_STARTS[n - 1]}")
        child.expect_exact(HINT)
        child.sendline(reply)
        if reply == "11":
            child.expect_exact("  answer with a whole number from 1 (not at all confident) to 10")
    child.expect_exact("Saved your self-efficacy check for Mon 23 Nov 2026 (SEMCD-6).")
    child.expect_exact(
        "Score: 7.0 out of 10: the mean of the 5 questions you answered (1 skipped); "
        "higher means more confident in managing your health."
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    transcript = log.getvalue()
    assert transcript.count(f"3 of 6. {STEM}") == 2
    assert "Traceback" not in transcript

    [saved] = run_json(env, "selfcheck", "--history")
    assert saved["answers"] == [8, None, 6, 9, 7, 5]
    assert saved["score"] == pytest.approx(7.0)
    assert (saved["answered"], saved["form"], saved["day"]) == (5, "SEMCD-6", "2026-11-23")
