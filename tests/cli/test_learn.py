"""smcoach learn through the real CLI: the list, a topic shown plain in a pipe, search, a
service's own topics; and the pointers to the library after saving an agenda item, a goal, a
plan, and in problem-solving step 2."""

import json
import re
from pathlib import Path

import pytest

import smcoach.cli.library_hints
from smcoach import content

FATIGUE_TITLE = "Fatigue: when you feel tired all the time"
TOPICS = Path(__file__).resolve().parents[2] / "content" / "topics" / "en"


@pytest.fixture(autouse=True)
def fresh_topics():
    """Each test reads the topics afresh, as each run of smcoach does."""
    content._topics.cache_clear()
    yield
    content._topics.cache_clear()


@pytest.fixture
def person(monkeypatch: pytest.MonkeyPatch) -> None:
    """Someone at a terminal: the pointers after saving are for them."""
    monkeypatch.setattr(smcoach.cli.library_hints, "interactive", lambda: True)


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A service's content folder holding topics (and no question cards)."""
    folder = tmp_path / "service"
    (folder / "topics" / "en").mkdir(parents=True)
    monkeypatch.setenv("SMCOACH_CONTENT", str(folder))
    return folder / "topics" / "en"


def service_topic(topic_id: str, title: str, body: str) -> str:
    return (
        f'+++\nid = "{topic_id}"\ntitle = "{title}"\ntags = ["allotment", "digging"]\n'
        'summary = "Growing food with a long-term condition."\n'
        'sources = ["Our service. Allotment sessions (leaflet)."]\nreviewed = 2026-10-01\n'
        f"+++\n\n{body}"
    )


# --- the list ---------------------------------------------------------------------------------


def test_lists_every_topic_with_its_id_and_summary(run) -> None:
    r = run("learn")
    assert r.exit_code == 0 and r.stderr == ""
    lines = r.stdout.splitlines()
    assert lines[0] == "Topics to read (16). Open one with: smcoach learn ID"
    assert f"{FATIGUE_TITLE} (fatigue)" in lines
    assert "Sleeping better (sleep)" in lines
    i = lines.index("Being active (being-active)")
    assert lines[i + 1] == "  Why moving more helps, and how to start small and build up safely."
    assert "\x1b" not in r.stdout


def test_lists_as_json(run_json) -> None:
    listed = run_json("learn")
    assert len(listed) == 16
    assert listed[0] == {
        "id": "action-plans",
        "title": "Making an action plan",
        "summary": "How to make a small, specific plan for this week that you feel sure you "
        "can do.",
        "tags": ["plan", "planning", "goal", "target", "habit", "routine", "motivation",
                 "motivated", "aim", "promise"],
        "reviewed": "2026-11-30",
    }  # fmt: skip
    assert [t["id"] for t in listed] == sorted(t["id"] for t in listed)


# --- one topic --------------------------------------------------------------------------------


def test_shows_a_topic_plain_in_a_pipe(run) -> None:
    r = run("learn", "fatigue")
    assert r.exit_code == 0 and r.stderr == ""
    out = r.stdout
    lines = out.splitlines()
    assert lines[:2] == [
        FATIGUE_TITLE.upper(),
        "Why long-term conditions can make you tired, and ways to make the most of the "
        "energy you have.",
    ]
    assert "WHY IT HAPPENS" in lines  # headings in capitals: not marked by colour alone
    # Markdown's markers are gone; links read as commands to type.
    assert "\x1b" not in out and "**" not in out and "`" not in out and "](" not in out
    assert "See the symptom cycle (smcoach learn symptom-cycle) for how tiredness" in out
    assert "Look after your sleep (smcoach learn sleep)." in out
    assert "Pace. Break big jobs into smaller parts" in out  # **Pace.** made plain
    assert "run 'smcoach help-now' to see the numbers" in out  # `code` quoted
    assert "- poor sleep;" in lines
    # Related topics, sources and the review date come at the end.
    assert "- Sleeping better (smcoach learn sleep)" in lines
    sources = lines.index("SOURCES")
    assert lines[sources + 2].startswith("- Lorig K, Holman H, Sobel D")
    assert lines[-1] == "Last reviewed: Mon 30 Nov 2026"
    # A pipe keeps each paragraph on one line, as every smcoach view does.
    assert any(len(line) > 200 for line in lines)


