"""The exceptions a person can cause. One place (cli) turns them into 'Error: …' and exit 1."""


class SmcoachError(Exception):
    """A problem the person can fix; the message is one line, already worded for them."""


class StoreError(SmcoachError):
    """The database file cannot be used as it is (missing folder, damaged, read-only, too new)."""


class DamagedError(StoreError):
    """The file is smcoach's (or SQLite's) but damaged: a backup can be restored over it."""


class InputEnded(SmcoachError):
    """Input ended (end of file) before a question was answered."""


class NotSaved(SmcoachError):
    """An honest answer, not a mistake: the command did what the method asks and saved
    nothing yet (a plan under confidence 7). Shown without 'Error:', still exit 1."""
