"""The round of the room as a pure state machine: whose turn it is, and what to ask them next,
derived from what is saved (attendance, plans) and the round's answers saved so far. The CLI
asks and shows; the store saves each step as it is given, so a round can stop anywhere and
carry on, losing nothing.

One participant at a time, in name order:
  present?        no: absent is recorded, and on to the next
  feedback        on their latest plan before this week, if it has had none: done / partly /
  problem_solving   not, and whether they want the group's problem-solving
  what, how_much, when, how_often, confidence: this week's plan
and the action-plan coach reads the plan, as it reads a person's own (domain/coach.py,
`next_ask`): words that call for help now are not made a plan (caught as soon as they are
given: change them, or leave the plan for now); a medicine, food or big exercise change is
saved once agreed with a professional; confidence under 7 is one for the group to discuss,
offered for reworking (a new how much, how often and confidence; for daily care, a new time
instead, never less), and kept if the facilitator says so, never refused; each part a finding
is about is asked once more. From an answers file the plan is taken as written: nothing is
asked again, low confidence is kept, and a plan to agree with a professional waits for the
file to say it is agreed.

`skip` puts a participant at the end of the round (marked in their answers, so a resumed round
keeps the order); skipped again when the round comes back to them, they are left for this
run, as is a plan left for now. `stop` ends the run: everything answered is saved.
"""

from collections.abc import Callable, Iterable
from typing import NamedTuple

from smcoach.domain.coach import LOW_CONFIDENCE, Finding, next_ask
from smcoach.domain.course import Course, CoursePlan, Participant
from smcoach.domain.models import PlanDraft
from smcoach.domain.rules import (
    CONFIDENT,
    answer,
    answer_words,
    parse_confidence,
    parse_how_often,
    require_text,
    unaccented,
    with_translations,
)
from smcoach.errors import SmcoachError
from smcoach.messages import t

PARTS = ("what", "how_much", "when", "how_often", "confidence")
# The coach names how often "days"; the round asks it as how_often.
_PART_OF = {"days": "how_often"}
REWORK = ("how_much", "how_often", "confidence")
REWORK_CARE = ("when", "confidence")  # daily care: never "do less", look at the time instead
SAVE = "save"  # not a question: the plan is ready to save


class Skip(Exception):
    """The facilitator typed 'skip': this participant comes back at the end of the round."""


class Stop(Exception):
    """The facilitator typed 'stop': the round ends here, everything answered kept."""


class Seat(NamedTuple):
    """One participant's place in this week's round: what is saved for them so far."""

    participant: Participant
    present: bool | None = None  # None: not asked yet
    last_plan: CoursePlan | None = None  # their latest plan before this week
    last_attended: int | None = None  # the latest session before this week they attended
    plan: CoursePlan | None = None  # this week's plan, once saved
    answers: dict[str, str] = {}  # the round's answers saved so far (never changed in place)

    @property
    def finished(self) -> bool:
        return self.present is False or self.plan is not None

    @property
    def skipped(self) -> bool:
        return self.answers.get("skipped") == "yes"

    @property
    def needs_feedback(self) -> bool:
        return bool(self.present) and self.last_plan is not None and self.last_plan.feedback is None

    @property
    def wants_problem_solving(self) -> bool:
        """Asked for the group's problem-solving at this session: feedback on their last plan
        given, with no session attended between (that is when it is asked)."""
        last = self.last_plan
        return (
            bool(self.present)
            and last is not None
            and bool(last.wants_problem_solving)
            and (self.last_attended or 0) <= last.week
        )


class Ask(NamedTuple):
    """The next question for a participant: present, feedback, problem_solving, a part of the
    plan (PARTS), help_now (change the words, or leave the plan for now), agreed (with a
    professional: yes, change, leave), discuss (low confidence: rework, or keep) or SAVE."""

    key: str
    default: str | None = None  # what Enter keeps
    again: bool = False  # a part asked once more, its answer offered back
    field: str | None = None  # the part of the plan a finding is about (the coach's name)
    code: str | None = None  # the finding a part is asked again for
    findings: tuple[Finding, ...] = ()  # what the coach says, shown before the question


class RoundSave(NamedTuple):
    """What one step of the round writes, in one transaction."""

    participant_id: int
    week: int
    answers: dict[str, str | None] = {}  # round answers to keep (None: to delete)
    present: bool | None = None
    feedback: tuple[int, str, bool] | None = None  # (their plan's week, how it went, wants PS)
    plan: PlanDraft | None = None  # the whole plan, ready
    first_confidence: int | None = None
    agreed: bool = False
    done: bool = False  # the participant is finished this week: their round answers go


