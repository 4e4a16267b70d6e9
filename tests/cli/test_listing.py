"""A command group on its own lists its items, as 'git remote' lists remotes; 'smcoach --json'
is today as JSON."""

import json

import pytest

PLAN = ("plan", "new", "--what", "walk to the post box and back", "--how-much", "10 minutes",
        "--when", "after lunch", "--days", "mon,wed,fri", "--confidence", "8")  # fmt: skip


@pytest.fixture
def filled(run):
    for args in [
        ("agenda", "add", "Getting out of breath on the stairs"),
        ("agenda", "add", "Sleeping badly"),
        ("agenda", "focus", "1"),
        ("goal", "add", "Walk to my daughter's house and back", "--agenda", "1"),
        PLAN,
        ("symptoms", "add", "fatigue"),
    ]:
        assert run(*args).exit_code == 0, args


@pytest.mark.parametrize(
    ("group", "shows"),
    [
        ("agenda", "Sleeping badly"),
        ("goal", "Walk to my daughter's house and back"),
        ("plan", "walk to the post box and back"),
        ("symptoms", "fatigue"),
    ],
)
def test_a_group_on_its_own_lists_its_items(run, filled, group, shows):
    alone = run(group)
    assert alone.exit_code == 0, alone.output
    assert shows in alone.stdout and "Usage:" not in alone.output
    assert alone.stdout == run(group, "list").stdout


@pytest.mark.parametrize(
    ("group", "says"),
    [("agenda", "agenda is empty"), ("goal", "No goals yet"), ("plan", "No action plans"),
     ("symptoms", "No symptoms")],
)  # fmt: skip
def test_an_empty_group_says_so_and_how_to_add(run, group, says):
    r = run(group)
    assert r.exit_code == 0, r.output
    assert says in r.stdout


def test_group_help_and_subcommands_still_work(run, filled):
    r = run("agenda", "--help")
    assert r.exit_code == 0 and "On its own, 'smcoach agenda' lists them" in r.output
    assert run("agenda", "list", "--json").exit_code == 0
    assert run("plan", "--help").exit_code == 0


def test_smcoach_json_is_today_as_json(run, filled):
    r = run("--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == json.loads(run("today", "--json").stdout)
    assert json.loads(r.stdout)["focus"]["text"] == "Getting out of breath on the stairs"


def test_smcoach_json_before_another_command_is_one_line(run):
    r = run("--json", "plan", "list")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("Error: ")
    assert "smcoach plan list --json" in r.stderr
