"""Choosing the language smcoach speaks, end to end: --lang (before or after any command, on
the fast route and typer's), the person's setting, $SMCOACH_LANG, the locale, in that order;
English when none says a language smcoach speaks."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from smcoach.domain.language import resolve, take_flag

SMCOACH = str(Path(sys.executable).parent / "smcoach")
NOT_FOUND = {"en": "Error: there is no action plan with ID 99\n",
             "es": "Error: no hay ningún plan de acción con el ID 99\n"}  # fmt: skip


def smcoach(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """The installed command, as a person runs it (the --lang after a command is moved by
    smcoach.__main__)."""
    return subprocess.run([SMCOACH, *args], env={**os.environ, **env}, capture_output=True,
                          text=True, timeout=60)  # fmt: skip


@pytest.mark.parametrize("full_route", ["", "1"])
@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "es", "check", "99", "--done"],
        ["check", "99", "--done", "--lang", "es"],
        ["check", "99", "--lang=es", "--done"],
        ["check", "99", "--done", "--lang", "ES_mx"],
    ],
)
def test_the_flag_before_or_after_the_command(args, full_route):
    r = smcoach(*args, SMCOACH_FULL_ROUTE=full_route)
    assert (r.returncode, r.stderr) == (1, NOT_FOUND["es"])


@pytest.mark.parametrize("full_route", ["", "1"])
def test_a_language_smcoach_does_not_speak_is_one_line(full_route):
    r = smcoach("check", "99", "--done", "--lang", "fr", SMCOACH_FULL_ROUTE=full_route)
    assert r.returncode == 1
    assert (
        r.stderr == "Error: smcoach speaks English (en) and Spanish (es): 'fr' is not one of them\n"
    )


def test_the_setting_the_environment_and_the_locale_in_their_order(run):
    def said(*args: str, **env: str) -> str:
        return run("check", "99", "--done", *args, env=env or None).stderr

    assert said(LANG="es_ES.UTF-8") == NOT_FOUND["es"]
    assert said(LANG="es_ES.UTF-8", LC_ALL="en_GB.UTF-8") == NOT_FOUND["en"]  # LC_ALL first
    assert said(LANG="fr_FR.UTF-8") == NOT_FOUND["en"]  # not spoken: English
    assert said(SMCOACH_LANG="es", LANG="en_GB.UTF-8") == NOT_FOUND["es"]
    assert said(SMCOACH_LANG="klingon", LANG="es_MX.UTF-8") == NOT_FOUND["es"]  # passed over
    r = run("settings", "lang", "es")
    assert (r.exit_code, r.stderr) == (0, "smcoach le hablará en español (es).\n")
    assert said(SMCOACH_LANG="en") == NOT_FOUND["es"]  # the person's setting before the env
    assert run("--lang", "en", "check", "99", "--done").stderr == NOT_FOUND["en"]  # the flag
    shown = json.loads(run("settings", "--json").stdout)["lang"]
    assert shown == {"value": "es", "from": "setting"}
    r = run("settings", "lang", "--unset")
    assert r.stderr.startswith("Your language setting is cleared")  # said in English again
    assert said() == NOT_FOUND["en"]


def test_the_setting_is_checked_and_shown(run):
    r = run("settings", "lang", "fr")
    assert r.exit_code == 1
    assert (
        r.stderr == "Error: smcoach speaks English (en) and Spanish (es): 'fr' is not one of them\n"
    )
    assert "Language  en     your locale (C.UTF-8)" in run("settings").stdout
    assert "Idioma  es     --lang" in run("--lang", "es", "settings").stdout


def test_a_command_that_only_looks_leaves_nothing_beside_the_file(run, isolated):
    """Reading the language setting at the start of each command adds no -wal or -shm file."""
    assert run("settings", "lang", "es").exit_code == 0
    before = sorted(p.name for p in isolated.parent.iterdir())
    assert run("help-now").exit_code == 0
    assert sorted(p.name for p in isolated.parent.iterdir()) == before


def test_resolve_and_take_flag():
    assert resolve(None, None, {"LC_ALL": "", "LC_MESSAGES": "es_AR.UTF-8", "LANG": "en_GB"}) == (
        "es", "locale", "es_AR.UTF-8")  # fmt: skip
    assert resolve(None, None, {}) == ("en", "default", None)
    assert resolve(None, "fr", {"SMCOACH_LANG": "es"}).code == "es"  # an odd setting passed over
    assert take_flag(["plan", "--lang", "es", "list"]) == (["plan", "list"], "es")
    assert take_flag(["--lang=es", "x", "--lang", "en"]) == (["x"], "en")  # the last one
    assert take_flag(["check", "--", "--lang", "es"]) == (["check", "--", "--lang", "es"], None)
    assert take_flag(["check", "--lang"]) == (["check", "--lang"], None)  # left to refuse


def test_a_plan_on_spanish_weekdays(run, run_json):
    r = run("--lang", "es", "plan", "new", "--what", "caminar hasta el parque", "--how-much",
            "10 minutos", "--when", "después de comer", "--days", "lun,mié,vie",
            "--confidence", "8")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert run_json("plan", "list")[0]["days"] == ["mon", "wed", "fri"]
    r = run("plan", "new", "--what", "walk", "--how-much", "10 minutes", "--when", "noon",
            "--days", "lun,mié", "--confidence", "8")  # fmt: skip
    assert r.exit_code == 1  # in English, Spanish names are not weekdays
    assert "is not a list of weekdays" in r.stderr


def test_today_in_spanish_with_its_dates_and_days(run):
    """The view of today: its sentences, the day in the language's own form (CLDR, through
    Babel) and the plan's weekdays; English is as it always was."""
    made = run("plan", "new", "--what", "caminar", "--how-much", "10 minutos", "--when",
               "por la mañana", "--days", "mon,wed,fri", "--confidence", "8")  # fmt: skip
    assert made.exit_code == 0
    shown = run("--lang", "es").stdout.splitlines()
    assert shown[0] == "Hoy es lunes, 23 de noviembre de 2026"
    assert shown[3] == "Plan 1: caminar, 10 minutos, por la mañana (lun, mié, vie); confianza 8/10"
    english = run().stdout.splitlines()
    assert english[0] == "Today is Monday 23 November 2026"
    assert english[3] == (
        "Plan 1: caminar, 10 minutos, por la mañana (mon, wed, fri); confidence 8/10"
    )
    r = run("--lang", "es", "check", "1", "--done")
    assert r.stderr == "Anotado cómo le fue el lun, 23 nov: hecho.\n"