def test_wraps_between_words_with_hanging_lists(run) -> None:
    r = run("learn", "making-decisions", env={"COLUMNS": "60"})
    assert r.exit_code == 0
    lines = r.stdout.splitlines()
    assert max(len(line) for line in lines) <= 60
    first = next(n for n, line in enumerate(lines) if line.startswith("1. "))
    assert lines[first + 1].startswith("   ") and not lines[first + 1].startswith("    ")
    item = next(n for n, line in enumerate(lines) if line.startswith("- Lorig"))
    assert lines[item + 1].startswith("  ") and lines[item + 1][2] != " "
    words = " ".join(" ".join(lines).split())
    assert "Talk it over with people you trust." in words  # no word was split


def test_shows_json(run_json) -> None:
    topic = run_json("learn", "sleep")
    assert topic["id"] == "sleep" and topic["title"] == "Sleeping better"
    assert topic["body"].startswith("## ") and "sleep" in topic["tags"]
    assert topic["reviewed"] == "2026-11-30" and topic["sources"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("fatige", "there is no topic 'fatige'. Did you mean: fatigue? ('smcoach learn' lists "
                   "them all)"),
        ("sle", "there is no topic 'sle'. Did you mean: sleep? ('smcoach learn' lists them all)"),
        ("tired", "there is no topic 'tired'. Did you mean: fatigue? ('smcoach learn' lists "
                  "them all)"),
        ("zzz", "there is no topic 'zzz': 'smcoach learn' lists them all, and 'smcoach learn "
                "--search WORDS' looks for words in them"),
        ("a\x1b[2Jb", "there is no topic 'a\\x1b[2Jb': 'smcoach learn' lists them all, and "
                      "'smcoach learn --search WORDS' looks for words in them"),
    ],
)  # fmt: skip
def test_an_unknown_topic_is_one_line_with_close_ids(run, name: str, message: str) -> None:
    r = run("learn", name)
    assert (r.exit_code, r.stdout, r.stderr) == (1, "", f"Error: {message}\n")


def test_an_id_in_capitals_is_read(run) -> None:
    assert run("learn", "Fatigue").stdout == run("learn", "fatigue").stdout


def test_two_words_without_search_is_one_line(run) -> None:
    r = run("learn", "knee", "pain")
    assert r.exit_code == 1
    assert r.stderr == (
        "Error: give one topic's ID, such as 'smcoach learn fatigue'; to look for words in "
        "the topics, add --search, as in: smcoach learn --search knee pain\n"
    )


# --- search -----------------------------------------------------------------------------------


def found_ids(stdout: str) -> list[str]:
    return re.findall(r"^\S.* \(([a-z-]+)\)$", stdout, flags=re.M)


def test_search_finds_a_word_only_the_body_has(run) -> None:
    # "laziness" is in the body of the fatigue topic only: not its title, tags or summary.
    fatigue = (TOPICS / "fatigue.md").read_text("utf-8")
    front, body = fatigue.split("+++")[1:3]
    assert "laziness" not in front and "laziness" in body
    r = run("learn", "--search", "laziness")
    assert r.exit_code == 0 and r.stderr == ""
    assert found_ids(r.stdout) == ["fatigue"]
    assert r.stdout.splitlines()[0] == "Topics that mention 'laziness', the closest first:"
    assert "It is not laziness, and it is not your fault." in r.stdout  # where it matched


def test_search_ranks_a_title_match_first(run) -> None:
    r = run("learn", "--search", "sleep")
    ids = found_ids(r.stdout)
    assert ids[0] == "sleep"  # "Sleeping better", though most topics mention sleep
    assert len(ids) > 5
    ids = found_ids(run("learn", "--search", "medicines").stdout)
    assert ids[0] == "medicines" and "working-with-professionals" in ids


def test_search_takes_several_words_and_widens_if_none_has_all(run, run_json) -> None:
    r = run("learn", "--search", "tired", "energy")
    assert found_ids(r.stdout)[0] == "fatigue"
    r = run("learn", "--search", "knee zebra")
    assert r.stdout.startswith("No topic has all the words 'knee zebra'; these have some")
    assert found_ids(r.stdout)
    found = run_json("learn", "--search", "knee", "zebra")
    assert found["words"] == "knee zebra" and found["every_word"] is False
    assert set(found["topics"][0]) == {"id", "title", "summary", "snippet"}


def test_search_with_nothing_found(run) -> None:
    r = run("learn", "--search", "zebra")
    assert (r.exit_code, r.stdout) == (0, "No topic mentions 'zebra'. 'smcoach learn' lists "
                                           "them all.\n")  # fmt: skip


