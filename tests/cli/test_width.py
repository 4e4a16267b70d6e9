"""Output fits the width: paragraphs wrap between words, a table too wide for the screen is
stacked ("label: value", a blank line between records), and no word, number or week label
is split across lines. Plain output says the days of a week in words."""

import io
import re

import pytest

WHAT = "walk to the post box and back, then round the park if the weather is kind"
PLAN = ("plan", "new", "--what", WHAT, "--how-much", "10 minutes", "--when", "after lunch",
        "--days", "mon,wed,fri", "--confidence", "8")  # fmt: skip


def at(run, columns, *args):
    r = run(*args, env={"COLUMNS": str(columns)} if columns else None)
    assert r.exit_code == 0, r.output
    return r.stdout


def fits(out: str, columns: int) -> None:
    too_long = [line for line in out.splitlines() if len(line) > columns]
    assert not too_long, (columns, too_long)


def words(out: str) -> set[str]:
    return {w.strip(",;()") for w in out.split()}


@pytest.fixture
def two_plans(run):
    water = ("--what", "drink a glass of water", "--how-much", "1 glass", "--when", "before lunch",
             "--times", "5", "--confidence", "9")  # fmt: skip
    assert run(*PLAN).exit_code == 0
    assert run(*PLAN[:2], *water).exit_code == 0


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_a_table_wider_than_the_screen_is_stacked(run, two_plans, columns):
    out = at(run, columns, "plan", "list")
    fits(out, columns)
    assert not re.search(r"^ID +What", out, re.M)  # not the table: it is 123 columns wide
    records = out.split("\n\n")
    assert len(records) == 2, out
    assert re.search(r"^What: +walk to the post box", records[0], re.M), out
    assert re.search(r"^How often: +5 times", records[1], re.M), out
    assert words(WHAT) <= words(out)  # every word whole, on one line or another
    assert {"8/10", "9/10", "2026"} <= words(out)


def test_a_table_that_fits_stays_a_table(run):
    run("agenda", "add", "Sleeping badly")
    out = at(run, 80, "agenda", "list")
    assert re.search(r"^ID +Focus +Challenge +Status +Added$", out, re.M), out
    out = at(run, 40, "agenda", "list")  # 'Agenda' is 52 columns wide
    assert "Challenge: Sleeping badly" in out and "ID:" in out


def test_a_pipe_keeps_lines_whole_unless_columns_is_set(run, two_plans, monkeypatch):
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-25")
    whole = at(run, None, "plan", "list")
    assert re.search(r"^ID +What +How much", whole, re.M)  # a pipe: the table as it is
    out = at(run, None)
    next_line = "Next: Check in for yesterday: smcoach check 2 --date yesterday --done (or --partly"
    assert next_line in out  # one line, as long as it is
    for columns in (60, 80):
        out = at(run, columns)
        fits(out, columns)
        assert next_line not in out
        assert words(next_line) <= words(out)
        assert f"{WHAT}," not in out and words(WHAT) <= words(out)


def test_week_labels_stay_whole(run, two_plans):
    out = at(run, 60, "trends")
    fits(out, 60)
    assert "2026-W48" in words(out)
    assert not re.search(r"2026-$", out, re.M)


def test_plain_output_says_the_days_in_words(run, two_plans, monkeypatch):
    """A screen reader reads '✓' as 'check mark' and '·' not at all: plain output (a pipe,
    NO_COLOR) says what each day is, and so needs no key."""
    run("check", "1", "--done", "--date", "mon")
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-25")
    show = at(run, None, "plan", "show", "1")
    assert "Days        Mon done, Wed no answer yet, Fri still to come" in show
    today = at(run, None)
    assert "  Mon done, Wed no answer yet, Fri still to come\n" in today
    for out in (show, today):
        assert not set("✓✗·○?") & set(out), out
        assert "planned, no answer yet" not in out  # the key to marks not shown


def test_a_colour_terminal_stacks_too(two_plans, monkeypatch):
    """Colour output makes the same choice from the terminal's width."""
    from smcoach.render import Cell, Table, write

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    table = Table(["ID", "What", "How much", "Week"], title="Action plans")
    table.rows.append([Cell("1", "id"), Cell(WHAT), Cell("10 minutes"), Cell("2026-W48")])
    for width, stacked in ((60, True), (120, False)):
        monkeypatch.setenv("COLUMNS", str(width))
        stream = Terminal()
        write([table], stream)
        out = stream.getvalue()
        assert "\x1b[" in out  # in colour
        plain = re.sub("\x1b\\[[0-9;]*m", "", out)
        fits(plain.rstrip(), width)
        assert ("What:" in plain) is stacked, plain
        assert words(WHAT) <= words(plain) and "2026-W48" in words(plain)


def test_a_listed_item_wraps_under_its_own_words():
    from smcoach.render import wrap

    lines = wrap("  - your agenda: the things in your life you want to work on;", 30)
    assert lines[0].startswith("  - your agenda")
    assert all(line.startswith("    ") and not line.startswith("     ") for line in lines[1:])
