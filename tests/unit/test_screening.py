"""Unit and property tests for smcoach.domain.screening, with the reviewed phrase lists."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach import content
from smcoach.domain.screening import CATEGORIES, Screen, normalise


def categories(text: str) -> tuple[str, ...]:
    return content.screen().categories(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("had crushing chest pain on the walk, still have it and my left arm is numb", "urgent"),
        ("I keep thinking about killing myself", "crisis"),
        ("take all my sleeping tablets", "overdose"),
        ("my face has dropped on one side and my words are slurred", "urgent"),
        ("he collapsed in the garden and won't wake up", "urgent"),
    ],
)
def test_the_examples_in_the_issue_call_for_help(text: str, expected: str) -> None:
    assert expected in categories(text)


@pytest.mark.parametrize(
    "text",
    [
        "chest infection, saw GP",
        "pain in my knee at night",
        "no chest pain today",
        "this weather is killing my joints",
        "I could kill for a cup of tea",
        "killing time in the waiting room",
        "not suicidal, just fed up",
        "took all my tablets on time this week",
        "heart attack three years ago, doing well now",
        "the roof of the shed collapsed",
        "worried about falling over in the garden",
        "step off the bus slowly",
        "my grandson jumped off the sofa and hurt his arm",
        "hurt myself gardening again",
        "cut myself chopping onions",
        "my hair is going grey",
        "took all the pill bottles to the pharmacy",
        "planning to OD on box sets this weekend",
        "",
        "   ",
    ],
)
def test_look_alikes_do_not(text: str) -> None:
    assert categories(text) == ()


def test_a_negation_only_counts_in_the_same_clause() -> None:
    assert categories("no energy, chest pain that won't go away") == ("urgent",)
    assert categories("no chest pain today") == ()


def test_curly_quotes_and_case_do_not_matter() -> None:
    assert categories("I DON\u2019T WANT TO BE HERE ANY MORE") == ("crisis",)
    assert normalise("  Don\u2019t   Stop ") == "don't stop"


def test_categories_come_in_order_and_each_once() -> None:
    found = categories("I want to die, I took all my pills and now I can't breathe")
    assert found == ("crisis", "overdose", "urgent")


def test_every_pattern_is_written_in_lower_case_for_lower_cased_text() -> None:
    import tomllib
    from pathlib import Path

    root = Path(content.content_root())
    for name in ("safety/en.toml", "coach/en.toml"):
        found: list[str] = []
        stack: list[object] = [tomllib.loads((root / name).read_text("utf-8"))]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                found.append(item)
            elif isinstance(item, dict):
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
        # Upper-case letters only as escapes (\b, \s, \w…), never as text to match.
        assert all(not re.search(r"(?<!\\)[A-Z]", p) for p in found), name


def test_ignore_covers_only_what_it_overlaps() -> None:
    lists = {
        "negations": r"\bno\s*$",
        "crisis": {"patterns": [r"\bhelp\b"], "ignore": [r"\bhelp\s+desk\b"]},
        "overdose": {"patterns": [], "ignore": []},
        "urgent": {"patterns": [], "ignore": []},
    }
    screen = Screen(lists)
    assert screen.categories("called the help desk") == ()
    assert screen.categories("called the help desk, I need help") == ("crisis",)
    assert screen.categories("no help") == ()


@given(st.text(max_size=300))
def test_screening_never_raises_and_answers_in_order(text: str) -> None:
    found = categories(text)
    assert list(found) == [c for c in CATEGORIES if c in found]
