"""Showing text a person typed, or that came from a file, without letting it act on the
terminal: control characters (escape sequences, bells, carriage returns) and the invisible
marks that reorder text (right-to-left overrides) are shown as escapes instead of obeyed.

Kept light: every message passes through here. The patterns are compiled (and cached by
`re`) the first time text needs escaping, which most commands never meet.
"""

import re

# C0 controls but the line break, DEL and C1 controls, and the bidirectional marks, overrides
# and isolates, and the Unicode line and paragraph separators.
_UNSAFE = "\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069"
_CONTROL = f"[{_UNSAFE}]"
_CONTROL_OR_NEWLINE = f"[{_UNSAFE}\n]"


def _escape(match: re.Match[str]) -> str:
    return match[0].encode("unicode_escape").decode("ascii")


def visible(text: str) -> str:
    """Text with its line breaks kept and every other control character shown escaped."""
    if text.replace("\n", "").isprintable():  # every unsafe character is unprintable
        return text
    return re.sub(_CONTROL, _escape, text)


def one_line(text: str) -> str:
    """Text shown on one line: line breaks too are shown escaped (as \\n), so a stored note
    cannot start a line of its own that looks like smcoach's ("Next: …")."""
    if text.isprintable():  # nothing to escape: the common case, quickly
        return text
    return re.sub(_CONTROL_OR_NEWLINE, _escape, text)
