"""The topic library (content/topics/en/): every topic's front matter, links, last section,
tags, length, readability and wording; and the parser that checks them (domain/library.py)."""

import re
from datetime import date
from pathlib import Path

import pytest

from smcoach.content import content_root
from smcoach.domain.library import (
    Topic,
    internal_links,
    parse_topic,
    reading_grade,
    syllables,
)

REPO_CONTENT = Path(__file__).resolve().parents[1] / "content"
TOPICS_DIR = REPO_CONTENT / "topics" / "en"
PATHS = sorted(TOPICS_DIR.glob("*.md"))
TOPICS = {p.stem: parse_topic(p.read_text("utf-8"), p.name) for p in PATHS}

# The sixteen topics.
EXPECTED = {
    "self-management", "action-plans", "problem-solving", "symptom-cycle", "fatigue", "pain",
    "breathlessness", "stress-and-relaxation", "low-mood", "sleep", "being-active",
    "healthy-eating", "medicines", "working-with-professionals", "making-decisions", "help-now",
}  # fmt: skip

ADVICE = "Where to get personal advice"
MIN_WORDS, MAX_WORDS = 250, 600
# Flesch-Kincaid grade, as domain/library.reading_grade measures it. Measured on 2026-11-30:
# the plainest topic 2.4 (action-plans), the hardest 5.3 (medicines); the bound sits just
# above the hardest, so a topic made harder to read fails here.
MAX_GRADE = 5.5


def words(markdown: str) -> int:
    return len(re.findall(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*", markdown))


def sections(body: str) -> list[tuple[str, str]]:
    """(heading, text) for each '## ' section."""
    parts = re.split(r"^## (.+)$", body, flags=re.M)
    return [(parts[i].strip(), parts[i + 1]) for i in range(1, len(parts), 2)]


# --- medicine instructions: a sentence that gives a dose or tells people to change a medicine ---

_MEDICINE_WORDS = r"(?:medicines?|medications?|tablets?|pills?|doses?|inhalers?|insulin|treatment)"
_UNSAFE = [
    re.compile(p, re.I)
    for p in (
        r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|ml|g|iu|units?|milligrams?|micrograms?)\b",
        r"\b(?:stop|start|quit)\s+(?:taking|using)\b",
        r"\b(?:reduce|lower|increase|raise|double|halve|skip|miss out)\s+(?:your|the|a)\s+"
        + _MEDICINE_WORDS,
        r"\bcut\s+(?:down|back)\s+(?:on\s+)?(?:your\s+)?" + _MEDICINE_WORDS,
        r"\b(?:stop|come off|wean off)\s+(?:your|the)\s+" + _MEDICINE_WORDS,
        r"\btake\s+(?:\d+|one|two|three|four|an extra|another|more|less)\s+(?:of\s+)?"
        + r"(?:your\s+)?"
        + _MEDICINE_WORDS,
        r"\b(?:\d+|one|two|three|four)\s+(?:puffs?|tablets?|pills?|capsules?|drops?)\b",
    )
]


def medicine_instructions(text: str) -> list[str]:
    sentences = re.split(r"(?<=[.!?])\s+|\n", text)
    return [s for s in sentences if any(p.search(s) for p in _UNSAFE)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Stop taking your tablets if you feel sick.",
        "Take 500 mg twice a day.",
        "Reduce your dose on good days.",
        "You could cut down on your medicines.",
        "Take two puffs of your inhaler.",
        "Take an extra tablet when the pain is bad.",
    ],
)
def test_the_medicine_check_catches_instructions(sentence: str) -> None:
    assert medicine_instructions(sentence) == [sentence]


def test_the_medicine_check_leaves_advice_to_ask() -> None:
    fine = (
        "Talk to your pharmacist or doctor before you change anything. "
        "Do not change how you take them before you have talked it over. "
        "Ask whether a medicine might be making you tired."
    )
    assert medicine_instructions(fine) == []


# --- the library as shipped -----------------------------------------------------------------


def test_the_library_has_the_sixteen_topics() -> None:
    assert set(TOPICS) == EXPECTED


def test_topics_ship_where_smcoach_reads_its_content() -> None:
    shipped = content_root() / "topics" / "en"
    assert {p.name for p in shipped.iterdir() if p.name.endswith(".md")} == {p.name for p in PATHS}


