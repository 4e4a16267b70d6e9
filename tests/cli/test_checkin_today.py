"""check-ins and the today view, through the real CLI."""

PLAN = [
    "plan",
    "new",
    "--what",
    "walk",
    "--how-much",
    "10 minutes",
    "--when",
    "morning",
    "--confidence",
    "8",
]


def checkins(run_json, plan_id=1):
    return [
        (c["day"], c["status"], c["note"])
        for c in run_json("plan", "show", str(plan_id))["checkins"]
    ]


def test_check_in_and_replace(run, run_json):
    run(*PLAN, "--days", "mon,tue,wed", "--start", "2026-11-23")
    r = run("check", "--partly", "--note", "only 5 minutes")
    assert (r.exit_code, r.stderr) == (0, "Checked in for Mon 23 Nov: partly done.\n")
    r = run("check", "--done")
    assert r.stderr.startswith("Checked in for Mon 23 Nov: done (replaces partly done).\n")
    assert checkins(run_json) == [("2026-11-23", "done", "only 5 minutes")]  # the note stays


def test_check_in_for_another_day_and_rest(run, run_json, monkeypatch):
    run(*PLAN, "--days", "mon,tue,wed", "--start", "2026-11-23")
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-25")
    assert run("check", "1", "--rest", "--date", "yesterday", "--note", "flare-up").exit_code == 0
    assert run("check", "--not", "--date", "mon").exit_code == 0
    assert checkins(run_json) == [("2026-11-23", "not", None), ("2026-11-24", "rest", "flare-up")]
    plan = run_json("plan", "show", "1")
    assert plan["achieved"] == 0


def test_check_in_errors(run, run_json, monkeypatch):
    r = run("check", "--done")
    assert (r.exit_code, r.stderr) == (
        1,
        "Error: there is no current action plan: make one with 'smcoach plan new'\n",
    )
    run(*PLAN, "--days", "mon,wed", "--start", "2026-11-23")
    cases = [
        (("check", "--done", "--not"), "Error: choose one of --done, --partly, --not or --rest"),
        (
            ("check",),
            "Error: say how it went: add --done, --partly, --not or --rest "
            "(and --date DAY for another day)",
        ),
        (
            ("check", "--done", "--date", "tomorrow"),
            "Error: Tue 24 Nov 2026 has not happened yet: check in on the day or after",
        ),
        (
            ("check", "1", "--done", "--date", "yesterday"),
            "Error: Sun 22 Nov 2026 is outside plan 1's week (Mon 23 Nov 2026 to Sun 29 Nov 2026)",
        ),
        (("check", "2", "--done"), "Error: there is no action plan with ID 2"),
        (("check", "--done", "--date", "11/23/2026"), "Error: '11/23/2026' is not a date"),
    ]
    for args, message in cases:
        r = run(*args)
        assert r.exit_code == 1, args
        assert r.stderr.startswith(message), (args, r.stderr)
        assert r.stderr.count("\n") == 1
    assert checkins(run_json) == []


def test_two_current_plans_need_an_id(run, run_json):
    run(*PLAN, "--days", "mon")
    run(
        "plan",
        "new",
        "--what",
        "read",
        "--how-much",
        "a chapter",
        "--when",
        "bedtime",
        "--times",
        "2",
        "--confidence",
        "9",
    )
    r = run("check", "--done")
    assert (r.exit_code, r.stderr) == (
        1,
        "Error: you have 2 current plans (1, 2): say which, e.g. 'smcoach check 1 --done'\n",
    )
    assert run("check", "2", "--done").exit_code == 0
    assert checkins(run_json, 2) == [("2026-11-23", "done", None)]


def test_note_with_markup_and_escapes_is_stored_exactly_and_shown_literally(run, run_json):
    run(*PLAN, "--days", "mon")
    note = "[bold red]sore[/] \x1b[31mknee\x07"
    run("check", "--done", "--note", note)
    assert checkins(run_json)[0][2] == note
    out = run("plan", "show").stdout
    assert "[bold red]sore[/] \\x1b[31mknee\\x07" in out
    assert "\x1b" not in out and "\x07" not in out


