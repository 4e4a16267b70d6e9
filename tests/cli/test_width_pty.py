"""Width in a real terminal (pexpect): at 60 and 80 columns, as on a projector at 80x24, the
questions, the coaching text, the today view and tables fit between words; the key to the
week's marks is not dim; a misspelt command is one line, with no panel."""

import io
import re
from pathlib import Path

import pexpect

from ptyhelp import SMCOACH, WHAT, run, terminal_env

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PLAN = ("plan", "new", "--what", "walk to the post box and back, then round the park slowly",
        "--how-much", "10 minutes", "--when", "after lunch", "--days", "mon,tue,fri",
        "--confidence", "8")  # fmt: skip


def env_for(tmp_path: Path, colour: bool, today: str = "2026-11-23") -> dict[str, str]:
    env = terminal_env(tmp_path, today)
    for name in ("COLUMNS", "LINES", "TERMINAL_WIDTH", "_TYPER_FORCE_DISABLE_TERMINAL"):
        env.pop(name, None)  # the terminal's own size, as a person has it
    if colour:
        env.pop("NO_COLOR")
    return env


def spawn(env: dict[str, str], columns: int, *args: str) -> pexpect.spawn:
    return pexpect.spawn(SMCOACH, list(args), env=env, encoding="utf-8", timeout=10,
                         dimensions=(24, columns))  # fmt: skip


def output(env: dict[str, str], columns: int, *args: str) -> tuple[str, int]:
    """What a command printed in a terminal this wide (escape codes kept), and its status."""
    child = spawn(env, columns, *args)
    child.expect(pexpect.EOF)
    child.close()
    return child.before.replace("\r\n", "\n"), child.exitstatus


def lines_of(text: str) -> list[str]:
    return ANSI.sub("", text).splitlines()


def test_a_table_too_wide_for_the_terminal_is_stacked_in_colour(tmp_path):
    env = env_for(tmp_path, colour=True)
    run(env, *PLAN)
    out, status = output(env, 60, "plan", "list")
    assert status == 0
    assert "\x1b[" in out  # the colour terminal's own output, through Rich
    lines = lines_of(out)
    assert max(map(len, lines)) <= 60, lines
    assert any(re.match(r"What: +walk to the post box", line) for line in lines), lines
    text = " ".join(lines)
    assert "round the park slowly" in " ".join(text.split())  # words whole, in order


def test_the_today_view_fits_80x24_with_a_key_that_is_not_dim(tmp_path):
    env = env_for(tmp_path, colour=True)
    run(env, *PLAN)
    run(env, "agenda", "add", "Getting out of breath on the stairs")
    run(env, "agenda", "focus", "1")
    env["SMCOACH_TODAY"] = "2026-11-25"  # Monday done, Tuesday not answered, Friday to come
    run(env, "check", "1", "--done", "--date", "mon")
    out, status = output(env, 80)
    assert status == 0
    lines = lines_of(out)
    assert max(map(len, lines)) <= 80 and len(lines) <= 24, lines
    assert "  Mon ✓  Tue ?  Wed    Thu    Fri ○  Sat    Sun" in lines, lines
    key = [raw for raw in out.splitlines() if "planned, no answer yet" in raw]
    assert key and "\x1b[2m" not in key[0], key  # Rich's dim: hard to read on a projector
    assert "·" not in out


def test_plain_terminal_output_wraps_between_words(tmp_path):
    env = env_for(tmp_path, colour=False)  # NO_COLOR: plain, but still a terminal's width
    run(env, *PLAN)
    env["SMCOACH_TODAY"] = "2026-11-25"
    out, status = output(env, 60)
    assert status == 0
    lines = out.splitlines()
    assert max(map(len, lines)) <= 60, lines
    assert "  Mon no answer yet, Tue no answer yet, Fri still to come" in lines, lines
    assert "smcoach check 1 --date yesterday --done" in " ".join(" ".join(lines).split())


def test_questions_and_coaching_wrap_between_words_at_60_columns(tmp_path):
    env = env_for(tmp_path, colour=False)
    child = spawn(env, 60, "plan", "new")
    child.logfile_read = log = io.StringIO()
    child.expect_exact("ought to: ")
    child.sendline("try to walk every day")
    child.expect_exact("one glass of water): ")
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 130
    lines = log.getvalue().replace("\r\n", "\n").splitlines()
    assert max(map(len, lines)) <= 60, lines
    said = " ".join(" ".join(lines).split())
    assert WHAT in said  # the question, whole, word after word
    assert "How much? (for example: 10 minutes, to the end of the road, one glass" in said


def test_a_misspelt_command_in_a_colour_terminal_is_one_line(tmp_path):
    env = env_for(tmp_path, colour=True)
    out, status = output(env, 80, "trend")
    assert status == 2
    assert out == "Error: No such command 'trend'. Did you mean 'trends'?\n"