class Summary(NamedTuple):
    week: int
    present: list[str]
    absent: list[str]
    plans: list[tuple[str, CoursePlan]]
    discuss: list[tuple[str, CoursePlan]]  # confidence under 7: for the group to discuss
    problem_solving: list[str]
    skipped: list[str]  # skipped (or left for now), not returned to
    to_come: list[str]  # not reached: the round stopped first
    complete: bool


def yes_no(text: str) -> str:
    from smcoach.domain.rules import NO, YES

    a = answer(text)
    if a in YES:
        return "yes"
    if a in NO:
        return "no"
    raise SmcoachError(t("group.yes_no", got=text, **answer_words()))


def _one_of(text: str, words: dict[str, str], key: str) -> str:
    """The choice a word names, or its first letters ('p' for partly), accented or not."""
    typed = {answer(" ".join(text.split())), unaccented(answer(" ".join(text.split())))}
    for a in typed:
        if a in words:
            return words[a]
    starting = {v for w, v in words.items() for a in typed if a and w.startswith(a)}
    if len(starting) == 1:
        return starting.pop()
    raise SmcoachError(t(f"group.choose_{key}", got=text, **answer_words()))


_CHOICES = {
    "feedback": {"done": "done", "partly": "partly", "not": "not", "not done": "not"},
    "help_now": {"change": "change", "leave": "leave"},
    "agreed": {
        "yes": "agreed",
        "agreed": "agreed",
        "change": "change",
        "leave": "leave",
        "no": "leave",
    },  # fmt: skip
    "discuss": {"rework": "rework", "keep": "keep"},
}


def parse(ask: Ask, text: str) -> str:
    """An answer as it is kept: a choice as its word, a part of the plan as typed (checked).
    'skip' and 'stop' raise Skip and Stop, at any question."""
    control = with_translations({"skip": "skip", "stop": "stop"}).get(answer(text))
    if control == "skip":
        raise Skip
    if control == "stop":
        raise Stop
    key = ask.key
    if key in ("present", "problem_solving"):
        return yes_no(text)
    if key in _CHOICES:
        return _one_of(text, with_translations(_CHOICES[key]), key)
    if key == "how_often":
        parse_how_often(text)  # checked as a person's plan is; kept as typed
        return text.strip()
    if key == "confidence":
        return str(parse_confidence(text))
    return require_text(text, t(f"group.part.{key}"))


