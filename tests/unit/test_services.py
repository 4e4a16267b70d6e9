"""Community services, the domain rules: field checks, the out-of-date rule, matching a
problem's words and kind, and the idea a chosen service becomes."""

from datetime import date

import pytest

from smcoach.domain.problems import KINDS
from smcoach.domain.services import (
    KIND_TERMS,
    Service,
    contact_field,
    idea_text,
    out_of_date,
    plausible_email,
    plausible_phone,
    plausible_url,
    problem_terms,
    problems,
    split_list,
)

TODAY = date(2026, 11, 23)


def service(**fields: object) -> Service:
    return Service(ref="1", hsds_id="s-1", name="Carers' centre", **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "number",
    ["0113 496 0000", "+44 113 496 0000", "(0113) 496-0000", "999", "116 123", "1-800-273-8255",
     "0113 496 0000 ext. 12", "0113 496 0000; 0800 123 456", "+353 1 234 5678"],
)  # fmt: skip
def test_phone_numbers_of_any_country_are_plausible(number):
    assert plausible_phone(number)


@pytest.mark.parametrize("number", ["", "call us", "12", "0113 496 0000 or so", "ring@me", ";"])
def test_what_is_not_a_phone_number(number):
    assert not plausible_phone(number)


def test_email_and_web_addresses_are_plausible_not_strict():
    assert plausible_email("help@carers.org.uk")
    assert not plausible_email("help at carers")
    assert not plausible_email("help@carers")
    for url in ("carers.org.uk", "https://www.carers.org.uk/help?x=1", "http://example.org:8080/"):
        assert plausible_url(url), url
    for url in ("carers", "not a site.org", "https://", "mailto:a@b.org"):
        assert not plausible_url(url), url


def test_problems_name_each_field_that_is_wrong():
    bad = service(status="closed", email="nope", url="nope", phone="nope", checked=date(2027, 1, 1))
    assert [field for field, _ in problems(bad, TODAY)] == [
        "status",
        "email",
        "url",
        "phone",
        "checked",
    ]
    assert problems(service(status="temporarily closed", checked=TODAY), TODAY) == []
    assert "name" in dict(problems(service()._replace(name="  "), TODAY))
    message = dict(problems(bad, TODAY))["status"]
    assert "active, inactive, defunct, temporarily closed" in message


def test_out_of_date_after_a_year_or_never_checked():
    assert out_of_date(service(), TODAY)  # never checked
    assert not out_of_date(service(checked=date(2025, 11, 23)), TODAY)  # 365 days
    assert out_of_date(service(checked=date(2025, 11, 22)), TODAY)  # 366 days
    assert not out_of_date(service(checked=TODAY), TODAY)


def test_lists_are_split_on_semicolons_each_item_once():
    assert split_list(" carers ;advice;; Carers ; walking   group ") == (
        "carers",
        "advice",
        "walking group",
    )
    assert split_list(None) == ()


def test_one_answer_for_how_to_get_in_touch_finds_its_field():
    assert contact_field("0113 496 0000") == "phone"
    assert contact_field("help@carers.org.uk") == "email"
    assert contact_field("carers.org.uk") == "url"
    assert contact_field("ask at the desk") is None


def test_a_problem_is_matched_by_its_words_and_its_kind():
    terms = problem_terms("I can't get out to the shops since my husband's stroke", "time")
    assert "shops" in terms and "husband" in terms and "stroke" in terms
    assert "the" not in terms and "can" not in terms and "get" not in terms
    assert terms[-4:] == KIND_TERMS["time"]  # the kind's words after the problem's own
    assert set(KIND_TERMS) == set(KINDS)  # every kind of problem has its words
    assert problem_terms("", None) == ()


def test_a_chosen_service_becomes_an_idea_with_a_way_to_reach_it():
    assert idea_text(service(phone="0113 496 0000; 0800 1")) == (
        "Contact Carers' centre (phone 0113 496 0000)"
    )
    assert idea_text(service(email="a@b.org")) == "Contact Carers' centre (email a@b.org)"
    assert idea_text(service(url="carers.org")) == "Contact Carers' centre (carers.org)"
    assert idea_text(service()) == "Contact Carers' centre"
