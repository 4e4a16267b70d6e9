"""smcoach selfcheck: the self-efficacy scale published in the person's language, and its history.

In English the Self-Efficacy for Managing Chronic Disease 6-item scale (SEMCD-6), in Spanish
the Spanish scale (SEMCD-S, four items of its own): each from content/scales/, exactly as
published; the forms' rules and when to suggest the scale are in smcoach.domain.selfefficacy.
Questions go through an Asker (keys 'selfcheck.1' on); nothing is saved until every one is
answered or skipped, and then the check and its answers are saved in one transaction, under
the name of its form.
"""

from collections.abc import Callable
from datetime import date as Date
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from smcoach.cli.common import interactive, now, today
from smcoach.cli.prompts import Asker, TerminalAsker, ask
from smcoach.domain.dates import parse_day
from smcoach.domain.selfefficacy import example_answers
from smcoach.errors import SmcoachError
from smcoach.i18n import day_text, language
from smcoach.messages import t
from smcoach.render import notice

if TYPE_CHECKING:
    from smcoach.domain.selfefficacy import Rule, Selfcheck
    from smcoach.store import Store

T = TypeVar("T")
Opt = typer.Option


def selfcheck(
    ctx: typer.Context,
    answers: Annotated[
        str | None,
        Opt(
            "--answers",
            help="Your six answers in order, separated by commas, each 1-10 or skip: "
            "e.g. 8,7,skip,9,6,7.",
            show_default=False,
        ),
    ] = None,
    on: Annotated[
        str | None,
        Opt(
            "--date",
            help="The day you answered (default today): e.g. yesterday, 2026-11-23.",
            show_default=False,
        ),
    ] = None,
    history: Annotated[
        bool, Opt("--history", help="Show your past checks instead of taking one.")
    ] = False,
    json_out: Annotated[
        bool, Opt("--json", help="Print JSON: the check just saved, or with --history all of them.")
    ] = False,
) -> None:
    """Answer six questions on how confident you are that you can manage your health.

    Answer each from 1 (not at all confident) to 10 (totally confident), or skip it. Your
    score is the mean of your answers: higher means more confident. With more than two
    questions skipped there is no score, but your answers are kept. Taken now and again (the
    today view suggests when), your scores show how your confidence changes.

    The questions are the Self-Efficacy for Managing Chronic Disease 6-Item Scale, Stanford
    Patient Education Research Center (Lorig et al. 2001), used as published; the published
    form says it is free to use without permission. Source: Lorig KR, Sobel DS, Ritter PL,
    Laurent D, Hobbs M. Effect of a self-management program for patients with chronic
    disease. Effective Clinical Practice 2001;4:256-262.

    Example: smcoach selfcheck --answers 8,7,skip,9,6,7
    """
    from smcoach.domain.selfefficacy import form_for, other_forms, parse_answers
    from smcoach.render import views, write, write_json

    if history:
        if answers is not None or on is not None:
            raise SmcoachError(t("selfcheck.history_alone"))
        checks = ctx.obj.store.selfchecks()
        if json_out:
            write_json(views.selfchecks_json(checks))
        else:
            write(views.selfchecks_blocks(checks))
        return
    day = today()
    when = parse_day(on, day) if on is not None else day
    if when > day:
        raise SmcoachError(t("selfcheck.future", day=when))
    rule = form_for(language())
    if answers is not None:
        given = parse_answers(answers, rule)
    elif interactive():
        given = ask_selfcheck(_Terminal(), rule)
    else:
        raise SmcoachError(
            t("selfcheck.needs_terminal", n=rule.items, example=example_answers(rule))
        )
    check = save_selfcheck(ctx.obj.store, when, given, rule)
    notice(t("selfcheck.saved", day=day_text(when, "day_year"), form=check.form))
    notice(views.selfcheck_explained(check))
    if ctx.obj.store.selfcheck_days(check.form)[0] == when:  # the first on this scale: a
        others = other_forms(ctx.obj.store.selfcheck_forms(), check.form)  # switch is told
        for other, n in others.items():
            notice(t("selfcheck.other_form", form=check.form, other=other, n=n))
    if json_out:
        write_json(views.selfcheck_json(check))


def ask_selfcheck(asker: Asker, rule: "Rule") -> list[int | None]:
    """Ask the form's items in turn (keys 'selfcheck.1' on); returns the answers, None for
    each one skipped. Saves nothing."""
    from smcoach.content import scale
    from smcoach.domain.selfefficacy import SCALE_FILES, parse_answer

    items = scale(*SCALE_FILES[rule.form])
    asker.say(t("selfcheck.intro"))
    asker.say(
        t(
            "selfcheck.source",
            title=items["title"],
            publisher=items["publisher"],
            citation=items["short_citation"],
        )
    )
    hint = t("selfcheck.answer_hint", **items["anchors"])
    total = len(items["items"])
    answers = []
    for n, item in enumerate(items["items"], 1):
        question = t("selfcheck.question", n=n, total=total, stem=items["stem"], item=item)
        answers.append(asker.ask(f"selfcheck.{n}", f"{question}\n{hint}", parse_answer))
    return answers


def save_selfcheck(
    store: "Store", day: Date, answers: list[int | None], rule: "Rule"
) -> "Selfcheck":
    """Score the answers by their form's rule and save them, all in one transaction."""
    from smcoach.domain.selfefficacy import Selfcheck, score

    value = score(answers, rule)
    created_at = now()
    replaced = store.selfchecks_on(day, rule.form)
    check_id = store.add_selfcheck(day, rule.form, answers, value, created_at)
    if replaced:
        from smcoach.render import notice

        notice(t("selfcheck.replaced", day=day_text(day, "day_year")))
    return Selfcheck(check_id, day, rule.form, value, tuple(answers), created_at)


class _Terminal(TerminalAsker):
    """The terminal, naming the question by its number if input ends before it is answered."""

    def ask(
        self, key: str, question: str, parse: Callable[[str], T], default: str | None = None
    ) -> T:
        what = t("selfcheck.which", n=key.rpartition(".")[2])
        return ask(question, parse, what=what, default=default)