class Round:
    """The round of the room for one week of a course. `review` is the action-plan coach's
    reading of a draft (Coach.review). `only`: the participants to ask (an answers file's);
    the others are left for another run."""

    def __init__(
        self,
        course: Course,
        week: int,
        seats: Iterable[Seat],
        review: Callable[[PlanDraft], list[Finding]],
        *,
        from_file: bool = False,
        only: set[int] | None = None,
    ):
        self.course, self.week, self.review, self.from_file = course, week, review, from_file
        self.seats = {s.participant.id: s for s in seats}
        # Not asked again in this run: skipped when the round came back to them, or their
        # plan left for now (and with `only`, those the answers file does not name).
        self.left: set[int] = set() if only is None else set(self.seats) - only

    # --- whose turn, and what to ask ------------------------------------------------------------

    def queue(self) -> list[Seat]:
        """Those still to finish this week: in name order, the skipped ones last."""
        waiting = [
            s for s in self.seats.values() if not s.finished and s.participant.id not in self.left
        ]
        return sorted(
            waiting, key=lambda s: (s.skipped, s.participant.name.casefold(), s.participant.id)
        )

    def next_turn(self) -> tuple[Seat, Ask] | None:
        queue = self.queue()
        return (queue[0], self.ask(queue[0])) if queue else None

    def ask(self, seat: Seat) -> Ask:
        a = seat.answers
        if seat.present is None:
            return Ask("present")
        if seat.needs_feedback:
            return Ask("problem_solving" if "feedback" in a else "feedback")
        leave = "leave" if self.from_file else None  # a file that does not say so: not agreed
        held = self._calls_for_help(a)
        if held is not None:  # caught as soon as it is given, as in a person's own plan
            return Ask("help_now", default=leave, field=held.field, findings=(held,))
        redo = _redo(a)
        if redo:
            return Ask(redo[0], default=a.get(redo[0]), again=redo[0] in a)
        for part in PARTS:
            if part not in a:
                return Ask(part)
        findings = self.review(self.draft(seat))
        rethink = frozenset((f.code, f.field or "") for f in findings if f.kind == "rethink")
        step = next_ask(
            findings,
            agreed=a.get("agreed") == "yes",
            kept_low=self.from_file or a.get("discuss") == "keep",
            asked=rethink if self.from_file else _asked(a),  # a file's plan is as written
        )
        shown = tuple(f for f in findings if f.code not in LOW_CONFIDENCE)
        if step.step == "help_now":
            return Ask("help_now", default=leave, field=step.field, findings=shown)
        if step.step == "agree":
            return Ask("agreed", default=leave, field=step.field, findings=shown)
        if step.step == "smaller":
            low = tuple(f for f in findings if f.code in LOW_CONFIDENCE)
            return Ask("discuss", default=t("answer.keep"), findings=low)  # as typed: its word
        if step.step == "field":
            part = _PART_OF.get(step.field or "", step.field or "what")
            return Ask(part, default=a[part], again=True, field=step.field, code=step.code,
                       findings=shown)  # fmt: skip
        return Ask(SAVE, findings=shown if self.from_file else ())

    def _calls_for_help(self, answers: dict[str, str]) -> Finding | None:
        """The coach's help-now finding on the parts of the plan given so far, if any."""
        if not any(part in answers for part in ("what", "how_much", "when")):
            return None
        given = PlanDraft(answers.get("what", ""), answers.get("how_much", ""),
                          answers.get("when", ""), None, 1, 10, self.course.start)  # fmt: skip
        return next((f for f in self.review(given) if f.kind == "help_now"), None)

    def kept(self, seat: Seat) -> list[tuple[str, str]]:
        """The parts of this week's plan answered so far, (part, answer), to show when a turn
        carries on: never words that call for help now, which are not shown to the room
        again (each free-text part is read on its own, so that none is missed)."""
        a = seat.answers
        held = {p for p in ("what", "how_much", "when")
                if p in a and self._calls_for_help({p: a[p]}) is not None}  # fmt: skip
        return [(p, a[p]) for p in PARTS if p in a and p not in held]

    def draft(self, seat: Seat) -> PlanDraft:
        a = seat.answers
        days, times = parse_how_often(a["how_often"])
        return PlanDraft(
            what=a["what"],
            how_much=a["how_much"],
            when=a["when"],
            days=days,
            times=times,
            confidence=int(a["confidence"]),
            start=self.course.session_day(self.week),
        )

    def rework_parts(self, seat: Seat) -> tuple[str, ...]:
        """What reworking asks again: for daily care (medicines, monitoring) never less."""
        findings = self.review(self.draft(seat))
        return REWORK_CARE if any(f.code == "low_confidence_care" for f in findings) else REWORK

    # --- answers --------------------------------------------------------------------------------

    def answer(self, seat: Seat, ask: Ask, value: str | None) -> RoundSave:
        """Take an answer (as `parse` gave it; None for SAVE): what to write, and the seat
        moves on."""
        pid, save = seat.participant.id, RoundSave(seat.participant.id, self.week)
        a = seat.answers
        if ask.key == "present":
            save = save._replace(present=value == "yes", done=value == "no")
        elif ask.key == "feedback":
            save = save._replace(answers={"feedback": value})
        elif ask.key == "problem_solving":
            assert seat.last_plan is not None
            save = save._replace(
                answers={"feedback": None},
                feedback=(seat.last_plan.week, a["feedback"], value == "yes"),
            )
        elif ask.key in PARTS:
            save = save._replace(answers=self._part(seat, ask, value or ""))
        elif ask.key == "help_now" and value == "change":
            # Asked afresh, in its place: the words are kept aside, never offered back; a
            # plan already complete is then asked its confidence again.
            part = ask.field or "what"
            redo = f"{part},confidence" if "confidence" in a else None
            save = save._replace(answers={f"held.{part}": a.get(part), part: None, "redo": redo})
        elif ask.key == "agreed" and value == "agreed":
            save = save._replace(answers={"agreed": "yes"})
        elif ask.key == "agreed" and value == "change":
            save = save._replace(
                answers={"redo": _PART_OF.get(ask.field or "", ask.field or "what")}
            )
        elif ask.key == "discuss" and value == "keep":
            save = save._replace(answers={"discuss": "keep"})
        elif ask.key == "discuss":
            save = save._replace(answers={"redo": ",".join(self.rework_parts(seat))})
        elif ask.key in ("help_now", "agreed"):  # leave the plan for now
            self.left.add(pid)
            save = save._replace(answers={"skipped": "yes"})
        elif ask.key == SAVE:
            draft = self.draft(seat)
            save = save._replace(
                plan=draft,
                first_confidence=int(a.get("first_confidence", a["confidence"])),
                agreed=a.get("agreed") == "yes",
                done=True,
            )
        else:
            raise ValueError(f"unknown question {ask.key!r}")
        self.seats[pid] = _applied(seat, save)
        return save

    def _part(self, seat: Seat, ask: Ask, value: str) -> dict[str, str | None]:
        a = seat.answers
        changes: dict[str, str | None] = {ask.key: value}
        if ask.key == "confidence" and "first_confidence" not in a:
            changes["first_confidence"] = value
        redo = _redo(a)
        if redo and redo[0] == ask.key:
            rest = redo[1:]
            if value != a.get(ask.key) and ask.key != "confidence" and "confidence" not in rest:
                rest = (*rest, "confidence")  # a changed plan: how sure are they now?
            changes["redo"] = ",".join(rest) or None
        elif ask.again:  # a part the coach asked about: asked once
            asked = sorted({*_asked(a), (ask.code or "", ask.field or ask.key)})
            changes["asked"] = ";".join(f"{code}:{field}" for code, field in asked)
            if value != a.get(ask.key) and ask.key != "confidence":
                changes["redo"] = "confidence"
        return changes

    def skip(self, seat: Seat) -> RoundSave | None:
        """Skip this participant: to the end of the round; skipped again there (or in an
        earlier run), left for this run. Returns what to write, if anything."""
        pid = seat.participant.id
        if seat.skipped:
            self.left.add(pid)
            return None
        save = RoundSave(pid, self.week, answers={"skipped": "yes"})
        self.seats[pid] = _applied(seat, save)
        return save

    # --- the end --------------------------------------------------------------------------------

    def summary(self) -> Summary:
        seats = sorted(
            self.seats.values(), key=lambda s: (s.participant.name.casefold(), s.participant.id)
        )
        plans = [(s.participant.name, s.plan) for s in seats if s.plan is not None]
        waiting = [s for s in seats if not s.finished]
        return Summary(
            week=self.week,
            present=[s.participant.name for s in seats if s.present],
            absent=[s.participant.name for s in seats if s.present is False],
            plans=plans,
            discuss=[(n, p) for n, p in plans if p.confidence < CONFIDENT],
            problem_solving=[s.participant.name for s in seats if s.wants_problem_solving],
            skipped=[s.participant.name for s in waiting if s.skipped],
            to_come=[s.participant.name for s in waiting if not s.skipped],
            complete=not waiting,
        )


