"""The guided weekly session in Spanish, in a real pseudo-terminal: the language chosen by the
person's setting, every question in Spanish, and answers typed as a Spanish speaker types them
(days, dates, the check-in menu's words, carrying on after stopping); what is saved is the same
as in English."""

import sqlite3
from pathlib import Path

import pytest

from ptyhelp import Session, run, run_json, terminal_env

CHOICE = "Su elección: "
AGENDA_ADD = "Añada algo a su agenda: un reto en el que quiera trabajar (Enter cuando termine): "
FOCUS = "¿En qué tema de su agenda quiere trabajar ahora? (su ID) [1]: "
GOAL_BY = (
    "¿Para cuándo, más o menos? (por ejemplo: finales de marzo, marzo 2027, en 3 meses, "
    "en 6 semanas, 2027-03-01; o Enter para omitir): "
)
WHAT = "¿Qué va a hacer? Elija algo que usted quiera hacer, no algo que sienta que debería hacer: "
HOW_MUCH = "¿Cuánto? (por ejemplo: 10 minutos, hasta el final de la calle, un vaso de agua): "
WHEN = "¿En qué momento del día? (por ejemplo: después del desayuno, antes de las noticias): "
HOW_OFTEN = (
    "¿Qué días (por ejemplo: lun,mié,vie), o cuántas veces esta semana (un número del 1 al 7)?"
)
CONFIDENCE = (
    "¿Cuál es su nivel de confianza en que va a cumplir todo este plan, del 0 (ninguna "
    "confianza) al 10 (confianza total)?: "
)
CHECK_MENU = ["  1. hecho", "  2. en parte", "  3. no hecho", "  4. día de descanso", "  5. omitir"]

BREATH = "Me falta el aire al subir la escalera"
GOAL = "Caminar hasta la casa de mi hija y volver"
WALK = "caminar hasta el buzón y volver"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    env = terminal_env(tmp_path)
    run(env, "settings", "lang", "es")  # the person's setting: no flag on any command below
    return env


def test_a_first_week_in_spanish_stopped_and_carried_on(env: dict[str, str]) -> None:
    s = Session(env, "session")
    s.see("Le damos la bienvenida a smcoach.", "no da consejos médicos")
    s.answer("Pulse Enter para empezar: ", "")
    s.see("Paso 3 de 6: su agenda")
    s.answer(AGENDA_ADD, BREATH)
    s.see("Se añadió el tema 1 a su agenda.")
    s.answer(AGENDA_ADD, "")
    s.answer(FOCUS, "1")
    s.answer(f"¿Qué le gustaría lograr con «{BREATH}» en los próximos meses?: ", GOAL)
    s.answer(GOAL_BY, "01/02/2027")  # refused in Spanish, with both readings, and asked again
    s.see("podría ser 1 de febrero de 2027 o 2 de enero de 2027")
    s.answer(GOAL_BY, "finales de marzo")
    s.see("Meta para el mié, 31 mar 2027.", "Se añadió la meta 1.")
    s.see("Paso 5 de 6: el plan de acción de esta semana")
    s.answer(WHAT, WALK)
    s.answer(HOW_MUCH, "10 minutos")
    s.see(WHEN)
    s.child.sendintr()  # Ctrl-C: what was answered is kept, and said
    s.see(f"Se conserva de este paso: {WALK}; 10 minutos.")
    assert s.finish() == 130

    s = Session(env, "session")
    s.see("¿Quiere seguir donde lo dejó, o empezar de nuevo? (seguir / empezar de nuevo)")
    s.child.sendline("seg")  # the start of the Spanish word
    s.answer(WHEN, "después de comer")
    s.answer(HOW_OFTEN + ": ", "lun,mié,vie")
    s.answer(CONFIDENCE, "5")
    s.see("Su nivel de confianza es 5 de 10.", "  2. hacerlo menos días")
    s.answer(CHOICE, "2")
    # the days offered back as Spanish writes them, and read back as typed
    s.answer(f"{HOW_OFTEN} (pulse Enter para dejarlo como está) [lun,mié,vie]: ", "lun,vie")
    s.answer(CONFIDENCE, "8")
    s.see("Se guardó el plan de acción 1: del lun, 23 nov 2026 al dom, 29 nov 2026.")
    s.see("Plan 1, para esta semana", f"Qué               {WALK}", "Días              lun, vie")
    s.see("Próximo registro  lun, 23 nov 2026: smcoach check 1 --done")
    assert s.finish() == 0
    out = s.transcript
    assert "Traceback" not in out
    for english in ("Your choice", "Saved", "What ", "Days ", "[mon"):
        assert english not in out

    [plan] = run_json(env, "plan", "list", "--all", "--lang", "en")
    assert (plan["what"], plan["how_much"], plan["when"]) == (
        WALK,
        "10 minutos",
        "después de comer",
    )
    assert (plan["days"], plan["confidence"], plan["first_confidence"]) == (["mon", "fri"], 8, 5)
    [goal] = run_json(env, "goal", "list")
    assert (goal["text"], goal["by"]) == (GOAL, "2027-03-31")


def test_last_weeks_plan_checked_in_with_spanish_words(env: dict[str, str], tmp_path: Path) -> None:
    answers = tmp_path / "semana1.toml"
    answers.write_text(
        f"""
[agenda]
add = ["{BREATH}"]
focus = "1"
[goal]
text = "{GOAL}"
by = "en 4 meses"
[plan]
what = "{WALK}"
how_much = "10 minutos"
when = "después de comer"
how_often = "lun,mié,vie"
confidence = "8"
""",
        "utf-8",
    )
    run(env, "session", "--answers", str(answers))
    s = Session({**env, "SMCOACH_TODAY": "2026-11-30"}, "session")
    s.see("Paso 1 de 6: cómo le fue con el plan de la semana pasada")
    s.see("lun, 23 nov: ¿lo hizo?", *CHECK_MENU)
    s.answer(CHOICE, "hecho")
    s.see("mié, 25 nov: ¿lo hizo?")
    s.answer(CHOICE, "En parte")
    s.see("vie, 27 nov: ¿lo hizo?")
    s.answer(CHOICE, "no hecho")
    s.answer("¿Cómo le fue esta semana? (Enter para omitir): ", "Bien; el viernes llovió")
    s.answer("¿Qué se lo impidió? (Enter para omitir): ", "La lluvia")
    s.see("¿Quiere trabajar en eso ahora, con la resolución de problemas?", "  1. sí", "  2. no")
    s.answer(CHOICE, "no")
    s.answer(AGENDA_ADD, "")
    s.answer(FOCUS, "")
    s.see("¿Mantiene esta meta, o la cambia?", "  1. mantenerla")
    s.answer(CHOICE, "mantener")
    s.answer(WHAT, "caminar por el centro comercial")
    s.child.sendintr()
    assert s.finish() == 130

    conn = sqlite3.connect(env["SMCOACH_DB"])
    try:
        found = conn.execute("SELECT day, status FROM checkins ORDER BY day").fetchall()
    finally:
        conn.close()
    assert found == [("2026-11-23", "done"), ("2026-11-25", "partly"), ("2026-11-27", "not")]
    [goal] = run_json(env, "goal", "list")
    assert goal["by"] == "2027-03-23"  # "en 4 meses", on 2026-11-23