def test_the_lists_and_a_plan_in_spanish(run):
    assert run("agenda", "add", "Subir escaleras").exit_code == 0
    made = run("plan", "new", "--what", "caminar", "--how-much", "10 minutos", "--when",
               "por la mañana", "--days", "mon,wed,fri", "--confidence", "6",
               "--keep-anyway")  # fmt: skip
    assert made.exit_code == 0, made.output
    agenda = run("--lang", "es", "agenda", "list").stdout.splitlines()
    assert agenda[1].split() == ["ID", "Centro", "Reto", "Estado", "Añadido"]
    assert agenda[2].split()[-2:] == ["abierto", "2026-11-23"]
    plans = run("--lang", "es", "plan", "list").stdout
    assert "lun, mié, vie" in plans and "23 nov – 29 nov 2026" in plans and "en marcha" in plans
    shown = run("--lang", "es", "plan", "show", "1").stdout
    assert "Confianza           6/10 (por debajo de 7 a propósito)" in shown
    assert "Semana              del lun, 23 nov al dom, 29 nov 2026" in shown
    english = run("plan", "show", "1").stdout  # as it always was
    assert "Week        Mon 23 Nov to Sun 29 Nov 2026" in english
    assert "Confidence  6/10 (kept below 7 on purpose)" in english
    assert "Todavía no tiene metas" in run("--lang", "es", "goal", "list").output


@pytest.mark.parametrize("columns", ["100", "60"])  # the generated help, and typer's own
@pytest.mark.parametrize(
    "how",
    [
        (["--lang", "es", "plan", "new", "--help"], {}),
        (["plan", "new", "--help", "--lang", "es"], {}),
        (["plan", "new", "--help"], {"SMCOACH_LANG": "es"}),
        (["plan", "new", "--help"], {"LANG": "es_AR.UTF-8"}),
    ],
)
def test_help_in_spanish(how, columns, tmp_path):
    args, env = how
    r = smcoach(*args, COLUMNS=columns, SMCOACH_DB=str(tmp_path / "a.db"), **env)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Uso: smcoach plan new [OPTIONS]")
    assert "Haga el plan de acción de esta semana" in " ".join(r.stdout.split())
    assert "\nOpciones:\n" in r.stdout and "Muestra este mensaje y termina." in r.stdout
    assert "Options:" not in r.stdout and "Show this message" not in r.stdout
    assert max(len(line) for line in r.stdout.splitlines()) <= int(columns)
    assert not (tmp_path / "a.db").exists()  # help reads the setting, never makes a file


