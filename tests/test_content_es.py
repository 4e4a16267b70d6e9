"""The Spanish content: the question cards (content/cards/es.toml) against the English ones, the
topics (content/topics/es/) against theirs, and the published Spanish self-efficacy scale
(content/scales/semcds.es.toml).

A Spanish key or topic that is missing falls back to English: these tests report it (by name),
never the running program."""

import re
import tomllib
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from smcoach.content import cards, content_root, scale, topics
from smcoach.domain import selfefficacy
from smcoach.domain.library import Topic, internal_links, parse_topic

REPO_CONTENT = Path(__file__).resolve().parents[1] / "content"


def load(path: Path) -> dict[str, Any]:
    return tomllib.loads(path.read_text("utf-8"))


# --- informal or regional Spanish: the content speaks to "usted", in Spanish for everyone -----

# Words of "tú" and "vosotros", and words that belong to one side of the Atlantic only.
_INFORMAL = re.compile(
    r"\b(?:tú|tu|tus|te|ti|contigo|tienes|puedes|quieres|vosotros|vosotras|vuestro|vuestra|os)\b",
    re.I,
)
_REGIONAL = re.compile(
    r"\b(?:ordenador|computadora|coger|celular|móvil|coche|carro|zumo|jugo)\b", re.I
)


def not_neutral(text: str) -> list[str]:
    return _INFORMAL.findall(text) + _REGIONAL.findall(text)


def test_the_neutral_check_catches_tu_vosotros_and_regional_words() -> None:
    assert not_neutral("¿Qué quieres hacer? Coge tu móvil.") == ["quieres", "tu", "móvil"]
    assert not_neutral("Os lo dejo en el ordenador.") == ["Os", "ordenador"]
    assert not_neutral("¿Qué quiere hacer? Tome un té con su familia.") == []


# --- the question cards -------------------------------------------------------------------------

EN_CARDS = load(REPO_CONTENT / "cards" / "en.toml")
ES_CARDS = load(REPO_CONTENT / "cards" / "es.toml")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def card_keys(data: dict[str, Any]) -> set[str]:
    return {f"{section}.{key}" for section, values in data.items() for key in values}


def missing_cards(english: dict[str, Any], spanish: dict[str, Any]) -> list[str]:
    """The English cards with no Spanish one, as section.key, in order."""
    return sorted(card_keys(english) - card_keys(spanish))


def placeholders(value: str | list[str]) -> set[str]:
    texts = [value] if isinstance(value, str) else value
    return {name for text in texts for name in _PLACEHOLDER.findall(text)}


def card_texts() -> list[tuple[str, str]]:
    """(section.key, text) for every Spanish card, a list card giving a line for each item."""
    found = []
    for section, values in ES_CARDS.items():
        for key, value in values.items():
            for text in [value] if isinstance(value, str) else value:
                found.append((f"{section}.{key}", text))
    return found


def test_every_english_card_has_a_spanish_one() -> None:
    missing = missing_cards(EN_CARDS, ES_CARDS)
    assert missing == [], "no Spanish card for: " + ", ".join(missing)


def test_the_missing_card_check_names_what_is_missing() -> None:
    spanish = {section: dict(values) for section, values in ES_CARDS.items()}
    del spanish["plan"]["confidence"]
    del spanish["check"]
    assert missing_cards(EN_CARDS, spanish) == ["check.note", "check.status", "plan.confidence"]


def test_no_spanish_card_that_english_lacks() -> None:
    # A Spanish key with no English one is a misspelling: its text would never be shown.
    assert sorted(card_keys(ES_CARDS) - card_keys(EN_CARDS)) == []


@pytest.mark.parametrize("name", sorted(card_keys(EN_CARDS) & card_keys(ES_CARDS)))
def test_each_card_keeps_its_kind_and_placeholders(name: str) -> None:
    section, key = name.split(".")
    english, spanish = EN_CARDS[section][key], ES_CARDS[section][key]
    assert type(spanish) is type(english)
    if isinstance(english, list):
        assert len(spanish) == len(english)
        assert all(isinstance(item, str) and item.strip() for item in spanish)
    assert placeholders(spanish) == placeholders(english)
    assert spanish != english  # translated, not left in English


