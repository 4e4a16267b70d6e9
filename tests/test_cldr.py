"""smcoach/cldr.py, the Unicode CLDR's data for each language smcoach speaks besides English, is
what tools/cldr.py writes out from Babel; and smcoach writes every day, in every style, exactly
as Babel would: no command imports Babel."""

import importlib.util
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from babel.dates import format_date, format_skeleton, get_day_names

from smcoach import i18n
from smcoach.cldr import DATA
from smcoach.domain.language import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("cldr_tool", ROOT / "tools" / "cldr.py")
assert _spec is not None and _spec.loader is not None
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)


def test_the_data_is_what_babel_gives():
    assert set(DATA) == set(LANGUAGES) - {"en"}  # every language smcoach speaks has it
    assert tool.data() == DATA, "run: python tools/cldr.py && ruff format src/smcoach/cldr.py"


@pytest.mark.parametrize("language", sorted(DATA))
@pytest.mark.parametrize("style", sorted(i18n.DAY_STYLES))
def test_every_day_of_two_years_is_written_as_babel_writes_it(language, style):
    cldr = i18n.DAY_STYLES[style][1]
    try:
        i18n.use(language)
        day = date(2026, 1, 1)
        while day < date(2028, 1, 1):
            if cldr in ("full", "EEE"):
                expected = format_date(day, cldr, locale=language)
            else:
                expected = format_skeleton(cldr, day, locale=language)
            assert i18n.day_text(day, style) == expected, (day, style)
            day += timedelta(days=1)
        names = get_day_names("abbreviated", locale=language)
        assert [i18n.weekday_text(code) for code in i18n.WEEKDAY_CODES] == [
            names[n] for n in range(7)
        ]
    finally:
        i18n.use("en")


def test_a_command_in_spanish_imports_neither_babel_nor_typing(tmp_path):
    """A check-in in Spanish, dated in a Spanish word, on a file that exists (making a new
    file is not an everyday command)."""
    code = (
        "import sys; sys.argv = ['smcoach', '--lang', 'es', 'check', '--date', 'ayer', "
        "'--done']\nfrom smcoach.__main__ import main\ntry:\n    main()\nexcept SystemExit:\n"
        "    pass\nprint(sorted(m for m in sys.modules if m.split('.')[0] in ('babel', 'typing')))"
    )
    env = {"SMCOACH_DB": str(tmp_path / "a.db"), "SMCOACH_TODAY": "2026-11-24", "PATH": ""}
    smcoach = str(Path(sys.executable).parent / "smcoach")
    made = subprocess.run([smcoach, "plan", "new", "--what", "caminar", "--how-much", "10 min",
                           "--when", "tarde", "--days", "mon,tue", "--confidence", "8"],
                          capture_output=True, env=env)  # fmt: skip
    assert made.returncode == 0, made.stderr
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert "lun, 23 nov" in done.stderr  # yesterday, said in Spanish
    assert done.stdout.strip() == "[]"
