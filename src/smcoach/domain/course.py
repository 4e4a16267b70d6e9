"""A facilitator's course register: courses of weekly sessions, their participants, and the
plans each makes in the round of the room. Pure: no I/O, `today` is passed in.

A course's weeks are its session numbers: week 1 is the first session, on the course's start
day, and week N's session is 7 * (N - 1) days later. A plan made at the session of week N is
for the days until the next session; its feedback is given at the session of week N + 1."""

from datetime import date, timedelta
from typing import NamedTuple

from smcoach.errors import SmcoachError
from smcoach.messages import t

FEEDBACK = ("done", "partly", "not")
COMPLETER_SESSIONS = 4  # attended at least 4 of the 6 sessions: the programme's completer
DEFAULT_WEEKS = 6
MAX_WEEKS = 52  # the schema's limit: a year of weekly sessions
NAME_LENGTH = 40  # a first name or initials: anything longer is likely more than that


class Course(NamedTuple):
    id: int
    name: str
    start: date  # the day of the first session
    weeks: int
    created_at: str

    def session_day(self, week: int) -> date:
        return self.start + timedelta(days=7 * (week - 1))

    def week_on(self, day: date) -> int:
        """The course week whose session is on or before `day` (1 before the course starts,
        `weeks` after it ends): the session a facilitator is most likely running."""
        return min(max((day - self.start).days // 7 + 1, 1), self.weeks)

    @property
    def last_day(self) -> date:
        """The day before the session after the last one: the course runs until then."""
        return self.session_day(self.weeks) + timedelta(days=6)

    def runs_on(self, day: date) -> bool:
        return self.start <= day <= self.last_day


class Participant(NamedTuple):
    id: int
    course_id: int
    name: str  # a first name or initials, never more
    status: str  # active, removed (their history is kept)
    added: date
    removed: date | None = None


class CoursePlan(NamedTuple):
    """The plan a participant made at the session of `week`, with its feedback once given."""

    participant_id: int
    week: int
    what: str
    how_much: str
    when: str
    days: tuple[str, ...] | None  # fixed weekdays, or None when `times` is used
    times: int | None
    confidence: int
    first_confidence: int  # before any reworking in the group
    recorded_at: str
    feedback: str | None = None  # one of FEEDBACK, said at the next session
    wants_problem_solving: bool | None = None
    feedback_at: str | None = None
    agreed_with_professional: bool = False  # a safety finding, agreed with a professional


def parse_week(text: str | int, course: Course) -> int:
    """A course week as typed: a whole number from 1 to the course's number of weeks."""
    value = _whole(text)
    if value is None or not 1 <= value <= course.weeks:
        raise SmcoachError(t("group.week_range", got=text, weeks=course.weeks, course=course.name))
    return value


def parse_weeks(text: str | int) -> int:
    """How many weekly sessions a course has: 1 to MAX_WEEKS."""
    value = _whole(text)
    if value is None or not 1 <= value <= MAX_WEEKS:
        raise SmcoachError(t("group.weeks_range", got=text, most=MAX_WEEKS))
    return value


def participant_name(text: str) -> str:
    """A participant's name as it is kept: a first name or initials, its spaces tidied, on
    one line, at most NAME_LENGTH characters, with no digits."""
    name = " ".join(text.split())
    if not name:
        raise SmcoachError(t("group.name_empty"))
    if len(name) > NAME_LENGTH or not name.isprintable():
        raise SmcoachError(t("group.name_bad", name=name, most=NAME_LENGTH))
    if any(c.isdigit() for c in name):  # a date of birth or a number: not a first name
        raise SmcoachError(t("group.name_digits", name=name))
    return name


def course_name(text: str) -> str:
    """A course's name, its spaces tidied, on one line."""
    name = " ".join(text.split())
    if not name:
        raise SmcoachError(t("group.course_name_empty"))
    if len(name) > 2 * NAME_LENGTH or not name.isprintable():
        raise SmcoachError(t("group.course_name_bad", name=name, most=2 * NAME_LENGTH))
    return name


def same_name(a: str, b: str) -> bool:
    """Names are the same whatever their case ("ann", "Ann"), in any alphabet."""
    return a.casefold() == b.casefold()


def _whole(text: str | int) -> int | None:
    if isinstance(text, bool):
        return None
    if isinstance(text, int):
        return text
    s = text.strip()
    return int(s) if s.isascii() and s.isdigit() and len(s) <= 9 else None
