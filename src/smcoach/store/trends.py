"""Weekly figures for trends, aggregated in SQL by the stored ISO-week keys (indexed)."""

import sqlite3
from datetime import date

from smcoach.records import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: every command loads the store, few show trends
    from smcoach.domain.trends import PlanWeekFigures

# One row per plan made in the window: its week, its confidence, and once its days are over
# (its last day is before today) the days it counts and those done; until then NULL, as its
# completion is not known yet. The rest is worked out as the plan and its check-ins are
# written, and kept in plan_figures (migration m009_plan_figures): the days a plan counts are
# those it names (or its number of times) up to its last day, which is the end of its week
# or the day it was ended if earlier (a plan adjusted part-way, or ended by the person: the
# days after are not missed), less rest days; those done count only check-ins on those days,
# a partly-done day counting half, and never more than the days it counts.
_PER_PLAN = """
WITH per_plan AS NOT MATERIALIZED (
    SELECT week, confidence,
           CASE WHEN last_day < :today THEN counted END AS counted,
           CASE WHEN last_day < :today THEN achieved END AS achieved
    FROM plan_figures WHERE week BETWEEN :first AND :last
)
"""


class TrendQueries:
    conn: sqlite3.Connection

    def plan_figures(
        self, first: str, last: str, today: date
    ) -> "tuple[dict[str, PlanWeekFigures], dict[str, PlanWeekFigures]]":
        """The plans made in the window, added up by ISO week and by confidence band, in one
        query over the plans' stored figures (read from their week index alone). Plans under
        way add nothing to the days counted or done (SUM skips their NULLs), and are not
        among the finished."""
        from smcoach.domain.trends import BANDS, PlanWeekFigures

        band = " ".join(
            f"WHEN confidence BETWEEN {lo} AND {hi} THEN '{label}'" for lo, hi, label in BANDS
        )
        from smcoach.store.connection import tuples

        rows = tuples(
            self.conn,
            _PER_PLAN
            + f"""SELECT 'week', week, COUNT(*), AVG(confidence), SUM(counted), SUM(achieved),
                         COUNT(counted)
                  FROM per_plan GROUP BY week
                  UNION ALL
                  SELECT 'band', CASE {band} END AS band, COUNT(*), AVG(confidence),
                         SUM(counted), SUM(achieved), COUNT(counted)
                  FROM per_plan GROUP BY band""",
            {"first": first, "last": last, "today": today.isoformat()},
        )
        by: dict[str, dict[str, PlanWeekFigures]] = {"week": {}, "band": {}}
        for kind, key, plans, confidence, counted, achieved, finished in rows:
            by[kind][key] = PlanWeekFigures(plans, confidence, counted, achieved, finished)
        return by["week"], by["band"]

    def weekly_selfefficacy(self, first: str, last: str, form: str) -> dict[str, float]:
        """The mean self-efficacy score of each week, on one form only: scores of different
        forms are never averaged together."""
        rows = self.conn.execute(
            """SELECT week, AVG(score) FROM selfchecks
               WHERE week BETWEEN ? AND ? AND score IS NOT NULL AND form = ?
               GROUP BY week""",
            [first, last, form],
        )
        return {r[0]: r[1] for r in rows}

    def first_record_week(self) -> str | None:
        """The ISO week of the person's first plan, check-in, self-check or symptom rating
        (each read from its table's week index); None when there is none."""
        row = self.conn.execute(
            """SELECT MIN(week) FROM (
                   SELECT MIN(week) AS week FROM plans
                   UNION ALL SELECT MIN(week) FROM checkins
                   UNION ALL SELECT MIN(week) FROM selfchecks
                   UNION ALL SELECT MIN(week) FROM symptom_ratings)"""
        ).fetchone()
        return row[0] if row else None