def test_placeholder_check_sees_a_renamed_field() -> None:
    assert placeholders("¿Qué lograr con «{foco}»?") != placeholders(
        EN_CARDS["session"]["goal_text"]
    )


def test_the_cards_speak_neutral_spanish_to_usted() -> None:
    found = [(name, not_neutral(text)) for name, text in card_texts() if not_neutral(text)]
    assert found == []


def test_the_spanish_cards_load_through_smcoach() -> None:
    assert cards("es")["plan"]["confidence"] == ES_CARDS["plan"]["confidence"]
    assert "nivel de confianza" in cards("es")["plan"]["confidence"]
    assert cards("es")["solve"]["step_ideas"] == "Paso 2 de 7: lluvia de ideas."


# --- the topics ---------------------------------------------------------------------------------

EN_DIR = REPO_CONTENT / "topics" / "en"
ES_DIR = REPO_CONTENT / "topics" / "es"
EN_TOPICS = {p.stem: parse_topic(p.read_text("utf-8"), p.name) for p in sorted(EN_DIR.glob("*.md"))}
ES_TOPICS = {p.stem: parse_topic(p.read_text("utf-8"), p.name) for p in sorted(ES_DIR.glob("*.md"))}

ADVICE = "Dónde obtener consejo personal"
REVIEWED = date(2026, 11, 30)
MIN_WORDS, MAX_WORDS = 250, 800  # Spanish runs longer than English (250-600)


