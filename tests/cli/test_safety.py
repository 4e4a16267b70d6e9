"""Safety through the real CLI: getting help now, screening what people type, plans that
need a professional's agreement, and the symptom rating note."""

import json
import sqlite3
from pathlib import Path

import pytest

NOT_FOR_EMERGENCIES = "Not for emergencies: smcoach help-now"
SIGNPOST_CRISIS = (
    "If you are thinking about suicide or harming yourself, please talk to someone now."
)
SIGNPOST_URGENT = "If you have chest pain, trouble breathing, signs of a stroke"
PLAN = ("plan", "new", "--how-much", "15 minutes", "--when", "after lunch", "--days", "mon,wed")


# --- smcoach help-now and smcoach settings -----------------------------------------------------


def test_help_now_for_a_country_set_in_settings(run):
    assert run("settings", "country", "gb").exit_code == 0
    r = run("help-now")
    assert r.exit_code == 0
    out = r.stdout
    assert out.startswith("Getting help now in the United Kingdom (GB)\n")
    assert "smcoach is not for emergencies" in out
    assert "Emergency, when a life may be at risk: call 999 (or 112) now." in out
    assert "NHS 111: call 111 (free, day or night)" in out
    assert "Samaritans: call 116 123 (free, day or night)" in out
    assert "Shout: text SHOUT to 85258 (free, day or night)" in out
    assert "Country GB, from your settings." in out


@pytest.mark.parametrize(
    ("env", "number", "source"),
    [
        ({"SMCOACH_COUNTRY": "us"}, "call 911 now", "from SMCOACH_COUNTRY"),
        ({"LANG": "en_AU.UTF-8"}, "call 000 now", "from your locale (en_AU.UTF-8)"),
        ({"LC_ALL": "es_ES.UTF-8", "LANG": "en_GB.UTF-8"}, "call 112 now", "(es_ES.UTF-8)"),
        ({"LANG": "en_NZ.UTF-8"}, "call 111 now", "en_NZ"),
        ({"LANG": "en_IE.UTF-8"}, "call 112 (or 999) now", "en_IE"),
        ({"LANG": "en_CA.UTF-8"}, "call 911 now", "en_CA"),
        ({"LANG": "es_MX.UTF-8"}, "call 911 now", "es_MX"),
    ],
)
def test_help_now_by_env_and_locale(run, env, number, source):
    # in English: a Spanish locale would speak Spanish (tests/cli/test_language.py)
    r = run("help-now", env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "", "SMCOACH_LANG": "en",
                             **env})  # fmt: skip
    assert r.exit_code == 0
    assert number in r.stdout and source in r.stdout


def test_the_setting_wins_over_env_and_locale(run):
    run("settings", "country", "NZ")
    r = run("help-now", env={"SMCOACH_COUNTRY": "US", "LANG": "en_GB.UTF-8"})
    assert "call 111 now" in r.stdout and "1737" in r.stdout