def test_today_empty(run, run_json):
    r = run()
    assert r.exit_code == 0
    assert r.stdout.splitlines()[:2] == [
        "Today is Monday 23 November 2026",
        "Focus: none chosen yet",
    ]
    assert "Next: Start your agenda" in r.stdout
    data = run_json("today")
    assert data["today"] == "2026-11-23" and data["focus"] is None and data["plans"] == []
    assert [n["code"] for n in data["next"]] == ["add_agenda", "new_plan", "selfcheck_due"]


def test_today_with_a_plan_suggests_checking_in_for_yesterday(run, run_json, monkeypatch):
    run("agenda", "add", "Breathless on stairs")
    run("agenda", "focus", "1")
    run(*PLAN, "--days", "mon,tue,thu", "--start", "2026-11-23")
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-25")
    run("check", "--done", "--date", "mon")
    out = run().stdout
    assert "Focus: Breathless on stairs" in out
    assert "  Mon done, Tue no answer yet, Thu still to come\n" in out  # plain output: words
    assert "Next: Check in for yesterday: smcoach check 1 --date yesterday --done" in out
    data = run_json("today")
    assert data["focus"]["text"] == "Breathless on stairs"
    assert [p["id"] for p in data["plans"]] == [1]
    assert data["next"][0]["code"] == "check_yesterday"


def test_today_at_the_end_of_the_week(run, run_json, monkeypatch):
    run(*PLAN, "--days", "mon", "--start", "2026-11-23")
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-28")
    assert [n["code"] for n in run_json("today")["next"]] == ["ends_tomorrow", "selfcheck_due"]
    monkeypatch.setenv("SMCOACH_TODAY", "2026-11-30")
    codes = [n["code"] for n in run_json("today")["next"]]
    assert codes[0] == "week_over" and "new_plan" in codes


def test_checking_in_again_keeps_the_note_unless_a_new_one_is_given(run, run_json):
    """Issue 10: checking in again the same day dropped the earlier note."""
    run("plan", "new", "--what", "walk", "--how-much", "10 minutes", "--when", "after lunch",
        "--days", "mon,wed,fri", "--confidence", "8")  # fmt: skip
    run("check", "--partly", "--note", "knee sore, stopped at the corner")
    r = run("check", "--done")
    assert r.stderr == (
        "Checked in for Mon 23 Nov: done (replaces partly done).\n"
        "Your note for that day is kept: knee sore, stopped at the corner\n"
    )
    assert run_json("plan", "show")["checkins"][0]["note"] == "knee sore, stopped at the corner"
    r = run("check", "--done", "--note", "went back out later")
    assert "which was: knee sore, stopped at the corner" in r.stderr
    assert run_json("plan", "show")["checkins"][0]["note"] == "went back out later"


def test_plain_smcoach_on_a_first_run_shows_today_without_making_the_file(run, isolated):
    assert not isolated.exists()
    for args in ((), ("today",), ("--json",)):
        r = run(*args)
        assert r.exit_code == 0, r.output
        assert not isolated.exists() and not isolated.parent.exists()
    r = run()
    assert "Nothing is recorded yet." in r.stderr
    assert "Next: Start your agenda" in r.stdout
    assert run("--json").stdout.startswith("{")


def test_views_on_a_first_run_make_no_file(run, isolated):
    """Looking is not saving: the lists and trends on a new path show that there is nothing
    yet, and no file (or folder) is made until something is saved."""
    views = [["agenda"], ["agenda", "list", "--json"], ["plan"], ["plan", "list", "--all"],
             ["plan", "list", "--json"], ["symptoms"], ["trends"],
             ["trends", "--json"]]  # fmt: skip
    for args in views:
        r = run(*args)
        assert r.exit_code == 0, (args, r.output)
        assert not isolated.exists() and not isolated.parent.exists(), args
    assert "No action plans" in run("plan").stdout
    assert run("plan", "list", "--json").stdout == "[]\n"
    assert run("agenda", "add", "Stairs").exit_code == 0 and isolated.exists()  # saving makes it