def words(markdown: str) -> int:
    return len(re.findall(r"[^\W_]+(?:['’-][^\W_]+)*", markdown))


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) for each '## ' section."""
    parts = re.split(r"^## (.+)$", body, flags=re.M)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


# A sentence that gives a dose or tells people to change a medicine, in Spanish. Units are the
# same in both languages.
_MEDICINE = (
    r"(?:medicamentos?|medicinas?|medicación|pastillas?|comprimidos?|píldoras?|cápsulas?|"
    r"dosis|inhaladore?s?|insulina|tratamiento)"
)
_UNSAFE = [
    re.compile(p, re.I)
    for p in (
        r"\b\d+(?:[.,]\d+)?\s*(?:mg|mcg|µg|ml|g|ui|unidades|miligramos|microgramos)\b",
        r"\b(?:deje|dejar|deja)\s+de\s+(?:tomar|usar|ponerse)\b",
        r"\b(?:empiece|empezar|comience|comenzar)\s+a\s+(?:tomar|usar)\b",
        r"\b(?:reduzca|reducir|baje|bajar|aumente|aumentar|suba|subir|doble|doblar|duplique|"
        r"salte|saltarse|sáltese|omita|omitir)\s+(?:la|su|sus|el|los|las)\s+" + _MEDICINE,
        r"\b(?:suspenda|suspender|retire|retirar)\s+(?:el|la|los|las|su|sus)\s+" + _MEDICINE,
        # "un", "una" are "a" as well as "one": "usar un inhalador" is no dose.
        r"\b(?:tome|tomar|use|usar)\s+(?:\d+|dos|tres|cuatro|otra?|más|menos)\s+(?:de\s+)?"
        + r"(?:sus\s+)?"
        + _MEDICINE,
        r"\b(?:\d+|una?|dos|tres|cuatro)\s+(?:inhalaciones|inhalación|pufs?|disparos?|gotas?|"
        r"pastillas?|comprimidos?|cápsulas?)\b",
    )
]


def medicine_instructions(text: str) -> list[str]:
    sentences = re.split(r"(?<=[.!?])\s+|\n", text)
    return [s for s in sentences if any(p.search(s) for p in _UNSAFE)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Deje de tomar sus pastillas si se marea.",
        "Tome 500 mg dos veces al día.",
        "Reduzca la dosis en los días buenos.",
        "Suspenda el tratamiento una semana.",
        "Use dos inhalaciones de su inhalador.",
        "Tome una pastilla más cuando el dolor sea fuerte.",
        "Empiece a tomar vitaminas.",
        "Tome otra dosis si no le hace efecto.",
    ],
)
def test_the_medicine_check_catches_instructions(sentence: str) -> None:
    assert medicine_instructions(sentence) == [sentence]


def test_the_medicine_check_leaves_advice_to_ask() -> None:
    fine = (
        "Hable con su farmacéutico o su médico antes de cambiar nada. "
        "No cambie la forma de tomarlos sin haberlo hablado antes. "
        "Pregunte si algún medicamento podría estar causándole cansancio. "
        "Le enseñarán a usar un inhalador, aunque le cueste tomar un medicamento."
    )
    assert medicine_instructions(fine) == []


def test_every_english_topic_has_a_spanish_one() -> None:
    assert sorted(set(EN_TOPICS) - set(ES_TOPICS)) == []
    assert sorted(set(ES_TOPICS) - set(EN_TOPICS)) == []


def test_the_spanish_topics_load_and_ship_where_smcoach_reads_them() -> None:
    assert set(topics("es")) == set(ES_TOPICS)
    shipped = content_root() / "topics" / "es"
    assert {p.name for p in shipped.iterdir() if p.name.endswith(".md")} == {
        f"{topic_id}.md" for topic_id in ES_TOPICS
    }


@pytest.mark.parametrize("topic_id", sorted(EN_TOPICS))
class TestEachSpanishTopic:
    def topic(self, topic_id: str) -> Topic:
        assert topic_id in ES_TOPICS, f"no Spanish topic {topic_id}"
        return ES_TOPICS[topic_id]

    def test_same_related_topics_and_links_as_english(self, topic_id: str) -> None:
        spanish, english = self.topic(topic_id), EN_TOPICS[topic_id]
        assert spanish.related == english.related
        assert sorted(set(internal_links(spanish.body))) == sorted(
            set(internal_links(english.body))
        )

    def test_translated(self, topic_id: str) -> None:
        spanish, english = self.topic(topic_id), EN_TOPICS[topic_id]
        assert spanish.title != english.title
        assert spanish.summary != english.summary
        assert [h for h, _ in sections(spanish.body)] != [h for h, _ in sections(english.body)]

    def test_names_the_english_sources_and_reviewed(self, topic_id: str) -> None:
        topic = self.topic(topic_id)
        assert set(EN_TOPICS[topic_id].sources) <= set(topic.sources)
        for source in topic.sources:
            assert re.match(r"[^.]{2,}\. \S", source), source
        assert topic.reviewed == REVIEWED

    def test_no_other_links_or_top_headings(self, topic_id: str) -> None:
        body = self.topic(topic_id).body
        assert re.findall(r"\]\((?!topic:)", body) == []
        assert re.findall(r"^# ", body, flags=re.M) == []

    def test_ends_with_where_to_get_personal_advice(self, topic_id: str) -> None:
        heading, text = sections(self.topic(topic_id).body)[-1]
        assert heading == ADVICE
        assert "`smcoach help-now`" in text
        assert "número de emergencias" in text
        for who in ("médico", "enfermer", "especialistas", "farmac"):
            assert who in text, who

    def test_tags_are_distinct_whole_words(self, topic_id: str) -> None:
        tags = self.topic(topic_id).tags
        assert len(tags) >= 5
        assert all(re.fullmatch(r"[a-z]+", tag) for tag in tags)
        assert len(set(tags)) == len(tags)
        for tag in tags:  # matching reads a plural as its singular
            assert tag + "s" not in tags and tag + "es" not in tags, tag

    def test_length(self, topic_id: str) -> None:
        assert MIN_WORDS <= words(self.topic(topic_id).body) <= MAX_WORDS

    def test_no_doses_or_instructions_to_change_medicines(self, topic_id: str) -> None:
        topic = self.topic(topic_id)
        assert medicine_instructions(f"{topic.summary}\n{topic.body}") == []

    def test_no_phone_numbers(self, topic_id: str) -> None:
        # Numbers differ by country: `smcoach help-now` shows them.
        topic = self.topic(topic_id)
        assert re.findall(r"\d{3,}|\d+ \d{3}", f"{topic.summary}\n{topic.body}") == []

    def test_neutral_spanish_to_usted(self, topic_id: str) -> None:
        topic = self.topic(topic_id)
        assert not_neutral(f"{topic.title}\n{topic.summary}\n{topic.body}") == []


@pytest.mark.parametrize("topic_id", ["low-mood", "help-now"])
def test_urgent_help_comes_first(topic_id: str) -> None:
    _, first = sections(ES_TOPICS[topic_id].body)[0]
    assert "`smcoach help-now`" in first
    assert "número de emergencias" in first


def test_sources_md_names_every_spanish_topic_source() -> None:
    listed = " ".join((REPO_CONTENT / "SOURCES.md").read_text("utf-8").split())
    for topic in ES_TOPICS.values():
        for source in topic.sources:
            assert " ".join(source.split()) in listed, f"{topic.id}: {source}"


# --- the Spanish self-efficacy scale, as published ---------------------------------------------

SEMCDS_ITEMS = [
    "¿Qué tan seguro(a) se siente Ud. de poder evitar que la fatiga o cansancio debido a su "
    "enfermedad interfiera con las cosas que quiere hacer?",
    "¿Qué tan seguro(a) se siente Ud. de poder evitar que las dolencias debido a su enfermedad "
    "interfieran con las cosas que quiere hacer?",
    "¿Qué tan seguro(a) se siente Ud. de poder evitar que el estado emocional debido a su "
    "enfermedad interfiera con las cosas que quiere hacer?",
    "¿Qué tan seguro(a) se siente Ud. de poder evitar que algunos otros síntomas o problemas de "
    "salud que tiene interfieran con las cosas que quiere hacer?",
]


def test_the_spanish_scale_loads_as_published() -> None:
    semcds = scale("semcds", "es")
    assert (semcds["form"], semcds["language"]) == ("SEMCD-S", "es")
    assert semcds["title"] == "Escala de autoeficacia para manejar enfermedades crónicas"
    assert semcds["publisher"] == "Stanford Patient Education Research Center"
    assert semcds["items"] == SEMCDS_ITEMS
    assert semcds["stem"] == ""  # each published item is a whole question
    assert semcds["instruction"].startswith(
        "En las siguientes preguntas nos gustaría saber qué piensa Ud. de sus habilidades"
    )
    assert semcds["anchors"] == {
        "low": 1,
        "low_label": "Muy inseguro(a)",
        "high": 10,
        "high_label": "Muy seguro(a)",
    }
    assert semcds["citation"].startswith("Lorig KR, Ritter PL, González VM.")
    assert "Nursing Research 2003;52(6):361-369" in semcds["citation"]
    assert "J Clin Epidemiol 2014;67(11):1265-1273" in semcds["validation"]
    assert "secdesp.html" in semcds["scoring"]["source"]


def test_the_spanish_scale_is_not_the_english_one() -> None:
    semcd6 = scale("semcd6")
    assert scale("semcds", "es")["form"] != semcd6["form"]
    assert len(scale("semcds", "es")["items"]) == 4 != len(semcd6["items"])


def test_the_scoring_rules_are_read_from_the_scale_files() -> None:
    semcds = selfefficacy.rule_of(scale("semcds", "es"))
    assert semcds == selfefficacy.Rule("SEMCD-S", 4, 2)
    assert selfefficacy.rule_of(scale("semcd6")) == selfefficacy.SEMCD6
    # The store sizes each saved check by its form: it must agree with the files.
    assert selfefficacy.FORM_ITEMS == {"SEMCD-6": 6, "SEMCD-S": 4}


def test_a_spanish_check_is_scored_by_its_own_rule() -> None:
    semcds = selfefficacy.rule_of(scale("semcds", "es"))
    assert selfefficacy.score([8, 6, None, 7], semcds) == 7
    assert selfefficacy.score([8, None, None, None], semcds) is None
