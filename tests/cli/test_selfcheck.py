"""smcoach selfcheck through the real CLI: answers, scoring, refusals, history, the today view."""

import json
import sqlite3
from datetime import date

import pytest

from smcoach.content import scale

HISTORY_KEYS = {
    "id",
    "day",
    "week",
    "form",
    "score",
    "scored",
    "answered",
    "items",
    "answers",
    "created_at",
}


def history(run_json):
    return run_json("selfcheck", "--history")


def rows(db) -> int:
    with sqlite3.connect(db) as conn:
        found = conn.execute(
            "SELECT (SELECT COUNT(*) FROM selfchecks) + (SELECT COUNT(*) FROM selfcheck_items)"
        ).fetchone()[0]
    conn.close()
    return found


def next_codes(run_json) -> list[str]:
    return [n["code"] for n in run_json("today")["next"]]


# taking it with --answers -------------------------------------------------------------------------


def test_answers_are_saved_with_their_score(run, run_json):
    r = run("selfcheck", "--answers", "8,7,skip,9,6,7")
    assert (r.exit_code, r.stdout) == (0, "")
    assert r.stderr == (
        "Saved your self-efficacy check for Mon 23 Nov 2026 (SEMCD-6).\n"
        "Score: 7.4 out of 10: the mean of the 5 questions you answered (1 skipped); "
        "higher means more confident in managing your health.\n"
    )
    [saved] = history(run_json)
    assert saved["score"] == pytest.approx(7.4)
    assert saved["answers"] == [8, 7, None, 9, 6, 7]
    assert (saved["day"], saved["week"], saved["form"]) == ("2026-11-23", "2026-W48", "SEMCD-6")
    assert (saved["answered"], saved["items"], saved["scored"]) == (5, 6, True)


def test_all_six_answered_is_explained_in_words(run):
    r = run("selfcheck", "--answers", "7,6,6,7,6,6")
    assert r.exit_code == 0
    assert (
        "Score: 6.3 out of 10: the mean of your 6 answers; "
        "higher means more confident in managing your health." in r.stderr
    )
    assert "5.17" not in r.stderr and "sample" not in r.stderr  # never compared with others


def test_not_scored_with_three_skipped(run, run_json):
    r = run("selfcheck", "--answers", "skip,7,skip,9,skip,7")
    assert r.exit_code == 0
    assert (
        "Not scored: 3 of the 6 questions were skipped, and a score needs at least 4 answers. "
        "Your answers are kept." in r.stderr
    )
    [saved] = history(run_json)
    assert (saved["score"], saved["scored"], saved["answered"]) == (None, False, 3)
    assert saved["answers"] == [None, 7, None, 9, None, 7]
    out = run("selfcheck", "--history").stdout
    assert "2026-11-23  not scored  3 of 6" in out


def test_two_skipped_is_still_scored(run, run_json):
    assert run("selfcheck", "--answers", "skip,6,skip,8,6,8").exit_code == 0
    assert history(run_json)[0]["score"] == 7


@pytest.mark.parametrize(
    ("answers", "error"),
    [
        (
            "11,7,skip,9,6,7",
            "Error: --answers: answer 1 is '11', but each answer must be a whole number from 1 "
            "to 10, or skip; nothing was saved\n",
        ),
        (
            "8,7,skip,9,6,0",
            "Error: --answers: answer 6 is '0', but each answer must be a whole number from 1 "
            "to 10, or skip; nothing was saved\n",
        ),
        (
            "8,7,9,6,7",
            "Error: --answers takes 6 answers separated by commas, each 1-10 or skip (such as "
            "8,7,skip,9,6,7), got 5; nothing was saved\n",
        ),
    ],
)
def test_out_of_range_or_too_few_answers_are_refused_and_nothing_saved(
    run, run_json, isolated, answers, error
):
    r = run("selfcheck", "--answers", answers)
    assert (r.exit_code, r.stdout, r.stderr) == (1, "", error)
    assert history(run_json) == []
    assert rows(isolated) == 0