@pytest.mark.parametrize("topic_id", sorted(EXPECTED))
class TestEachTopic:
    def topic(self, topic_id: str) -> Topic:
        return TOPICS[topic_id]

    def test_names_its_sources(self, topic_id: str) -> None:
        sources = self.topic(topic_id).sources
        assert sources
        for source in sources:
            # An author or organisation, then a title: "NHS. Insomnia (web page). https://..."
            assert re.match(r"[^.]{2,}\. \S", source), source

    def test_reviewed_no_later_than_today(self, topic_id: str) -> None:
        # The real clock, not SMCOACH_TODAY (pinned earlier for other tests).
        assert self.topic(topic_id).reviewed <= date.today()

    def test_links_and_related_topics_exist(self, topic_id: str) -> None:
        topic = self.topic(topic_id)
        for target in [*internal_links(topic.body), *topic.related]:
            assert target in TOPICS, f"{topic_id} links to a topic that does not exist: {target!r}"

    def test_no_other_links_or_top_headings(self, topic_id: str) -> None:
        body = self.topic(topic_id).body
        # Links go to other topics only: a web address belongs in sources, where it is named.
        assert re.findall(r"\]\((?!topic:)", body) == []
        assert re.findall(r"^# ", body, flags=re.M) == []  # the title is in the front matter

    def test_ends_with_where_to_get_personal_advice(self, topic_id: str) -> None:
        heading, text = sections(self.topic(topic_id).body)[-1]
        assert heading == ADVICE
        assert "`smcoach help-now`" in text
        assert "emergency number" in text
        assert "NHS 111" in text
        for who in ("GP", "nurse", "specialist team", "pharmacist"):
            assert who in text, who

    def test_tags_are_distinct_whole_words(self, topic_id: str) -> None:
        tags = self.topic(topic_id).tags
        assert len(tags) >= 5
        assert all(re.fullmatch(r"[a-z]+", tag) for tag in tags)
        assert len(set(tags)) == len(tags)
        # Matching treats a simple plural as its singular: "step" and "steps" are one tag.
        for tag in tags:
            assert tag + "s" not in tags and tag + "es" not in tags, tag

    def test_length(self, topic_id: str) -> None:
        assert MIN_WORDS <= words(self.topic(topic_id).body) <= MAX_WORDS

    def test_plain_to_read(self, topic_id: str) -> None:
        assert reading_grade(self.topic(topic_id).body) <= MAX_GRADE

    def test_no_doses_or_instructions_to_change_medicines(self, topic_id: str) -> None:
        topic = self.topic(topic_id)
        assert medicine_instructions(f"{topic.summary}\n{topic.body}") == []

    def test_no_phone_numbers(self, topic_id: str) -> None:
        # Numbers differ by country: `smcoach help-now` shows them. NHS 111 is named as an
        # example of a health advice line.
        body = self.topic(topic_id).body.replace("NHS 111", "")
        assert re.findall(r"\d{3,}|\d+ \d{3}", body) == []


@pytest.mark.parametrize("topic_id", ["low-mood", "help-now"])
def test_urgent_help_comes_first(topic_id: str) -> None:
    """The topics someone in crisis may open say where to get help before anything else."""
    _, first = sections(TOPICS[topic_id].body)[0]
    assert "`smcoach help-now`" in first
    assert "emergency number" in first


def test_sources_md_names_every_topic_source() -> None:
    listed = " ".join((REPO_CONTENT / "SOURCES.md").read_text("utf-8").split())
    assert "## Topics" in listed
    for topic in TOPICS.values():
        for source in topic.sources:
            assert " ".join(source.split()) in listed, f"{topic.id}: {source}"


# --- the parser -------------------------------------------------------------------------------

GOOD_FRONT = """id = "fatigue"
title = "Fatigue"
tags = ["tired", "fatigue"]
summary = "One sentence."
sources = ["NHS. Tiredness and fatigue (web page)."]
reviewed = 2026-11-30
related = ["sleep"]"""
BODY = "## About\n\nSome text, with a [link](topic:sleep).\n"


def page(front: str = GOOD_FRONT, body: str = BODY) -> str:
    return f"+++\n{front}\n+++\n\n{body}"


def test_parses_a_good_topic() -> None:
    topic = parse_topic(page(), "fatigue.md")
    assert topic == Topic(
        id="fatigue",
        title="Fatigue",
        tags=("tired", "fatigue"),
        summary="One sentence.",
        sources=("NHS. Tiredness and fatigue (web page).",),
        reviewed=date(2026, 11, 30),
        related=("sleep",),
        body=BODY,
    )
    assert parse_topic(page(), "fatigue") == topic  # the stem does as well as the file's name