@pytest.mark.parametrize("words", [[], ["--", "*"], ['"'], ["(", ")", "-"]])
def test_search_with_no_words_is_one_line(run, words: list[str]) -> None:
    r = run("learn", "--search", *words)
    assert (r.exit_code, r.stderr) == (
        1,
        "Error: give the words to look for, as in: smcoach learn --search sleep\n",
    )


@pytest.mark.parametrize("words", ["a OR", "-x", "sleep*", "x" * 5000, "日本語", "a:b c"])
def test_search_with_hostile_words_never_fails(run, words: str) -> None:
    r = run("learn", "--search", "--", words)  # "--": "-x" is words, not an option
    assert r.exit_code == 0 and r.stderr == "", r.output


def test_search_words_that_call_for_help_show_it_first(run) -> None:
    r = run("learn", "--search", "I keep thinking about killing myself")
    assert r.exit_code == 0
    assert "If you are thinking about suicide or harming yourself" in r.stderr
    assert "killing" not in r.stderr  # the words are not repeated back


def test_search_keeps_its_index_out_of_the_persons_data(run, tmp_path: Path) -> None:
    run("learn", "--search", "sleep")
    assert (tmp_path / "cache" / "library-en.sqlite3").is_file()
    assert not (tmp_path / "data").exists()  # no database was made for reading


# --- a service's own topics -------------------------------------------------------------------


def test_a_service_adds_and_replaces_topics(run, run_json, service: Path) -> None:
    (service / "allotment.md").write_text(
        service_topic("allotment", "Allotments", "## Growing\n\nDigging a little at a time.\n")
    )
    fatigue = (TOPICS / "fatigue.md").read_text("utf-8")
    (service / "fatigue.md").write_text(
        fatigue.replace(FATIGUE_TITLE, "Tiredness, as our clinic sees it")
    )
    listed = {t["id"]: t["title"] for t in run_json("learn")}
    assert len(listed) == 17
    assert listed["allotment"] == "Allotments"
    assert listed["fatigue"] == "Tiredness, as our clinic sees it"
    assert run("learn", "allotment").stdout.startswith("ALLOTMENTS\n")
    assert found_ids(run("learn", "--search", "digging").stdout) == ["allotment"]
    # --content names the folder as well as $SMCOACH_CONTENT does.
    r = run(
        "--content", str(service.parent.parent), "learn", "fatigue", env={"SMCOACH_CONTENT": ""}
    )
    assert r.stdout.startswith("TIREDNESS, AS OUR CLINIC SEES IT\n")


def test_a_malformed_service_topic_is_one_line_naming_it(run, service: Path) -> None:
    (service / "bad.md").write_text("## No front matter\n\nText.\n")
    for args in (["learn"], ["learn", "sleep"], ["learn", "--search", "sleep"]):
        r = run(*args)
        assert (r.exit_code, r.stdout) == (1, ""), args
        assert r.stderr == (
            f"Error: the topic file {service / 'bad.md'} is not right: the file must start "
            "with front matter: a line +++\n"
        )


def test_a_service_topic_cannot_restyle_the_terminal(run, service: Path) -> None:
    body = "## Growing\n\nDig \x1b[31mred\x1b[0m and [x](https://e.org/\x1b[2J).\n"
    (service / "allotment.md").write_text(service_topic("allotment", "Allotments", body))
    out = run("learn", "allotment").stdout
    assert "\x1b" not in out and "Dig \\x1b[31mred\\x1b[0m" in out


# --- pointers after saving --------------------------------------------------------------------

TO_READ_FATIGUE = f"To read: {FATIGUE_TITLE} (smcoach learn fatigue)"
TO_READ_ACTIVE = "To read: Being active (smcoach learn being-active)"


def test_after_an_agenda_item(run, person) -> None:
    r = run("agenda", "add", "I get so tired by mid-afternoon")
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr == f"Added agenda item 1.\n{TO_READ_FATIGUE}\n"


def test_at_most_two_after_an_agenda_item(run, person) -> None:
    r = run("agenda", "add", "my knee pain stops me sleeping, and I am tired of walking")
    pointers = [line for line in r.stderr.splitlines() if line.startswith("To read:")]
    assert len(pointers) == 2


def test_after_a_goal(run, person) -> None:
    r = run("goal", "add", "Walk to my daughter's house")
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr == f"Added goal 1.\n{TO_READ_ACTIVE}\n"