def test_without_a_terminal_or_answers_it_says_how_in_one_line(run):
    r = run("selfcheck")
    assert (r.exit_code, r.stderr) == (
        1,
        "Error: selfcheck asks 6 questions: run it in a terminal, or give --answers such as "
        "8,7,skip,9,6,7 (each 1-10, or skip)\n",
    )


def test_json_prints_the_check_just_saved(run, run_json):
    r = run("selfcheck", "--answers", "8,7,skip,9,6,7", "--json")
    assert r.exit_code == 0
    saved = json.loads(r.stdout)
    assert set(saved) == HISTORY_KEYS
    assert saved == history(run_json)[0]


# --date ----------------------------------------------------------------------------------------


def test_date_is_stored_with_its_iso_week(run, run_json):
    assert run("selfcheck", "--answers", "5,5,5,5,5,5", "--date", "yesterday").exit_code == 0
    assert run("selfcheck", "--answers", "6,6,6,6,6,6", "--date", "2025-12-29").exit_code == 0
    found = [(s["day"], s["week"], s["score"]) for s in history(run_json)]
    assert found == [("2025-12-29", "2026-W01", 6), ("2026-11-22", "2026-W47", 5)]


@pytest.mark.parametrize(
    ("day", "error"),
    [
        (
            "tomorrow",
            "Error: Tue 24 Nov 2026 has not happened yet: date a self-efficacy check today",
        ),
        ("01/02/2026", "Error: '01/02/2026' is not a date smcoach reads."),
    ],
)
def test_a_future_or_unreadable_date_is_refused(run, run_json, day, error):
    r = run("selfcheck", "--answers", "5,5,5,5,5,5", "--date", day)
    assert r.exit_code == 1
    assert r.stderr.startswith(error) and r.stderr.count("\n") == 1
    assert history(run_json) == []


# --history -------------------------------------------------------------------------------------


def test_history_empty(run, run_json):
    assert history(run_json) == []
    r = run("selfcheck", "--history")
    assert (r.exit_code, r.stdout) == (
        0,
        "No self-efficacy checks yet. Take one: smcoach selfcheck\n",
    )


def test_history_text_and_json(run, run_json):
    run("selfcheck", "--answers", "8,7,skip,9,6,7", "--date", "2026-11-02")
    run("selfcheck", "--answers", "skip,skip,skip,9,6,7", "--date", "2026-11-09")
    run("selfcheck", "--answers", "9,9,8,9,9,9")
    out = run("selfcheck", "--history").stdout.splitlines()
    assert out[:5] == [
        "Self-efficacy checks",
        "Date        Score       Answered  Form",
        "2026-11-02  7.4/10      5 of 6    SEMCD-6",
        "2026-11-09  not scored  3 of 6    SEMCD-6",
        "2026-11-23  8.8/10      6 of 6    SEMCD-6",
    ]
    assert out[5].startswith("Score: the mean of your answers, from 1 (not at all confident)")
    assert "higher means more confident" in out[5]
    found = history(run_json)
    assert all(set(s) == HISTORY_KEYS for s in found)
    assert [(s["id"], s["day"], s["answered"]) for s in found] == [
        (1, "2026-11-02", 5),
        (2, "2026-11-09", 3),
        (3, "2026-11-23", 6),
    ]
    assert found[2]["score"] == pytest.approx(53 / 6)


def test_history_cannot_be_combined_with_answers_or_date(run):
    for extra in (["--answers", "5,5,5,5,5,5"], ["--date", "yesterday"]):
        r = run("selfcheck", "--history", *extra)
        assert (r.exit_code, r.stderr) == (
            1,
            "Error: --history shows your past checks: it cannot be combined with --answers "
            "or --date\n",
        )


# help --------------------------------------------------------------------------------------------


