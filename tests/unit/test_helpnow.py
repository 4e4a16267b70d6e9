"""Unit tests for smcoach.domain.helpnow and the reviewed table in content/helplines.toml."""

import datetime
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smcoach import content
from smcoach.domain.helpnow import Country, help_for, parse_country, resolve_country
from smcoach.errors import SmcoachError

REQUIRED = ("GB", "IE", "US", "CA", "AU", "NZ", "ES", "MX")


def test_the_setting_comes_first_then_the_env_then_the_locale() -> None:
    env = {"SMCOACH_COUNTRY": "ie", "LANG": "en_US.UTF-8"}
    assert resolve_country("GB", env) == Country("GB", "setting")
    assert resolve_country(None, env) == Country("IE", "env")
    assert resolve_country(None, {"LANG": "en_US.UTF-8"}) == Country("US", "locale", "en_US.UTF-8")
    assert resolve_country(None, {}) == Country(None, "none")


def test_the_locale_is_read_in_the_c_librarys_order() -> None:
    env = {"LC_ALL": "es_MX.UTF-8", "LC_MESSAGES": "en_NZ.UTF-8", "LANG": "en_GB.UTF-8"}
    assert resolve_country(None, env).code == "MX"
    assert resolve_country(None, {"LC_MESSAGES": "en_NZ", "LANG": "en_GB.UTF-8"}).code == "NZ"
    # The first one set decides: C has no territory, so none.
    assert resolve_country(None, {"LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"}).code is None
    assert resolve_country(None, {"LANG": "en_GB.ISO-8859-1@euro"}).code == "GB"


def test_an_unreadable_env_value_is_passed_over() -> None:
    assert resolve_country(None, {"SMCOACH_COUNTRY": "Britain", "LANG": "en_AU.UTF-8"}).code == "AU"


@pytest.mark.parametrize(
    ("text", "code"), [("gb", "GB"), (" uk ", "GB"), ("Es", "ES"), ("FR", "FR")]
)
def test_country_codes(text: str, code: str) -> None:
    assert parse_country(text) == code


@pytest.mark.parametrize("text", ["", "G", "GBR", "1A", "é.", "United Kingdom"])
def test_bad_country_codes_are_one_clear_error(text: str) -> None:
    with pytest.raises(SmcoachError, match="a country is its two-letter code"):
        parse_country(text)


@given(st.text(max_size=8))
def test_parse_country_gives_two_capitals_or_a_clear_error(text: str) -> None:
    try:
        code = parse_country(text)
    except SmcoachError:
        return
    assert re.fullmatch(r"[A-Z]{2}", code)


def test_every_required_country_has_an_emergency_number_and_a_crisis_line() -> None:
    table = content.helplines()
    for code in REQUIRED:
        h = help_for(code, table)
        assert h.country and h.emergency, code
        assert any(line.kind == "crisis" for line in h.lines), code
        assert all(line.call or line.text for line in h.lines), code


def test_every_fact_names_its_source_and_the_day_it_was_checked() -> None:
    table = content.helplines()
    for code, entry in table.items():
        if not isinstance(entry, dict):
            continue
        assert entry["emergency_source"] and entry["emergency_verified"], code
        assert isinstance(entry["emergency_checked"], datetime.date), code
        for line in entry["lines"]:
            assert line["source"], (code, line["name"])
            assert line["verified"] in ("service", "official", "secondary"), (code, line["name"])
            assert isinstance(line["checked"], datetime.date), (code, line["name"])
    assert table["fallback_directory"] and isinstance(table["fallback_checked"], datetime.date)


def test_an_unknown_country_gets_the_fallback() -> None:
    h = help_for("FR", content.helplines())
    assert (h.country, h.emergency, h.lines) == (None, (), ())
    assert h.directory == "findahelpline.com"
    assert help_for(None, content.helplines()).lines == ()