def _redo(answers: dict[str, str]) -> tuple[str, ...]:
    """The parts being asked again, in order (after a change or a rework)."""
    return tuple(p for p in answers.get("redo", "").split(",") if p)


def _asked(answers: dict[str, str]) -> frozenset[tuple[str, str]]:
    """The coach's findings whose part was asked once more: (code, field)."""
    pairs = (item.partition(":") for item in answers.get("asked", "").split(";") if item)
    return frozenset((code, field) for code, _, field in pairs)


def _applied(seat: Seat, save: RoundSave) -> Seat:
    """The seat once `save` is written (as the store would read it back)."""
    answers = {**seat.answers}
    for key, value in save.answers.items():
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
    seat = seat._replace(answers=answers)
    if save.present is not None:
        seat = seat._replace(present=save.present)
    if save.feedback is not None and seat.last_plan is not None:
        _, how, wants = save.feedback
        seat = seat._replace(
            last_plan=seat.last_plan._replace(feedback=how, wants_problem_solving=wants)
        )
    if save.plan is not None:
        d = save.plan
        plan = CoursePlan(seat.participant.id, save.week, d.what, d.how_much, d.when, d.days,
                          d.times, d.confidence, save.first_confidence or d.confidence, "",
                          agreed_with_professional=save.agreed)  # fmt: skip
        seat = seat._replace(plan=plan)
    if save.done:
        seat = seat._replace(answers={})
    return seat


# --- the self-efficacy scale, one participant at a time (`group selfcheck`) -----------------------

SCALE_TURN = ("now", "later", "stop")  # a participant's turn: answer now, later, or end it


class ScaleRound:
    """Who answers the self-efficacy scale next: each participant in turn answers now, later
    (once the others have had their turn, the round comes back to them once), or stops the
    round; those not asked are said at the end (running it again asks them)."""

    def __init__(self, waiting: Iterable[Participant]):
        self.queue = list(waiting)
        self.later: list[Participant] = []
        self.second_turn = False

    def next(self) -> Participant | None:
        return self.queue[0] if self.queue else None

    def took(self, choice: str) -> list[Participant]:
        """The participant whose turn it was chose `choice` (and answered, if 'now'). Returns
        those the round now comes back to, when it does."""
        person = self.queue.pop(0)
        if choice == "stop":
            self.later = [person, *self.queue, *self.later]
            self.queue = []
            return []
        if choice == "later":
            self.later.append(person)
        if not self.queue and self.later and not self.second_turn:
            self.queue, self.later, self.second_turn = self.later, [], True
            return list(self.queue)
        return []