def test_help_cites_the_published_scale(run):
    r = run("selfcheck", "--help")
    assert r.exit_code == 0
    out = " ".join(r.output.split())
    assert "Lorig et al. 2001" in out
    assert "Self-Efficacy for Managing Chronic Disease 6-Item Scale" in out
    assert "Stanford Patient Education Research Center" in out
    assert "free to use without permission" in out
    assert scale("semcd6")["citation"] in out
    assert "Example: smcoach selfcheck" in out


# the today view ----------------------------------------------------------------------------------


def test_today_suggests_it_until_taken(run, run_json):
    assert "selfcheck_due" in next_codes(run_json)
    run("agenda", "add", "Sleeping badly")
    run("agenda", "focus", "1")
    out = run().stdout
    assert (
        "Next: Answer a few short questions on how confident you feel managing your health: "
        "smcoach selfcheck" in out
    )
    run("selfcheck", "--answers", "8,7,skip,9,6,7")
    assert "selfcheck_due" not in next_codes(run_json)
    assert "smcoach selfcheck" not in run().stdout


def test_today_suggests_it_again_after_six_weeks_then_every_three_months(
    run, run_json, monkeypatch
):
    run("selfcheck", "--answers", "5,5,5,5,5,5")
    monkeypatch.setenv("SMCOACH_TODAY", "2027-01-03")  # 41 days on
    assert "selfcheck_due" not in next_codes(run_json)
    monkeypatch.setenv("SMCOACH_TODAY", "2027-01-04")  # 42 days on
    assert "selfcheck_due" in next_codes(run_json)
    run("selfcheck", "--answers", "6,6,6,6,6,6")
    assert "selfcheck_due" not in next_codes(run_json)
    monkeypatch.setenv("SMCOACH_TODAY", "2027-04-04")  # 90 days after the six-week one
    assert "selfcheck_due" not in next_codes(run_json)
    monkeypatch.setenv("SMCOACH_TODAY", "2027-04-05")  # 91 days
    assert "selfcheck_due" in next_codes(run_json)


# the flow and the store, below the command ------------------------------------------------


def test_questions_can_come_from_any_asker():
    from smcoach.cli.prompts import AnswersAsker
    from smcoach.cli.selfcheck import ask_selfcheck
    from smcoach.domain.selfefficacy import SEMCD6, SEMCDS

    asker = AnswersAsker({"selfcheck": {"1": 8, "2": "skip", "3": 6, "4": "", "5": 7, "6": 10}})
    assert ask_selfcheck(asker, SEMCD6) == [8, None, 6, None, 7, 10]
    asker = AnswersAsker({"selfcheck": {"1": 8, "2": "skip", "3": 6, "4": 3}})
    assert ask_selfcheck(asker, SEMCDS) == [8, None, 6, 3]  # the Spanish scale: four items


def test_input_ending_part_way_saves_nothing(run, run_json, isolated, monkeypatch):
    import smcoach.cli.selfcheck

    monkeypatch.setattr(smcoach.cli.selfcheck, "interactive", lambda: True)
    r = run("selfcheck", input="8\n12\n7\n")
    assert r.exit_code == 1
    assert r.stderr.count("answer with a whole number from 1 (not at all confident) to 10") == 1
    assert r.stderr.endswith(
        "Error: input ended before question 3 was answered; "
        "only what smcoach said it saved is kept\n"
    )
    assert history(run_json) == []


def test_a_selfcheck_and_its_items_are_saved_together_or_not_at_all(isolated):
    from smcoach.store import Store

    store = Store(isolated)
    try:
        with pytest.raises(sqlite3.IntegrityError):  # the table refuses an answer of 11
            store.add_selfcheck(date(2026, 11, 23), "SEMCD-6", [5, 5, 5, 5, 5, 11], 6.0, "now")
        assert store.selfchecks() == []
        assert store.selfcheck_days("SEMCD-6") == (None, None)
        store.add_selfcheck(date(2026, 11, 23), "SEMCD-6", [5, None, 5, 5, 5, 5], 5.0, "now")
        store.add_selfcheck(date(2026, 10, 1), "SEMCD-6", [None] * 6, None, "now")
        assert store.selfcheck_days("SEMCD-6") == (date(2026, 10, 1), date(2026, 11, 23))
        assert store.selfcheck_days("SEMCD-S") == (None, None)  # each form has its own days
        assert [c.answers for c in store.selfchecks()] == [(None,) * 6, (5, None, 5, 5, 5, 5)]
    finally:
        store.close()
    assert rows(isolated) == 2 + 5


