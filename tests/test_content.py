"""The question cards load, and ship inside the installed package."""

from importlib.resources import files
from pathlib import Path

import pytest

import smcoach
from smcoach.content import card, cards

REPO_CONTENT = Path(__file__).resolve().parents[1] / "content"


def test_cards_have_every_question_the_cli_asks():
    plan_keys = {"intro", "what", "how_much", "when", "how_often", "confidence", "again",
                 "smaller", "smaller_less", "smaller_fewer", "smaller_time", "smaller_what",
                 "smaller_barrier", "smaller_keep", "barrier", "barrier_idea", "safety",
                 "safety_agreed", "safety_change", "safety_leave", "help_now",
                 "help_now_change", "help_now_leave"}  # fmt: skip
    assert plan_keys <= set(cards()["plan"])
    assert {"status", "note"} <= set(cards()["check"])
    assert card("plan", "confidence").startswith("How sure are you, from 0")


@pytest.mark.skipif("site-packages" not in smcoach.__file__, reason="an editable install")
def test_installed_package_carries_its_own_content():
    packaged = files("smcoach") / "content" / "cards" / "en.toml"
    assert packaged.is_file()
    assert packaged.read_text("utf-8") == (REPO_CONTENT / "cards" / "en.toml").read_text("utf-8")
