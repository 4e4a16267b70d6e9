"""The question cards: the wording of smcoach's questions, kept in content/ (shipped inside the
wheel as smcoach/content), not in code."""

import tomllib
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


def content_root() -> Traversable:
    packaged = files("smcoach") / "content"
    if packaged.is_dir():
        return packaged
    # An editable install from a source checkout: content/ sits at the repository's top.
    return Path(__file__).resolve().parents[2] / "content"


@cache
def cards(language: str = "en") -> dict[str, Any]:
    text = (content_root() / "cards" / f"{language}.toml").read_text("utf-8")
    return tomllib.loads(text)


def card(section: str, key: str) -> str:
    value: str = cards()[section][key]
    return value