def test_help_now_for_an_unknown_country_and_for_none(run):
    r = run("help-now", env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "fr_FR.UTF-8"})
    assert "call your local emergency number now" in r.stdout
    assert "smcoach has no help lines for FR yet." in r.stdout
    assert "findahelpline.com" in r.stdout
    r = run("help-now", env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C"})
    assert "call your local emergency number now" in r.stdout
    assert "smcoach does not know your country" in r.stdout


def test_help_now_creates_no_file_and_works_on_a_damaged_one(run, isolated: Path):
    assert run("help-now").exit_code == 0
    assert not isolated.exists()
    isolated.parent.mkdir(parents=True, exist_ok=True)
    isolated.write_bytes(b"not a database at all")
    r = run("help-now", env={"LANG": "en_GB.UTF-8"})
    assert r.exit_code == 0 and "call 999 (or 112) now" in r.stdout


def test_settings_show_set_and_unset(run):
    r = run("settings", env={"LANG": "en_GB.UTF-8"})
    assert r.exit_code == 0 and "Country   GB     your locale (en_GB.UTF-8)" in r.stdout
    r = run("settings", "country", "uk")
    assert r.stderr == (
        "Your country is now GB: smcoach help-now shows the lines for the United Kingdom.\n"
    )
    assert json.loads(run("settings", "--json").stdout)["country"] == {
        "value": "GB",
        "from": "setting",
    }
    r = run("settings", "country", "FR")
    assert "smcoach has no help lines for it yet" in r.stderr
    assert run("settings", "country", "--unset").exit_code == 0
    assert json.loads(run("settings", "--json", env={"LANG": "C", "LC_ALL": ""}).stdout) == {
        "country": {"value": None, "from": "none"},
        "lang": {"value": "en", "from": "locale"},
    }


@pytest.mark.parametrize("bad", ["Britain", "G", "12"])
def test_a_bad_country_is_one_line(run, bad):
    r = run("settings", "country", bad)
    assert r.exit_code == 1
    assert (
        r.stderr.startswith("Error: a country is its two-letter code") and r.stderr.count("\n") == 1
    )


def test_not_for_emergencies_is_always_in_view(run, tmp_path):
    assert NOT_FOR_EMERGENCIES in run().stdout
    assert NOT_FOR_EMERGENCIES in run("--help").stdout
    answers = tmp_path / "first.toml"
    answers.write_text('[intro]\nready = ""\n[agenda]\nadd = []\n')
    r = run("session", "--answers", str(answers))
    assert NOT_FOR_EMERGENCIES in r.stderr  # the first session's introduction
    # Said in code, not in the cards: a service's own cards cannot drop it.
    own = tmp_path / "own" / "cards"
    own.mkdir(parents=True)
    (own / "en.toml").write_text('[session]\nintro = "Hello."\n')
    r = run("--db", str(tmp_path / "three.db"), "--content", str(tmp_path / "own"), "session",
            "--answers", str(answers))  # fmt: skip
    assert "Hello." in r.stderr and NOT_FOR_EMERGENCIES in r.stderr
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert NOT_FOR_EMERGENCIES in "\n".join(readme.splitlines()[:8])


# --- screening what people type ----------------------------------------------------------------


def test_a_crisis_agenda_item_is_signposted_and_saved_exactly(run, run_json):
    text = "I keep thinking about killing myself  \u2019"
    r = run("agenda", "add", text, env={"LANG": "en_GB.UTF-8"})
    assert r.exit_code == 0
    assert SIGNPOST_CRISIS in r.stderr
    assert "Samaritans: call 116 123" in r.stderr
    assert "killing" not in r.stdout  # help goes to stderr; stdout stays data
    assert r.stderr.rstrip().endswith("Added agenda item 1.")
    assert run_json("agenda", "list")[0]["text"] == text


def test_an_urgent_check_in_note_is_signposted_and_kept(run, run_json):
    assert run(*PLAN, "--what", "walk round the park", "--confidence", "8").exit_code == 0
    note = "had crushing chest pain on the walk, still have it and my left arm is numb"
    r = run("check", "--done", "--note", note, env={"LANG": "en_US.UTF-8"})
    assert r.exit_code == 0
    assert SIGNPOST_URGENT in r.stderr and "call 911 now" in r.stderr
    assert "988" not in r.stderr  # the lines that fit: urgent, not crisis
    assert run_json("plan", "show")["checkins"][0]["note"] == note


def test_signposting_is_shown_once_a_command_for_each_kind_of_help(run, tmp_path):
    r = run("goal", "add", "I want to die. I can't breathe", env={"LANG": "en_GB.UTF-8"})
    assert r.stderr.count("smcoach help-now shows this again") == 1
    assert "Samaritans" in r.stderr and "If you have chest pain" in r.stderr
    # urgent first, then crisis words later in the same command: the crisis lines still show
    answers = tmp_path / "s.toml"
    answers.write_text('[intro]\nready = ""\n[agenda]\nadd = ["struggling to breathe all week", '
                       '"I want to die"]\nfocus = "1"\n[session]\ncarry_on = "no"\n')  # fmt: skip
    r = run("session", "--answers", str(answers), env={"LANG": "en_GB.UTF-8", "LC_ALL": ""})
    assert r.stderr.count("Samaritans") == 1 and r.stderr.count("If you have chest pain") == 1


@pytest.mark.parametrize(
    ("args", "text"),
    [
        (("agenda", "add"), "chest infection, saw GP"),
        (("agenda", "add"), "pain in my knee at night"),
        (("goal", "add"), "dying to get back to bowls"),
        (("symptoms", "add"), "knee pain"),
    ],
)
def test_look_alikes_are_not_signposted(run, args, text):
    r = run(*args, text)
    assert r.exit_code == 0 and "help-now shows this again" not in r.stderr


def test_a_symptom_name_is_screened(run):
    r = run("symptoms", "add", "crushing chest pain")
    assert r.exit_code == 0 and SIGNPOST_URGENT in r.stderr


def test_answers_files_are_screened_and_a_problem_idea_is_not_encouraged(run, run_json, tmp_path):
    answers = tmp_path / "solve.toml"
    answers.write_text(
        '[solve]\nproblem = "I cannot sleep for the pain in my back and it gets me down"\n'
        'kind = "pain"\nideas = ["take all my sleeping tablets"]\nsuggestions = ""\n'
        'choice = "1"\nresource = "my GP"\nmake_plan = "n"\n'
    )
    r = run("solve", "--answers", str(answers))
    assert r.exit_code == 0, r.output
    assert SIGNPOST_CRISIS in r.stderr or "If you have taken too much" in r.stderr
    # Not encouraged: step 6 instead, where asking the GP is the idea to try.
    assert r.stderr.count("Give it a go") == 1
    assert r.stderr.index("smcoach won't suggest it as something to try") < r.stderr.index(
        "Give it a go"
    )
    assert "Step 6 of 7: use other resources." in r.stderr
    [problem] = run_json("solve", "list")
    assert [i["text"] for i in problem["ideas"]] == ["take all my sleeping tablets", "my GP"]
    assert [a["idea"] for a in problem["attempts"]] == ["my GP"]  # step 6, not the idea


def test_a_crisis_problem_gets_no_coaching_on_its_wording(run, tmp_path):
    answers = tmp_path / "solve.toml"
    answers.write_text('[solve]\nproblem = "want to die"\nkind = "mood"\nideas = []\n')
    r = run("solve", "--answers", str(answers))
    assert SIGNPOST_CRISIS in r.stderr
    assert "Naming the problem is often the hardest step" not in r.stderr


# --- plans that need a professional's agreement, and plans that are not plans -----------------


@pytest.mark.parametrize(
    "what",
    [
        "stop taking my statins",
        "take an extra puff of my blue inhaler before walks",
        "fast until dinner",
        "start running again after my heart attack",
    ],
)
def test_a_safety_plan_is_refused_with_flags_until_agreed(run, run_json, what):
    r = run(*PLAN, "--what", what, "--confidence", "8")
    assert r.exit_code == 1
    assert "Please note (" in r.stderr
    assert r.stderr.splitlines()[-1].startswith("Not saved yet: please agree this plan with")
    assert run_json("plan", "list") == []
    # --keep-anyway keeps a low confidence; it does not say a professional agreed.
    assert run(*PLAN, "--what", what, "--confidence", "8", "--keep-anyway").exit_code == 1
    r = run(*PLAN, "--what", what, "--confidence", "8", "--agreed")
    assert r.exit_code == 0
    [plan] = run_json("plan", "list")
    assert plan["agreed_with_professional"] is True
    assert "you said you have agreed this plan" in run("plan", "show").stdout


def test_words_that_call_for_help_are_never_made_a_plan(run, run_json):
    r = run(*PLAN, "--what", "take all my tablets at once", "--confidence", "9", "--keep-anyway")
    assert r.exit_code == 1
    assert "If you have taken too much of a medicine" in r.stderr
    assert "smcoach won't make this an action plan" in r.stderr
    assert "Think about" not in r.stderr and "make it smaller" not in r.stderr
    assert r.stderr.splitlines()[-1] == (
        "Not saved as an action plan. If you need help now, smcoach help-now shows who to talk to"
    )
    assert run_json("plan", "list") == []


@pytest.mark.parametrize(
    "what",
    ["take my tablets as prescribed", "use my brown inhaler", "weigh myself before breakfast"],
)
def test_daily_care_every_day_gets_no_every_day_finding(run, what):
    r = run("plan", "new", "--what", what, "--how-much", "once", "--when", "after breakfast",
            "--times", "7", "--confidence", "9")  # fmt: skip
    assert r.exit_code == 0
    assert "Every day leaves no room" not in r.stderr
    assert "Please note" not in r.stderr


def test_a_goal_gets_the_same_safety_notes_and_is_kept(run, run_json):
    r = run("goal", "add", "come off all my tablets by Christmas")
    assert r.exit_code == 0
    assert "Please note: Starting, stopping or changing a medicine" in r.stderr
    r = run("goal", "add", "lose 3 stone in a month")
    assert "Note: A safe target for weight" in r.stderr
    assert [g["text"] for g in run_json("goal", "list")] == [
        "come off all my tablets by Christmas",
        "lose 3 stone in a month",
    ]


# --- the rating note, both ways ----------------------------------------------------------------

CARE = "If {} is worse than usual for you, follow the plan your care team gave you"


def rate(run, name, value, day):
    return run("check", "--rate", f"{name}={value}", "--date", day)


def test_a_rating_of_9_or_3_worse_than_usual_gets_one_line(run):
    run("symptoms", "add", "pain")
    for day, value in (("2026-11-16", "3"), ("2026-11-17", "4"), ("2026-11-18", "3")):
        assert CARE.format("pain") not in rate(run, "pain", value, day).stderr
    assert CARE.format("pain") in rate(run, "pain", "7", "2026-11-19").stderr  # 3.3 over
    assert CARE.format("pain") not in rate(run, "pain", "5", "2026-11-20").stderr
    r = rate(run, "pain", "9", "2026-11-21")
    assert r.stderr.count(CARE.format("pain")) == 1 and "smcoach help-now" in r.stderr


def test_when_higher_is_better_a_low_rating_gets_the_line(run, run_json):
    r = run("symptoms", "add", "mood", "--higher-is-better")
    assert "0 = worst, 10 = best" in r.stderr
    assert run_json("symptoms", "list")[0]["higher_is_better"] is True
    for day in ("2026-11-16", "2026-11-17"):
        rate(run, "mood", "8", day)
    assert CARE.format("mood") in rate(run, "mood", "5", "2026-11-18").stderr
    assert CARE.format("mood") not in rate(run, "mood", "10", "2026-11-19").stderr
    assert CARE.format("mood") in rate(run, "mood", "1", "2026-11-20").stderr
    assert CARE.format("mood") not in rate(run, "mood", "9", "2026-11-21").stderr


def test_trends_say_which_way_is_better_for_each_symptom(run):
    run("symptoms", "add", "pain")
    run("symptoms", "add", "energy", "--higher-is-better")
    rate(run, "pain", "4", "2026-11-23")
    rate(run, "energy", "6", "2026-11-23")
    out = run("trends", "--weeks", "2").stdout
    assert "pain (lower is better)" in out and "energy (higher is better)" in out


# --- what a review found: help that must not depend on anything else ---------------------------

NO_LOCALE = {"LANG": "C", "LC_ALL": "", "LC_MESSAGES": ""}


def test_signposting_uses_the_stored_country_with_no_locale(run):
    run("settings", "country", "GB")
    r = run("agenda", "add", "I want to die", env=NO_LOCALE)
    assert "call 999 (or 112) now" in r.stderr and "Samaritans" in r.stderr


def test_help_now_reads_the_setting_without_waiting_upgrading_or_writing(run, isolated):
    import time

    run("settings", "country", "GB")
    holder = sqlite3.connect(isolated, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")  # another smcoach in the middle of a write
    try:
        t0 = time.monotonic()
        r = run("help-now", env=NO_LOCALE)
        assert time.monotonic() - t0 < 3  # busy_timeout would be 5 s
    finally:
        holder.rollback()
        holder.close()
    assert "call 999 (or 112) now" in r.stdout


def test_help_now_leaves_an_older_file_as_it_is(run, isolated, monkeypatch):
    from smcoach.store import migrations

    with monkeypatch.context() as m:  # a file from the smcoach before settings existed
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
        m.setattr(migrations, "NAMES", migrations.NAMES[:4])
        assert run("agenda", "add", "stairs").exit_code == 0
    before = isolated.read_bytes()
    r = run("help-now", env={"LANG": "en_IE.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""})
    assert r.exit_code == 0 and "call 112 (or 999) now" in r.stdout
    assert "Backed up" not in r.stderr
    assert isolated.read_bytes() == before
    assert not list(isolated.parent.glob("*.bak"))


def test_an_older_database_gets_symptom_directions_and_settings_on_upgrade(
    run, isolated, monkeypatch
):
    from smcoach.store import migrations

    with monkeypatch.context() as m:  # a file as the smcoach before this change left it
        m.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:4])
        m.setattr(migrations, "NAMES", migrations.NAMES[:4])
        assert run("agenda", "add", "stairs").exit_code == 0
    conn = sqlite3.connect(isolated)
    with conn:
        conn.execute("INSERT INTO symptoms (name, created) VALUES ('pain', '2026-11-20')")
        conn.execute("INSERT INTO symptom_ratings VALUES (1, '2026-11-20', '2026-W47', 4, 'x')")
    conn.close()
    r = run("symptoms", "list", "--json")
    assert "Backed up your data" in r.stderr
    [pain] = json.loads(r.stdout)
    assert (pain["name"], pain["higher_is_better"]) == ("pain", False)
    assert run("settings", "country", "AU").exit_code == 0
    conn = sqlite3.connect(isolated)
    assert [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")] == migrations.NAMES
    assert conn.execute("SELECT rating FROM symptom_ratings").fetchall() == [(4,)]
    conn.close()


@pytest.fixture
def content_copy(tmp_path, monkeypatch):
    """A copy of content/ that a test may break; smcoach reads it instead of its own."""
    import shutil

    from smcoach import content

    root = tmp_path / "content"
    shutil.copytree(Path(content.content_root()), root)
    monkeypatch.setattr(content, "content_folder", lambda: str(root))  # and so content_root
    for cached in (content.screen, content._plan_coach, content.helplines):
        cached.cache_clear()
    yield root
    for cached in (content.screen, content._plan_coach, content.helplines):
        cached.cache_clear()


def test_without_the_safety_list_text_is_still_saved_and_help_is_named(run, run_json, content_copy):
    (content_copy / "safety" / "en.toml").unlink()
    r = run("agenda", "add", "I want to die")
    assert r.exit_code == 0
    assert "could not read its list of words that call for help now" in r.stderr
    assert "smcoach help-now" in r.stderr
    assert run_json("agenda", "list")[0]["text"] == "I want to die"


def test_without_the_help_table_help_now_still_gives_the_last_resort(run, content_copy):
    (content_copy / "helplines.toml").write_text("[GB]\ncountry = 'x'\n")  # incomplete
    r = run("help-now", env={"LANG": "en_GB.UTF-8", "LC_ALL": ""})
    assert r.exit_code == 0
    assert "could not read its table of help lines" in r.stderr
    assert "call your local emergency number now" in r.stdout and "findahelpline.com" in r.stdout


def test_a_damaged_word_list_is_one_line_not_a_traceback(run, content_copy):
    (content_copy / "coach" / "en.toml").write_text("[hedge]\npatterns = 'not a list'\n")
    r = run(*PLAN, "--what", "walk", "--confidence", "8")
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert r.stderr.strip().splitlines()[-1].startswith("Error: the file ")


# --- what a review found: coaching held back beside words that call for help -------------------


def session(run, tmp_path, text: str):
    answers = tmp_path / "week.toml"
    answers.write_text(text)
    return run("session", "--answers", str(answers), env={"LANG": "en_GB.UTF-8", "LC_ALL": ""})


def test_a_session_does_not_set_a_goal_or_a_plan_for_crisis_words(run, run_json, tmp_path):
    r = session(run, tmp_path, '[intro]\nready = ""\n[session]\ncarry_on = "yes"\n'
                '[agenda]\nadd = ["I just want it all to stop"]\n'
                '[plan]\nwhat = "walk to the gate"\nhow_much = "there and back"\n'
                'when = "after lunch"\nhow_often = "mon,wed"\nconfidence = "8"\n')  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "What you wrote matters. smcoach won't coach it" in r.stderr
    assert "What would you like to achieve for" not in r.stderr
    assert run_json("goal", "list") == []
    [plan] = run_json("plan", "list")
    assert plan["goal_id"] is None


def test_the_focus_offered_is_not_the_crisis_item(run, run_json, tmp_path):
    r = session(run, tmp_path, '[intro]\nready = ""\n[agenda]\n'
                'add = ["I keep thinking about killing myself", "sleeping badly"]\n'
                '[goal]\ntext = "sleep through most nights"\nby = ""\n'
                '[plan]\nwhat = "wind down without screens"\nhow_much = "half an hour"\n'
                'when = "before bed"\nhow_often = "mon,wed,fri"\nconfidence = "8"\n')  # fmt: skip
    assert r.exit_code == 0, r.output
    focus = [i for i in run_json("agenda", "list") if i["focus"]]
    assert [i["text"] for i in focus] == ["sleeping badly"]


def test_feedback_in_crisis_words_is_not_offered_problem_solving(run, run_json, tmp_path):
    run(*PLAN, "--what", "walk round the park", "--confidence", "8", "--start", "2026-11-16")
    run("check", "1", "--not", "--date", "2026-11-16")
    run("check", "1", "--not", "--date", "2026-11-18")
    r = session(run, tmp_path, '[feedback]\nhow = ""\n'
                'barrier = "I keep thinking about killing myself"\n[session]\ncarry_on = "no"\n'
                '[agenda]\nadd = []\n'
                '[plan]\nwhat = "call my sister"\nhow_much = "one call"\n'
                'when = "after tea"\nhow_often = "1"\nconfidence = "9"\n')  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "Would you like to work on that now" not in r.stderr
    assert "What you wrote matters" in r.stderr
    assert "The session is stopped here" in r.stderr  # the person chose to stop
    assert run_json("solve", "list") == [] and run_json("plan", "list") == []
    assert run_json("plan", "list", "--all")[0]["feedback"] is None  # the week is closed


def test_a_crisis_goal_is_kept_without_a_date_or_a_plan(run, run_json, tmp_path):
    run("agenda", "add", "walking more")
    r = session(run, tmp_path, '[agenda]\nadd = []\nfocus = "1"\n'
                '[goal]\ntext = "I wish I was dead"\n[session]\ncarry_on = "no"\n')  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "By when" not in r.stderr and "Let's make an action plan" not in r.stderr
    [goal] = run_json("goal", "list")
    assert (goal["text"], goal["by"]) == ("I wish I was dead", None)
    assert run_json("plan", "list") == []


def test_a_crisis_problem_with_no_one_to_ask_rests_at_step_6(run, run_json, tmp_path):
    answers = tmp_path / "solve.toml"
    answers.write_text('[solve]\nproblem = "everyone would be better off without me"\n')
    r = run("solve", "--answers", str(answers))
    assert r.exit_code == 0, r.output
    assert "Some problems cannot be solved right now" not in r.stderr
    [problem] = run_json("solve", "list")
    assert problem["status"] == "resources"
    r = run("solve", "revisit", "1", "--answers", str(answers))  # not stuck
    assert r.exit_code == 0, r.output


def test_a_crisis_problem_goes_straight_to_someone_to_talk_to(run, run_json, tmp_path):
    answers = tmp_path / "solve.toml"
    answers.write_text('[solve]\nproblem = "I want to die"\nresource = "the Samaritans"\n'
                       'make_plan = "n"\n')  # fmt: skip
    r = run("solve", "--answers", str(answers))
    assert r.exit_code == 0, r.output
    assert "What is it mostly about?" not in r.stderr and "hot water bottle" not in r.stderr
    assert "Step 6 of 7: use other resources." in r.stderr
    [problem] = run_json("solve", "list")
    assert [a["idea"] for a in problem["attempts"]] == ["the Samaritans"]


def test_a_crisis_idea_is_never_offered_to_try_later(run, run_json, tmp_path):
    answers = tmp_path / "solve.toml"
    answers.write_text('[solve]\nproblem = "I cannot get to sleep for the pain most nights"\n'
                       'kind = "sleep"\n'
                       'ideas = ["take all my sleeping tablets", "warm bath at 9"]\n'
                       'suggestions = ""\nchoice = "1"\nmake_plan = "n"\n')  # fmt: skip
    r = run("solve", "--answers", str(answers))
    assert r.exit_code == 0, r.output
    [problem] = run_json("solve", "list")
    assert [a["idea"] for a in problem["attempts"]] == ["warm bath at 9"]


def test_a_plan_tied_to_daily_medicine_with_low_confidence_is_never_told_to_do_less(run):
    r = run("plan", "new", "--what", "take my insulin", "--how-much", "my usual units",
            "--when", "before meals", "--times", "7", "--confidence", "5")  # fmt: skip
    assert r.exit_code == 1
    assert "the answer is not to do less" in r.stderr
    assert "smaller" not in r.stderr and "fewer days" not in r.stderr


def test_keep_anyway_does_not_record_an_agreement(run, run_json):
    r = run(*PLAN, "--what", "walk round the park", "--confidence", "5", "--keep-anyway")
    assert r.exit_code == 0
    assert run_json("plan", "list")[0]["agreed_with_professional"] is False


def test_an_answers_file_can_agree_a_safety_plan(run, run_json, tmp_path):
    r = session(run, tmp_path, '[intro]\nready = ""\n[agenda]\nadd = []\n'
                '[plan]\nwhat = "stop my statins"\nhow_much = "all of them"\n'
                'when = "from monday"\nhow_often = "1"\nconfidence = "8"\n'
                'safety = "agreed"\n')  # fmt: skip
    assert r.exit_code == 0, r.output
    [plan] = run_json("plan", "list")
    assert plan["agreed_with_professional"] is True
