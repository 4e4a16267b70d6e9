"""plan commands and the action-plan coach, through the real CLI (flags only)."""

PLAN = [
    "plan",
    "new",
    "--what",
    "walk round the park",
    "--how-much",
    "15 minutes",
    "--when",
    "after lunch",
]


def test_plan_new_saves_a_confident_plan(run, run_json):
    run("goal", "add", "Walk to the shops")
    r = run(*PLAN, "--days", "fri,mon,wed", "--confidence", "8", "--goal", "1")
    assert r.exit_code == 0, r.output
    assert r.stderr == "Saved action plan 1: Mon 23 Nov 2026 to Sun 29 Nov 2026.\n"  # no findings
    [plan] = run_json("plan", "list")
    assert {
        k: plan[k]
        for k in (
            "id",
            "what",
            "how_much",
            "when",
            "days",
            "times",
            "confidence",
            "first_confidence",
            "kept_low_confidence",
            "goal_id",
            "start",
            "end",
            "status",
            "target",
            "achieved",
            "checkins",
        )
    } == {
        "id": 1,
        "what": "walk round the park",
        "how_much": "15 minutes",
        "when": "after lunch",
        "days": ["mon", "wed", "fri"],
        "times": None,
        "confidence": 8,
        "first_confidence": 8,
        "kept_low_confidence": False,
        "goal_id": 1,
        "start": "2026-11-23",
        "end": "2026-11-29",
        "status": "active",
        "target": 3,
        "achieved": 0,
        "checkins": [],
    }


def test_plan_with_times_and_start(run, run_json):
    r = run(*PLAN, "--times", "3", "--confidence", "9", "--start", "next mon")
    assert r.exit_code == 0
    [plan] = run_json("plan", "list")
    assert (plan["days"], plan["times"], plan["start"], plan["end"]) == (
        None,
        3,
        "2026-11-30",
        "2026-12-06",
    )


def test_low_confidence_is_not_saved_without_keep_anyway(run, run_json):
    r = run(*PLAN, "--days", "mon,wed", "--confidence", "5")
    assert r.exit_code == 1
    assert "Your confidence is 5 out of 10" in r.stderr
    assert r.stderr.splitlines()[-1] == (
        "Not saved yet: confidence 5 is under 7. Make the plan smaller (less, fewer days, "
        "another time) and run it again, or add --keep-anyway to save it as it is"
    )
    assert run_json("plan", "list", "--all") == []

    r = run(*PLAN, "--days", "mon,wed", "--confidence", "5", "--keep-anyway")
    assert r.exit_code == 0
    [plan] = run_json("plan", "list")
    assert (plan["confidence"], plan["kept_low_confidence"]) == (5, True)


def test_keep_anyway_on_a_confident_plan_is_not_recorded_as_low(run, run_json):
    assert run(*PLAN, "--days", "mon", "--confidence", "9", "--keep-anyway").exit_code == 0
    assert run_json("plan", "list")[0]["kept_low_confidence"] is False


def test_coach_findings_are_shown_before_saving(run):
    r = run(
        "plan",
        "new",
        "--what",
        "try to lose 5 pounds",
        "--how-much",
        "a little",
        "--when",
        "every day",
        "--times",
        "7",
        "--confidence",
        "8",
    )
    assert r.exit_code == 0
    lines = r.stderr.splitlines()
    # Each finding names the part of the plan it is about.
    assert lines[0].startswith(
        "Think about (what you will do): That sounds like a result you hope for."
    )
    assert any(
        line.startswith("Think about (what you will do): Words like 'try'") for line in lines
    )
    assert any(line.startswith("Think about (how much): How much, exactly?") for line in lines)
    assert any(
        line.startswith("Think about (how often): Every day leaves no room") for line in lines
    )
    assert lines[-1].startswith("Saved action plan 1")


def test_safety_note_for_medicine_changes(run):
    r = run(
        "plan",
        "new",
        "--what",
        "stop taking my tablets",
        "--how-much",
        "all",
        "--when",
        "mornings",
        "--days",
        "mon",
        "--confidence",
        "9",
    )
    assert "Please note (what you will do): Starting, stopping or changing a medicine" in r.stderr
    assert "smcoach cannot advise on treatment" in r.stderr
    # Not saved until the person says they have agreed it with a professional.
    assert r.exit_code == 1
    assert r.stderr.splitlines()[-1] == (
        "Not saved yet: please agree this plan with your doctor, nurse, pharmacist or "
        "physiotherapist first (see above). If you have, add --agreed to save it"
    )