def test_after_a_plan(run, person) -> None:
    r = run("plan", "new", "--what", "walk round the park", "--how-much", "15 minutes",
            "--when", "after lunch", "--days", "mon,wed,fri", "--confidence", "8")  # fmt: skip
    assert r.exit_code == 0 and r.stdout == ""
    assert r.stderr.endswith(f"{TO_READ_ACTIVE}\n")
    assert r.stderr.index("Saved action plan 1") < r.stderr.index("To read:")


def test_none_for_words_that_match_nothing(run, person) -> None:
    r = run("agenda", "add", "Go to my grandson's wedding")
    assert r.stderr == "Added agenda item 1.\n"


def test_none_for_scripts(run) -> None:
    """Not at a terminal (a script, an answers file): no pointers, so output stays as it was."""
    r = run("agenda", "add", "I get so tired by mid-afternoon")
    assert r.stderr == "Added agenda item 1.\n"


def test_none_beside_words_that_call_for_help_now(run, person) -> None:
    r = run("agenda", "add", "I am so tired I keep thinking about killing myself")
    assert r.exit_code == 0
    assert "If you are thinking about suicide or harming yourself" in r.stderr
    assert "To read" not in r.stderr and "smcoach learn" not in r.stderr


def test_pointers_never_reach_stdout_or_json(run, run_json, person) -> None:
    r = run("goal", "add", "Sleep through the night")
    assert r.stdout == "" and "To read: Sleeping better (smcoach learn sleep)" in r.stderr
    assert [g["text"] for g in run_json("goal", "list")] == ["Sleep through the night"]
    r = run("goal", "list", "--json")
    assert "To read" not in r.output


SESSION = """
[agenda]
add = ["Getting out of breath on the stairs"]
focus = "1"

[goal]
text = "Walk to my daughter's house and back"
by = "2027-03-01"

[plan]
what = "walk to the post box and back"
how_much = "10 minutes"
when = "after lunch"
how_often = "mon,wed,fri"
confidence = "8"
"""


def test_a_session_points_to_a_topic_once(run, answers, person) -> None:
    """The goal and the plan both match 'being active': pointed to once, after the goal."""
    r = run("session", "--answers", answers(SESSION))
    assert r.exit_code == 0, r.output
    assert r.stderr.count("To read:") == 1
    assert r.stderr.index("Added goal 1.") < r.stderr.index(TO_READ_ACTIVE)


# --- problem-solving step 2 -------------------------------------------------------------------

READ_MORE_PAIN = "Read more: Living with pain (smcoach learn pain)"
PROBLEM = """
[solve]
problem = "My back aches after I hoover the stairs"
kind = "pain"
ideas = ["take a hot water bottle to bed"]
suggestions = ""
choice = "1"
make_plan = "n"
"""


def test_problem_solving_offers_a_topic_with_the_ideas(run, answers) -> None:
    r = run("solve", "--answers", answers(PROBLEM))
    assert r.exit_code == 0, r.output
    assert r.stderr.count(READ_MORE_PAIN) == 1
    # Beside the ideas: after the step's heading, before the suggested ideas.
    assert r.stderr.index("Step 2 of 7: list ideas.") < r.stderr.index(READ_MORE_PAIN)
    assert r.stderr.index(READ_MORE_PAIN) < r.stderr.index("Some ideas other people")
    assert "To read" not in r.stderr  # the pointers after saving are for a terminal


def test_problem_solving_uses_the_kind_of_problem(run, answers) -> None:
    text = PROBLEM.replace("My back aches after I hoover the stairs", "Hoovering the stairs")
    r = run("solve", "--answers", answers(text.replace('kind = "pain"', 'kind = "fatigue"')))
    assert r.exit_code == 0, r.output
    assert f"Read more: {FATIGUE_TITLE} (smcoach learn fatigue)" in r.stderr


def test_problem_solving_offers_none_beside_words_that_call_for_help(run, answers) -> None:
    text = PROBLEM.replace('["take a hot water bottle to bed"]',
                           '["take all my pain pills at once and end it"]')  # fmt: skip
    r = run("solve", "--answers", answers(text))
    assert "Read more" not in r.stderr


def test_a_broken_library_never_stops_a_save(run, person, service: Path) -> None:
    (service / "bad.md").write_text("no front matter")
    r = run("agenda", "add", "I get so tired by mid-afternoon")
    assert (r.exit_code, r.stderr) == (0, "Added agenda item 1.\n")
    assert json.loads(run("agenda", "list", "--json").stdout)[0]["id"] == 1