def test_a_second_check_the_same_day_replaces_the_first_and_says_so(run, run_json):
    assert run("selfcheck", "--answers", "3,3,3,3,3,3").exit_code == 0
    assert run("selfcheck", "--answers", "5,5,5,5,5,5").exit_code == 0
    r = run("selfcheck", "--answers", "8,8,8,8,8,8")
    assert r.exit_code == 0, r.output
    assert "This replaces the check you took earlier on Mon 23 Nov 2026" in r.stderr
    history = run_json("selfcheck", "--history")
    assert [c["score"] for c in history] == [8.0]


# the Spanish scale (SEMCD-S) and the rule that scales never mix ----------------------------------


def test_in_spanish_the_spanish_scale_is_asked_and_scored(run, run_json):
    r = run("--lang", "es", "selfcheck", "--answers", "8,skip,6,skip")
    assert r.exit_code == 0, r.stderr
    assert "(SEMCD-S)" in r.stderr
    assert "Puntuación: 7,0 de 10" in r.stderr  # the mean of the two answered, a decimal comma
    (check,) = history(run_json)
    assert (check["form"], check["items"], check["answers"]) == ("SEMCD-S", 4, [8, None, 6, None])
    r = run("--lang", "es", "selfcheck", "--answers", "8,skip,skip,skip")
    assert "Sin puntuación: se omitieron 3 de las 4 preguntas" in r.stderr  # more than two
    # six answers are the English scale's: refused, with the Spanish form's example
    r = run("--lang", "es", "selfcheck", "--answers", "8,7,skip,9,6,7")
    assert r.exit_code == 1
    assert "--answers lleva 4 respuestas" in r.stderr and "(como 8,7,skip,9)" in r.stderr


def test_the_spanish_questions_are_the_published_ones_at_a_terminal(run, monkeypatch):
    import smcoach.cli.selfcheck

    monkeypatch.setattr(smcoach.cli.selfcheck, "interactive", lambda: True)
    r = run("--lang", "es", "selfcheck", input="9\n8\n\n7\n")
    assert r.exit_code == 0, r.stderr
    said = " ".join(r.output.split())
    for n, item in enumerate(scale("semcds", "es")["items"], 1):
        assert f"{n} de 4. {item}" in said
    assert "Del 1 (Muy inseguro(a)) al 10 (Muy seguro(a))" in said
    assert "seis" not in said.lower()


def test_scales_are_never_averaged_together_and_a_switch_is_explained(run, run_json):
    run("selfcheck", "--answers", "2,2,2,2,2,2", "--date", "2026-11-16")
    run("selfcheck", "--answers", "4,4,4,4,4,4", "--date", "2026-11-17")
    english = {w["week"]: w["selfefficacy"] for w in run_json("trends")["weeks"]}
    assert english["2026-W47"] == 3.0
    r = run("--lang", "es", "selfcheck", "--answers", "9,9,9,9", "--date", "2026-11-18")
    # told that the scales differ, and that nothing is lost
    said = " ".join(r.stderr.split())
    assert (
        "eran de la escala SEMCD-6, distinta de SEMCD-S" in said and "(con puntuación: 2)" in said
    )
    again = run("--lang", "es", "selfcheck", "--answers", "7,7,7,7", "--date", "2026-11-19")
    assert "SEMCD-6" not in again.stderr  # told with the first check on the new scale only
    shown = run_json("--lang", "es", "trends")
    weeks = {w["week"]: w["selfefficacy"] for w in shown["weeks"]}
    assert weeks["2026-W47"] == 8.0  # the SEMCD-S alone: never (2 + 4 + 9 + 7) / 4
    assert (shown["selfefficacy_form"], shown["other_forms"]) == ("SEMCD-S", {"SEMCD-6": 2})
    english = run_json("trends")  # in English, the English scale, the Spanish one aside
    assert {w["week"]: w["selfefficacy"] for w in english["weeks"]}["2026-W47"] == 3.0
    assert english["other_forms"] == {"SEMCD-S": 2}
    text = " ".join(run("trends").stdout.split())
    assert "shown on the SEMCD-6 scale" in text and "checks on SEMCD-S" in text
    # the history keeps both, each under its form
    assert [c["form"] for c in history(run_json)] == ["SEMCD-6", "SEMCD-6", "SEMCD-S", "SEMCD-S"]
    listed = run("selfcheck", "--history").stdout
    assert "SEMCD-6, SEMCD-S are different scales" in " ".join(listed.split())


