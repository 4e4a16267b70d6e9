"""Matching what a person saves (agenda items, goals, plans, problems) to the topic library by
the topics' tags (domain/library.py: matching_topics, word_forms, close_ids), against the
sixteen topics as shipped."""

from datetime import date
from pathlib import Path

import pytest

from smcoach.domain.library import (
    Topic,
    close_ids,
    matching_topics,
    parse_topic,
    plain_text,
    text_words,
    word_forms,
)

TOPICS_DIR = Path(__file__).resolve().parents[2] / "content" / "topics" / "en"
LIBRARY = [parse_topic(p.read_text("utf-8"), p.name) for p in sorted(TOPICS_DIR.glob("*.md"))]


def ids(text: str, limit: int = 2) -> list[str]:
    return [t.id for t in matching_topics(text, LIBRARY, limit)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # agenda items
        ("I get so tired by mid-afternoon", ["fatigue"]),
        ("Getting out of breath on the stairs", ["breathlessness"]),
        ("Sleeping badly", ["sleep"]),
        ("Pain in the mornings", ["pain"]),
        ("my knee pain stops me sleeping", ["pain", "sleep"]),
        ("Feeling lonely since my wife died", ["low-mood"]),
        ("I worry all the time about money", ["stress-and-relaxation"]),
        ("I keep forgetting my tablets", ["medicines"]),
        ("I can't decide whether to have the operation", ["making-decisions"]),
        ("I am exhausted after showering", ["fatigue"]),
        # goals
        ("Walk to my daughter's house", ["being-active"]),
        ("Ask my GP about my blood test results", ["working-with-professionals"]),
        ("Eat more vegetables", ["healthy-eating"]),
        ("Feel less stressed at work", ["stress-and-relaxation"]),
        # plans
        ("walk to the park", ["being-active"]),
        ("Swim twice a week", ["being-active"]),
        ("stretch in the kitchen", ["being-active"]),
        ("cook a fresh meal", ["healthy-eating"]),
        ("Stop snacking in the evening", ["healthy-eating"]),
        ("one planned rest a day", ["action-plans", "fatigue"]),
        # problems
        ("My back aches after I hoover the stairs", ["pain"]),
        ("I wake up at 4am and cannot get back to sleep", ["sleep"]),
        ("Worries keep me awake", ["sleep", "stress-and-relaxation"]),
        ("My COPD gets worse in the cold", ["breathlessness", "symptom-cycle"]),
        # water tablets are a medicine, not eating
        ("ask about my water tablets at the clinic", ["medicines", "working-with-professionals"]),
    ],
)
def test_realistic_texts_match_their_topics(text: str, expected: list[str]) -> None:
    assert ids(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "call a friend",
        "Call my sister on Sundays",
        "Get the car fixed",
        "Go to my grandson's wedding",
        "Read a book in the evening",
        "Find time for myself",
        "Tidy the garage",
        "",
        "   ",
        "12 34 -- !!",
        "a b c",  # single letters are no words
        # words with another meaning here: a seizure, a numb arm
        "I had a fit at the bus stop",
        "my left arm went numb",
    ],
)
def test_texts_that_match_nothing(text: str) -> None:
    assert ids(text) == []


@pytest.mark.parametrize(
    ("word", "form"),
    [
        ("walks", "walk"),
        ("walking", "walk"),
        ("walked", "walk"),
        ("exercising", "exercise"),
        ("exercises", "exercise"),
        ("swimming", "swim"),
        ("worries", "worry"),
        ("worried", "worry"),
        ("paced", "pace"),
        ("aches", "ache"),
        ("activities", "activity"),
        ("stopped", "stop"),
    ],
)
def test_word_forms_fold_plurals_and_endings(word: str, form: str) -> None:
    assert form in word_forms(word)
    assert word in word_forms(word)


@pytest.mark.parametrize("word", ["bed", "red", "stress", "sing", "is"])
def test_short_words_and_double_s_are_left_alone(word: str) -> None:
    assert word_forms(word) == {word}


def test_words_are_lower_cased_and_split_at_hyphens_and_apostrophes() -> None:
    assert text_words("Mid-Afternoon at my Daughter's, TIRED") == {
        "mid", "afternoon", "at", "my", "daughter", "tired",
    }  # fmt: skip
    assert text_words("Café naïve") == {"café", "naïve"}


def topic(topic_id: str, tags: tuple[str, ...]) -> Topic:
    return Topic(topic_id, topic_id.title(), tags, "s", ("x. y",), date(2026, 1, 1), (), "b\n")


def test_ranked_by_matching_words_then_id() -> None:
    library = [
        topic("b-one", ("walk",)),
        topic("a-one", ("park",)),
        topic("c-two", ("walk", "park")),
        topic("d-none", ("swim",)),
    ]
    found = matching_topics("walk in the park", library, limit=3)
    assert [t.id for t in found] == ["c-two", "a-one", "b-one"]  # 2 words, then ties by id
    assert [t.id for t in matching_topics("walk in the park", library)] == ["c-two", "a-one"]


def test_a_word_counts_once_though_it_matches_two_tags() -> None:
    # "walking" matches both "walk" and "walking": one word, as "sleeping" is for "sleep".
    library = [topic("active", ("walk", "walking")), topic("sleep", ("sleep",))]
    assert [t.id for t in matching_topics("walking sleep", library)] == ["active", "sleep"]


def test_each_tag_finds_its_topic_and_no_other() -> None:
    """As the tags are written: every tag, and its plural, finds its own topic; no tag's
    forms reach another topic's tags (which would point two ways at once)."""
    owner = {tag: t.id for t in LIBRARY for tag in t.tags}
    assert len(owner) == sum(len(t.tags) for t in LIBRARY)  # no tag is on two topics
    for tag, topic_id in owner.items():
        assert ids(tag, limit=16) == [topic_id], tag
        plural = tag + ("es" if tag.endswith(("s", "x", "ch", "sh")) else "s")
        assert topic_id in ids(plural, limit=16), tag
        assert {owner[f] for f in word_forms(tag) if f in owner} == {topic_id}, tag


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("fatige", ["fatigue"]),
        ("sle", ["sleep"]),
        ("pian", ["pain"]),
        ("tired", ["fatigue"]),  # a tag
        ("breath", ["breathlessness"]),
        ("Medicine", ["medicines"]),
        ("zzz", []),
        ("", []),
    ],
)
def test_close_ids(name: str, expected: list[str]) -> None:
    assert close_ids(name, LIBRARY) == expected


def test_close_ids_gives_at_most_three() -> None:
    assert len(close_ids("s", LIBRARY)) == 3  # self-management, sleep, stress-and-relaxation


def test_plain_text_leaves_out_markup_and_link_targets() -> None:
    markdown = "## Moving\n\nSee **more** in [sleep](topic:sleep) and `smcoach solve`.\n\n- one\n"
    assert plain_text(markdown) == "Moving\nSee more in sleep and smcoach solve.\none"
