"""Problem-solving's step 6, use other resources: the community services that match the
problem's words and kind, offered as ideas to try (from the person's own directory first,
then the one a service or course provides). Asked through the flow's Asker (key
'solve.service'), so an answers file can choose one too."""

from datetime import date
from typing import TYPE_CHECKING

from smcoach.cli.common import now
from smcoach.errors import SmcoachError
from smcoach.messages import t

if TYPE_CHECKING:
    from smcoach.cli.prompts import Asker
    from smcoach.domain.problems import Problem
    from smcoach.domain.services import Service
    from smcoach.store import Store

OFFERED_AT_MOST = 3


def matching_services(store: "Store", problem: "Problem", today: date) -> list["Service"]:
    """Up to three services that are open (or closed only for now) matching any of the
    problem's words or the words for its kind, the closest first; the person's own first."""
    from smcoach.cli.work.services import provided
    from smcoach.domain.services import OFFERED, problem_terms
    from smcoach.store.services import match_expression

    expression = match_expression(problem_terms(problem.text, problem.kind), any_word=True)
    if expression is None:
        return []
    found, _ = store.search_services(expression, OFFERED_AT_MOST, OFFERED)
    directory = provided(today)
    if directory is not None and len(found) < OFFERED_AT_MOST:
        more, _ = directory.search(expression, OFFERED_AT_MOST, OFFERED)
        theirs = {s.hsds_id for s in found}
        theirs |= set(store.services_by_hsds_id([s.hsds_id for s in more]))
        found += [s for s in more if s.hsds_id not in theirs][: OFFERED_AT_MOST - len(found)]
    return found


def try_a_service(
    store: "Store", asker: "Asker", problem: "Problem", today: date
) -> tuple[int, str] | None:
    """Offer the matching services; one chosen becomes the idea to try, remembering which
    service it is (a plan made from it is tied to it). Returns (the attempt's ID, the idea),
    or None when none is offered or chosen."""
    from smcoach.domain.services import idea_text
    from smcoach.render.services import offer_blocks

    offered = matching_services(store, problem, today)
    if not offered:
        return None
    for block in offer_blocks(offered, today):
        asker.say(block)

    def number(text: str) -> int | None:
        s = text.strip()
        if not s:
            return None
        if s.isascii() and s.isdigit() and 1 <= int(s) <= len(offered):
            return int(s)
        if len(offered) == 1:
            raise SmcoachError(t("services.offer_bad_one"))
        raise SmcoachError(t("services.offer_bad", n=len(offered)))

    chosen = asker.ask("solve.service", t("services.offer_pick"), number, default="")
    if chosen is None:
        return None
    service = offered[chosen - 1]
    idea = idea_text(service)
    return store.choose_service_idea(problem.id, idea, service, today, now()), idea
