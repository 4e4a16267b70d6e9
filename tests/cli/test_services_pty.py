"""Problem-solving's step 6 in a real pseudo-terminal: the community services matching the
problem are offered, one is chosen, it becomes the idea to try and then the action plan, tied
to the service ('plan show' gives its phone and hours). And adding a service at a terminal
asks for what was not given."""

from pathlib import Path

import pytest

from ptyhelp import (
    CHOICE,
    CONFIDENCE,
    HOW_MUCH,
    HOW_OFTEN,
    WHEN,
    Session,
    run,
    run_json,
    terminal_env,
)

PROBLEM = "What is the problem?"
IDEA = "  -: "
PICK_SUGGESTIONS = "Type the numbers of any you want to add to your list"
OFFER = "To try one of these, type its number; or press Enter to name someone yourself: "
MAKE_PLAN = "Make this idea your action plan now? [y/N]: "


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return terminal_env(tmp_path)


def test_step_six_offers_services_and_the_one_chosen_becomes_the_plan(env):
    run(env, "services", "add", "--name", "Carers' centre", "--organization", "Carers Leeds",
        "--phone", "0113 496 0000", "--hours", "Mon-Fri 9-5", "--category", "carers",
        "--checked", "2025-01-01")  # fmt: skip
    run(env, "services", "add", "--name", "Lunch club", "--category", "food")
    s = Session(env, "solve")
    s.answer(PROBLEM, "Since my wife's stroke I have no time for myself as her carer")
    s.see("What is it mostly about?", "  6. ")
    s.answer(CHOICE, "6")
    s.answer(IDEA, "")
    s.answer(PICK_SUGGESTIONS, "")
    s.see("Step 6 of 7: use other resources.", "Community services that may help with this:")
    s.see("  1. Carers' centre (Carers Leeds)")
    s.see("phone 0113 496 0000; open Mon-Fri 9-5; details may be out of date")
    s.answer(OFFER, "3")  # not one on offer: asked again
    s.see("type 1 to try it, or press Enter for none")
    s.answer(OFFER, "1")
    s.answer(MAKE_PLAN, "y")
    s.answer(HOW_MUCH, "one phone call")
    s.answer(WHEN, "Tuesday morning")
    s.answer(HOW_OFTEN, "tue")
    s.answer(CONFIDENCE, "9")
    s.see("Saved action plan 1")
    assert s.finish() == 0
    assert "Lunch club" not in s.transcript
    plan = run_json(env, "plan", "show", "1")
    assert isinstance(plan, dict)
    assert plan["what"] == "Contact Carers' centre (phone 0113 496 0000)"
    assert (plan["service"]["phone"], plan["service"]["hours"]) == ("0113 496 0000", "Mon-Fri 9-5")
    shown = run(env, "plan", "show", "1").stdout
    assert "1: Carers' centre" in shown and "2025-01-01 (may be out of date)" in shown


def test_enter_at_the_offer_asks_who_else_could_help(env):
    run(env, "services", "add", "--name", "Carers' centre", "--category", "carers")
    s = Session(env, "solve")
    s.answer(PROBLEM, "Looking after my mother as her carer takes all my time")
    s.answer(CHOICE, "6")
    s.answer(IDEA, "")
    s.answer(PICK_SUGGESTIONS, "")
    s.answer(OFFER, "")
    s.answer("Who could you ask, or what service could you try", "my sister")
    s.answer(MAKE_PLAN, "")
    assert s.finish() == 0
    shown = run_json(env, "solve", "show", "1")
    assert isinstance(shown, dict)
    assert [i["text"] for i in shown["ideas"]] == ["my sister"]


def test_adding_at_a_terminal_asks_for_the_essentials(env):
    s = Session(env, "services", "add", "--category", "walking group")
    s.answer("What is the service called?", "Health walks")
    s.answer("What does it offer? (Enter to skip)", "Short led walks from the library")
    s.answer("How can you get in touch? A phone number, an email or a web address", "ring Jo")
    s.see("'ring Jo' is not a phone number, an email or a web address")
    s.answer("(Enter to skip)", "walks@example.org")
    s.see("Added service 1: Health walks.")
    assert s.finish() == 0
    walks = run_json(env, "services", "show", "1")
    assert isinstance(walks, dict)
    assert (walks["description"], walks["email"], walks["categories"]) == (
        "Short led walks from the library",
        "walks@example.org",
        ["walking group"],
    )