def test_help_follows_the_setting_and_stays_english_otherwise(run, tmp_path):
    english = smcoach("--help", COLUMNS="100", SMCOACH_DB=str(tmp_path / "a.db"))
    assert english.stdout.startswith("Usage: smcoach [OPTIONS]")
    assert "\nCommands:\n" in english.stdout
    run("settings", "lang", "es")
    r = smcoach("--help", COLUMNS="100", SMCOACH_DB=os.environ["SMCOACH_DB"])
    assert r.stdout.startswith("Uso: smcoach [OPTIONS]") and "\nComandos:\n" in r.stdout
    # every command listed with its Spanish summary; selfcheck's is the Spanish scale's
    assert "selfcheck  Responda cuatro preguntas" in r.stdout
    assert r.stdout.count("\n  ") >= english.stdout.count("\n  ") - 5


def test_help_in_spanish_through_the_command_line_itself(run):
    """CliRunner, on typer's route: the default of an option and click's words translated."""
    r = run("--lang", "es", "group", "new", "--help")
    assert r.exit_code == 0
    assert "[por defecto: 6]" in r.output and "Opciones:" in r.output


def test_more_of_what_is_shown_in_spanish(run, tmp_path):
    """Problems, symptoms, trends' weeks, a page's language, services' status, help-now's
    country and the errors of an ID: each in Spanish."""
    run("symptoms", "add", "fatiga")
    run("check", "--rate", "fatiga=4")
    symptoms = run("--lang", "es", "symptoms", "list").stdout
    assert "Síntomas que puntúa cada día, de 0 a 10" in symptoms and "Añadido" in symptoms
    weeks = run("--lang", "es", "trends").stdout
    assert "2026-W48 (23 nov)" in weeks
    assert "4,0" in weeks and "4.0" not in weeks  # the decimal sign of Spanish
    assert "4.0" in run("trends").stdout
    assert "2026-W48 (23 Nov)" in run("trends").stdout  # English as it was
    page = tmp_path / "t.html"
    assert run("--lang", "es", "trends", "--html", str(page)).exit_code == 0
    assert '<html lang="es">' in page.read_text("utf-8")
    solve = run("--lang", "es", "solve", "show", "x")
    assert (
        solve.stderr
        == "Error: el ID de un problema debe ser un número entero a partir de 1, no x\n"
    )
    r = run("--lang", "es", "help-now", env={"SMCOACH_COUNTRY": "GB"})
    assert r.stdout.startswith("Cómo obtener ayuda ahora: Reino Unido (GB)")
    assert run("help-now", env={"SMCOACH_COUNTRY": "GB"}).stdout.startswith(
        "Getting help now in the United Kingdom (GB)"
    )


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["trend"], "Error: No existe el comando 'trend'. ¿Quería decir 'trends'?\n"),
        (["plan", "new", "--what"], "Error: La opción '--what' necesita un valor"),
        (
            ["agenda", "add", "a", "b"],
            "Error: Sobran argumentos (b) (vea 'smcoach agenda add --help').",
        ),
        (
            ["plan", "show", "1", "--jsn"],
            "Error: No existe la opción --jsn (opciones posibles: --json)",
        ),
        (["check", "--done=1"], "Error: La opción '--done' no lleva ningún valor"),
    ],
)
def test_a_command_line_smcoach_cannot_read_is_said_in_spanish(args, said, tmp_path):
    r = smcoach("--lang", "es", *args, SMCOACH_DB=str(tmp_path / "a.db"))
    assert r.returncode == 2 and r.stderr.startswith(said) and r.stderr.count("\n") == 1
    english = smcoach(*args, SMCOACH_DB=str(tmp_path / "a.db"))  # as click writes it
    assert english.returncode == 2 and "Error: No existe" not in english.stderr


def test_a_services_status_in_spanish_words(run, run_json):
    r = run("--lang", "es", "services", "add", "--name", "Grupo de caminar", "--status",
            "Cerrado temporalmente")  # fmt: skip
    assert r.exit_code == 0, r.output
    assert run_json("services", "show", "1")["status"] == "temporarily closed"  # kept as HSDS's
    assert "(cerrado temporalmente)" in run("--lang", "es", "services", "list").stdout