def test_today_suggests_the_scale_of_the_language_not_yet_taken(run, run_json):
    run("selfcheck", "--answers", "8,7,skip,9,6,7")
    assert "selfcheck_due" not in next_codes(run_json)
    codes = [s["code"] for s in run_json("--lang", "es", "today")["next"]]
    assert "selfcheck_due" in codes  # the Spanish scale's first check, to start its scores


def test_the_appointment_summary_shows_the_languages_scale(run, tmp_path):
    run("selfcheck", "--answers", "2,2,2,2,2,2", "--date", "2026-11-16")
    run("--lang", "es", "selfcheck", "--answers", "9,9,9,9", "--date", "2026-11-18")
    out = tmp_path / "s.md"
    assert run("--lang", "es", "export", "--format", "md", "--out", str(out)).exit_code == 0
    text = " ".join(out.read_text("utf-8").split())
    assert "La escala (SEMCD-S) es la Escala de autoeficacia para manejar enfermedades" in text
    assert "4 preguntas, cada una respondida del 1 (Muy inseguro(a)) al 10 (Muy seguro(a))" in text
    assert run("export", "--format", "md", "--out", str(out), "--force").exit_code == 0
    text = " ".join(out.read_text("utf-8").split())
    assert "The scale (SEMCD-6) is the Self-Efficacy for Managing Chronic Disease 6-Item" in text


def test_switching_language_says_the_scales_differ(run):
    r = run("settings", "lang", "es")
    assert "autoeficacia" not in r.stderr  # no checks yet: nothing to say
    run("settings", "lang", "en")
    run("selfcheck", "--answers", "2,2,2,2,2,2")
    said = " ".join(run("settings", "lang", "es").stderr.split())
    assert "las preguntas de autoeficacia son la escala SEMCD-S" in said
    assert "distinta de SEMCD-6" in said and "(con puntuación: 1)" in said
    assert "autoeficacia" not in run("settings", "lang", "es").stderr  # said once, not again


def test_a_form_or_a_kind_smcoach_does_not_know_is_named_not_a_traceback(run, isolated, tmp_path):
    """A newer smcoach's scale, or a problem kind the cards do not have, in the file: shown as
    kept, and the appointment summary still made."""
    from smcoach.store import Store

    run("agenda", "add", "x")  # makes the file
    store = Store(isolated)
    try:
        store.add_selfcheck(date(2026, 11, 20), "SEMCD-X", [5, None, 7], 6.0, "now")
        problem = store.add_problem("Stairs", date(2026, 11, 20), "now")
        store.set_problem_kind(problem, "stairs_new", date(2026, 11, 20))
    finally:
        store.close()
    out = tmp_path / "s.md"
    r = run("export", "--format", "md", "--out", str(out))
    assert r.exit_code == 0, r.output
    assert "The scale: SEMCD-X." in out.read_text("utf-8")
    assert "stairs_new" in run("solve", "show", "1").stdout
    assert "SEMCD-X" in run("selfcheck", "--history").stdout