def test_related_is_optional_and_windows_line_endings_are_read() -> None:
    front = GOOD_FRONT.replace('\nrelated = ["sleep"]', "")
    text = "\ufeff" + page(front).replace("\n", "\r\n")
    topic = parse_topic(text, "fatigue.md")
    assert topic.related == ()
    assert topic.body == BODY


def replaced(old: str, new: str) -> str:
    assert old in GOOD_FRONT
    return page(GOOD_FRONT.replace(old, new))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## About\n\nNo front matter.\n", "must start with front matter"),
        ("+++\nid = 'fatigue'\n\n## About\n", "no closing line"),
        (page(GOOD_FRONT + '\ntitle = "again"'), "not valid TOML"),
        (page("id = fatigue"), "not valid TOML"),
        (replaced('summary = "One sentence."\n', ""), "has no summary"),
        (replaced("reviewed = 2026-11-30\n", ""), "has no reviewed"),
        (replaced('sources = ["NHS. Tiredness and fatigue (web page)."]\n', ""), "no sources"),
        (page(GOOD_FRONT + '\nauthor = "me"'), "unknown fields: author"),
        (replaced('id = "fatigue"', 'id = "sleep"'), "does not match the file name"),
        (replaced('id = "fatigue"', 'id = "Fatigue"'), "lowercase words joined by hyphens"),
        (replaced('title = "Fatigue"', "title = 3"), "title must be a line of text"),
        (replaced('title = "Fatigue"', 'title = ""'), "title must be a line of text"),
        (replaced('["tired", "fatigue"]', '"tired"'), "tags must be a list of texts"),
        (replaced('["tired", "fatigue"]', '["Tired"]'), "single lowercase word"),
        (replaced('["tired", "fatigue"]', '["low energy"]'), "single lowercase word"),
        (replaced('["tired", "fatigue"]', '["tired", "tired"]'), "duplicates"),
        (replaced('["NHS. Tiredness and fatigue (web page)."]', "[]"), "at least one"),
        (replaced('["NHS. Tiredness and fatigue (web page)."]', '[""]'), "list of texts"),
        (replaced("2026-11-30", '"2026-11-30"'), "reviewed must be a date"),
        (replaced("2026-11-30", "2026-11-30T10:00:00"), "reviewed must be a date"),
        (replaced('related = ["sleep"]', 'related = ["fatigue"]'), "another topic"),
        (replaced('related = ["sleep"]', 'related = "sleep"'), "related must be a list"),
        (replaced('related = ["sleep"]', 'related = ["sleep", "sleep"]'), "related has duplicates"),
        (page(body="\n"), "no text after its front matter"),
    ],
)
def test_refuses_malformed_front_matter(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as raised:
        parse_topic(text, "fatigue.md")
    assert str(raised.value).startswith("fatigue.md: ")  # names the file


def test_internal_links() -> None:
    body = "See [sleep](topic:sleep), [the web](https://nhs.uk) and [pain](topic:pain); [x](topic:)"
    assert internal_links(body) == ["sleep", "pain", ""]


# --- readability ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "count"),
    [("the", 1), ("make", 1), ("makes", 1), ("tired", 1), ("wanted", 2), ("changes", 2),
     ("people", 2), ("medicine", 3), ("relaxation", 4), ("help-now", 2), ("don't", 1)],
)  # fmt: skip
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_reading_grade_by_hand() -> None:
    # 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
    assert reading_grade("The cat sat on the mat.") == pytest.approx(-1.45)
    # A heading and a list item count as sentences; link text and bold count as words:
    # 7 words, 3 sentences, 10 syllables (mov-ing, en-er-gy).
    markdown = "## Moving\n\n- Walk **more**.\n\nIt gives [energy](topic:fatigue) back."
    assert reading_grade(markdown) == pytest.approx(0.39 * 7 / 3 + 11.8 * 10 / 7 - 15.59)


def test_reading_grade_ranks_plain_below_dense() -> None:
    plain = "Rest before you get tired. Then do a bit more. Stop when you need to."
    dense = (
        "Individuals experiencing persistent exhaustion associated with chronic inflammatory "
        "conditions frequently benefit from comprehensive occupational therapy assessment."
    )
    assert reading_grade(plain) < 3 < 12 < reading_grade(dense)


def test_reading_grade_needs_words() -> None:
    with pytest.raises(ValueError):
        reading_grade("## \n\n- \n")