def test_second_plan_gets_a_note(run):
    run(*PLAN, "--days", "mon", "--confidence", "8")
    r = run(
        "plan",
        "new",
        "--what",
        "call my sister",
        "--how-much",
        "one call",
        "--when",
        "evening",
        "--times",
        "1",
        "--confidence",
        "9",
    )
    assert r.exit_code == 0
    assert "Note: Besides this one, plans you already have this week: 1." in r.stderr


def test_plan_new_bad_input(run, run_json):
    cases = [
        (
            (*PLAN, "--days", "mon", "--confidence", "11"),
            "Error: confidence must be a whole number from 0 to 10, got 11",
        ),
        (
            (*PLAN, "--days", "mon", "--confidence", "high"),
            "Error: confidence must be a whole number from 0 to 10, got high",
        ),
        (
            (*PLAN, "--days", "mon", "--times", "2", "--confidence", "8"),
            "Error: give either --days (e.g. mon,wed,fri) or --times N, not both",
        ),
        (
            (*PLAN, "--times", "9", "--confidence", "8"),
            "Error: --times must be a whole number from 1 to 7, got 9",
        ),
        (
            (*PLAN, "--days", "mon,funday", "--confidence", "8"),
            "Error: 'mon,funday' is not a list of weekdays: use names such as mon,wed,fri",
        ),
        (
            (*PLAN, "--days", "mon", "--confidence", "8", "--goal", "4"),
            "Error: there is no goal with ID 4",
        ),
        (
            (*PLAN, "--days", "mon", "--confidence", "8", "--start", "31/12/2026"),
            "Error: '31/12/2026' is not a date smcoach reads.",
        ),
        (
            (*PLAN, "--confidence", "8"),
            "Error: how often is missing: give --days mon,wed,fri or --times N, or run in a "
            "terminal to be asked",
        ),
        (
            ("plan", "new", "--how-much", "1", "--when", "x", "--days", "mon", "--confidence", "8"),
            "Error: what you will do is missing: give --what, or run in a terminal to be asked",
        ),
        (
            (*PLAN[:4], "--how-much", " ", "--when", "x", "--days", "mon", "--confidence", "8"),
            "Error: how much cannot be empty",
        ),
    ]
    for args, message in cases:
        r = run(*args)
        assert r.exit_code == 1, args
        assert r.stderr.startswith(message), (args, r.stderr)
        assert r.stderr.count("\n") == 1, r.stderr
    assert run_json("plan", "list", "--all") == []


def test_plan_show_list_and_end(run, run_json):
    run(*PLAN, "--days", "mon,wed,fri", "--confidence", "8")
    run("check", "--done", "--note", "lovely morning")
    out = run("plan", "show").stdout
    assert "Action plan 1" in out
    assert "Days        Mon done, Wed still to come, Fri still to come" in out  # plain: words
    assert "1 of 3 done" in out and "lovely morning" in out
    assert run_json("plan", "show", "1")["checkins"] == [
        {"day": "2026-11-23", "status": "done", "note": "lovely morning"}
    ]

    assert run("plan", "end", "1").stderr == "Plan 1 ended.\n"
    assert run_json("plan", "list") == []
    assert [p["status"] for p in run_json("plan", "list", "--all")] == ["ended"]
    r = run("plan", "end", "1")
    assert (r.exit_code, r.stderr) == (1, "Error: plan 1 has already ended\n")
    r = run("plan", "show")
    assert (r.exit_code, r.stderr) == (
        1,
        "Error: there is no current action plan: make one with 'smcoach plan new'\n",
    )
    r = run("plan", "show", "8")
    assert (r.exit_code, r.stderr) == (1, "Error: there is no action plan with ID 8\n")


def test_plan_show_records_resizing(run, monkeypatch):
    run(*PLAN, "--days", "mon", "--confidence", "6", "--keep-anyway")
    out = run("plan", "show", "1").stdout
    assert "6/10 (kept below 7 on purpose)" in out


def test_created_at_follows_smcoach_today(run, run_json):
    # demonstrations pin the day: the records' times agree with it
    r = run("plan", "new", "--what", "walk", "--how-much", "5 minutes", "--when", "noon",
            "--days", "mon", "--confidence", "8")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert run_json("plan", "show", "1")["created_at"].startswith("2026-11-23T")
