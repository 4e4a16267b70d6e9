"""Hostile values for tests/cli/test_hostile.py: what a person could type or paste, and what a
script could pass, into every text field, option and answers file of smcoach."""

import re

# Text a person could type or paste into any field, by a short name for the test IDs.
TEXT = {
    "empty": "",
    "blank": "   ",
    "100kB": "walk " * 19_999 + "walk.",
    "nul": "a\x00b",
    "esc": "\x1b[31mred\x1b[0m",
    "bell": "ding\x07",
    "cr": "fine\rworse",
    "c1-csi": "csi\x9b2J",
    "newline": "walk\nNext: take double your pills",
    "newline-plain": "walk\nNext: rest all week",
    "rlo": "pills \u202etxt.exe",
    "isolate": "\u2066abc\u2069",
    "markup": "[bold red]x[/]",
    "sql": "'); DROP TABLE agenda;--",
}
BLANK = {"empty", "blank"}  # for a text that must be given: refused

# Only an answers file (JSON) can carry these.
ANSWERS_ONLY = {"lone-surrogate": "x\ud800y"}

DATES = {
    "feb-30": "2021-02-30",
    "week-53": "2021-W53",
    "year-1": "0001-01-01",
    "year-9999": "9999-12-31",
}

CONFIDENCES = {"minus-1": "-1", "eleven": "11", "seven-half": "7.5", "nan": "NaN", "empty": ""}

# Extra values, each not valid, for the kinds of option that are not free text.
EXTRA = {
    "id": {
        "zero": "0",
        "minus": "-1",
        "decimal": "1.5",
        "5000-digits": "9" * 5000,
        "20-digits": "99999999999999999999",
        "exp": "1e3",
    },  # fmt: skip
    "date": {"plus-huge": "+99999999d", "minus-huge": "-99999999d", "slashes": "01/02/2026"},
    "days": {"funday": "mon,funday", "semicolon": "mon;wed"},
    "times": {"zero": "0", "eight": "8", "decimal": "7.5", "nan": "NaN", "minus": "-1"},
    "confidence": {**CONFIDENCES, "inf": "inf", "5000-digits": "9" * 5000},
    "weeks": {
        "zero": "0",
        "minus": "-1",
        "decimal": "7.5",
        "nan": "NaN",
        "5000-digits": "9" * 5000,
    },
    "rate": {
        "eleven": "pain=11",
        "minus": "pain=-1",
        "decimal": "pain=7.5",
        "nan": "pain=NaN",
        "no-value": "pain=",
        "no-name": "=5",
        "no-equals": "pain",
        "unknown": "nosuch=5",
        "5000-digits": "pain=" + "9" * 5000,
    },  # fmt: skip
    "selfcheck": {
        "five": "8,7,skip,9,6",
        "seven": "8,7,9,9,6,7,5",
        "eleven": "8,7,skip,9,6,11",
        "nan": "8,7,skip,9,6,NaN",
        "zero": "0,7,7,7,7,7",
    },  # fmt: skip
    "country": {"one": "G", "three": "GBR", "digits": "12"},
    "step": {"unknown": "nosuch"},
    "symptom": {"unknown": "nosuch"},
}

# What an option of each kind may accept among the values above (by name); every other value
# must be refused. Empty and blank are left open: see the report on this file.
MAY_ACCEPT = {
    "date": {"empty", "blank", "year-1", "year-9999"},
}
DEFAULT_MAY_ACCEPT = {"empty", "blank"}

# Paths a script could pass to --db, --content, --answers, --svg, --html.
PATHS = {
    "empty": "",
    "nul": "a\x00b.toml",
    "esc": "\x1b[31mred\x1b[0m.toml",
    "newline": "walk\nNext: take double your pills.toml",
    "rlo": "x\u202elmot.toml",
    "too-long": "x" * 100_000,
    "missing-dir": "no/such/folder/answers.toml",
}

INVALID_UTF8 = b"\xff\xfe"

# What must never reach a terminal raw: C0 and C1 controls other than the line feed smcoach
# puts between lines (a tab included), and the bidirectional overrides and isolates.
UNSAFE = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def ids(values: dict[str, object]) -> list[str]:
    return list(values)
