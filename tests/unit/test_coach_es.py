"""The action-plan coach with its Spanish word lists (content/coach/es.toml): one plan for each
rule, in the words the issue names ("intentaré", "debería", "todos los días", "bajar de peso",
medicine names), and everyday plans that must pass. Measured as a whole on
tests/corpora/plans_*.es.toml."""

from datetime import date

import pytest

from smcoach import content
from smcoach.domain.models import PlanDraft


def codes(what: str, how_much: str, when: str, times: int = 3, confidence: int = 8) -> set[str]:
    draft = PlanDraft(what, how_much, when, None, times, confidence, date(2026, 11, 23))
    return {f.code for f in content.plan_coach("es").review(draft)}


@pytest.mark.parametrize(
    ("what", "how_much", "when", "times", "confidence", "expected"),
    [
        ("intentaré caminar", "20 minutos", "a las 10", 3, 8, "hedge"),
        ("voy a intentar caminar", "20 minutos", "a las 10", 3, 8, "hedge"),
        ("trataré de caminar", "20 minutos", "a las 10", 3, 8, "hedge"),
        ("debería caminar", "20 minutos", "a las 10", 3, 8, "hedge"),
        ("caminar si el tiempo lo permite", "20 minutos", "a las 10", 3, 8, "hedge"),
        ("caminar", "20 minutos", "todos los días a las 10", 3, 8, "every_day"),
        ("caminar", "20 minutos", "cada mañana", 3, 8, "every_day"),
        ("caminar", "20 minutos", "a las 10", 7, 8, "every_day"),
        ("bajar de peso", "3 kilos", "este mes", 3, 8, "outcome"),
        ("perder 5 kilos", "5 kg", "en marzo", 3, 8, "outcome"),
        ("bajar la tensión", "a 130", "por la mañana", 3, 8, "outcome"),
        ("sentirme mejor", "mucho", "por las tardes", 3, 8, "outcome"),
        ("caminar", "un rato", "a las 10", 3, 8, "vague_amount"),
        ("caminar", "20 minutos", "cuando pueda", 3, 8, "vague_time"),
        ("caminar", "20 minutos", "más tarde", 3, 8, "vague_time"),
        ("tengo que caminar", "20 minutos", "a las 10", 3, 8, "not_wanted"),
        ("mi esposa dice que camine", "20 minutos", "a las 10", 3, 8, "not_wanted"),
        ("no comer dulces", "ninguno", "por la tarde", 3, 8, "avoidance"),
        ("dejar de tomar las estatinas", "nada", "desde el lunes", 1, 8, "medicines"),
        ("tomar el doble de insulina", "el doble", "en la cena", 3, 8, "medicines"),
        ("saltarme el sintrom", "una", "el sábado", 1, 8, "medicines"),
        ("tomarme dos ibuprofenos más", "2 extra", "en la cena", 3, 8, "medicines"),
        ("empezar a tomar hierba de san juan", "una cápsula", "con el desayuno", 5, 8, "medicines"),
        ("tomar el paracetamol de mi vecina", "uno", "en la cena", 2, 8, "medicines"),
        ("ayuno intermitente", "16 horas", "de lunes a viernes", 5, 8, "food"),
        ("hacer la dieta de la sopa", "solo sopa", "entre semana", 5, 8, "food"),
        ("volver a correr después de la operación", "5 km", "los sábados", 1, 8, "exercise"),
        ("caminar", "2 horas", "los sábados", 1, 8, "exercise"),
        ("caminar", "20 minutos", "a las 10", 3, 5, "low_confidence"),
        ("tomar la metformina", "una", "con la comida", 7, 5, "low_confidence_care"),
    ],
)
def test_each_rule_is_found_in_spanish(
    what: str, how_much: str, when: str, times: int, confidence: int, expected: str
) -> None:
    assert expected in codes(what, how_much, when, times, confidence)


@pytest.mark.parametrize(
    ("what", "how_much", "when", "times"),
    [
        ("caminar por el parque", "20 minutos", "a las 10", 3),
        ("caminar hasta el mercado para bajar de peso", "ida y vuelta", "después de desayunar", 3),
        ("tengo que tomarme las pastillas", "una", "con el desayuno", 7),
        ("tomarme las pastillas a su hora", "todas", "con el desayuno", 7),
        ("poner una alarma para no olvidar el inhalador", "una", "a las 9", 7),
        ("medirme el azúcar en ayunas", "una vez", "al levantarme", 7),
        ("pesarme y apuntarlo", "una vez", "cada mañana antes de desayunar", 7),
        ("leer el diario", "una sección", "en el desayuno", 3),
        ("tomar el sol en el patio", "15 minutos", "a mediodía", 3),
        ("nadar en la piscina", "30 largos", "martes y jueves a las 9", 2),
        ("ir caminando a misa", "15 minutos de ida", "el domingo a las 9", 1),
    ],
)
def test_good_plans_in_spanish_pass(what: str, how_much: str, when: str, times: int) -> None:
    assert codes(what, how_much, when, times) == set()


def test_spanish_plan_words_that_call_for_help_get_no_coaching() -> None:
    assert codes("caminar aunque ya no quiero vivir", "20 minutos", "a las 10") == {"help_now"}
