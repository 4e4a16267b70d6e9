"""Weekly figures for trends, aggregated in SQL by the stored ISO-week keys (indexed)."""

import sqlite3
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where used: every command loads the store, few show trends
    from smcoach.domain.trends import PlanWeekFigures

# One row per plan made in the window: its week, its confidence, the days it counts (planned
# days less rest days) and those done (partly counting half). A check-in on a day the plan did
# not name does not count, and nothing counts past the plan's own target. A plan asks for days
# up to the end of its week, or to the day it was ended if that is earlier (a plan adjusted
# part-way, or ended by the person): the days after are not missed. A plan whose days are not
# over yet counts no days (NULL): its completion is not known until then.
_PER_PLAN = """
WITH p AS (
    SELECT id, week, confidence, days, times, start,
           MIN(date(start, '+6 days'), COALESCE(ended, '9999-12-31')) AS last_day
    FROM plans WHERE week BETWEEN :first AND :last
),
c AS (
    SELECT p.id AS plan_id,
           SUM(CASE c.status WHEN 'done' THEN 1.0 WHEN 'partly' THEN 0.5 ELSE 0 END) AS achieved,
           SUM(c.status = 'rest') AS rest
    FROM p JOIN checkins c ON c.plan_id = p.id
    WHERE c.day <= p.last_day AND (p.days IS NULL
       -- the day's weekday (0 = Sunday) from its Julian day number: cheaper than strftime
       OR instr(p.days, substr('sunmontuewedthufrisat',
                               3 * (CAST(julianday(c.day) + 1.5 AS INTEGER) % 7) + 1, 3)) > 0)
    GROUP BY p.id
),
t AS (
    SELECT id, week, confidence, last_day < :today AS ended,
           CASE WHEN days IS NULL THEN times
                WHEN last_day = date(start, '+6 days')  -- a whole week: every named day
                    THEN length(days) - length(replace(days, ',', '')) + 1
                ELSE (  -- ended early: the named weekdays up to its last day
                    SELECT COUNT(*) FROM (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2
                        UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5
                        UNION ALL SELECT 6)
                    WHERE date(start, '+' || k || ' days') <= last_day
                      AND instr(days, substr('sunmontuewedthufrisat',
                          3 * (CAST(julianday(start) + k + 1.5 AS INTEGER) % 7) + 1, 3)) > 0
                ) END AS target
    FROM p
),
per_plan AS MATERIALIZED (
    SELECT t.week, t.confidence,
           CASE WHEN t.ended THEN MAX(t.target - COALESCE(c.rest, 0), 0) END AS counted,
           CASE WHEN t.ended THEN MIN(COALESCE(c.achieved, 0),
                                      MAX(t.target - COALESCE(c.rest, 0), 0)) END AS achieved
    FROM t LEFT JOIN c ON c.plan_id = t.id
)
"""


class TrendQueries:
    conn: sqlite3.Connection

    def plan_figures(
        self, first: str, last: str, today: date
    ) -> "tuple[dict[str, PlanWeekFigures], dict[str, PlanWeekFigures]]":
        """The plans made in the window, added up by ISO week and by confidence band, in one
        query over the per-plan figures (worked out once). Plans under way add nothing to
        the days counted or done (SUM skips their NULLs), and are not among the finished."""
        from smcoach.domain.trends import BANDS, PlanWeekFigures

        band = " ".join(
            f"WHEN confidence BETWEEN {lo} AND {hi} THEN '{label}'" for lo, hi, label in BANDS
        )
        rows = self.conn.execute(
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
        for kind, key, *figures in rows:
            by[kind][key] = PlanWeekFigures(*figures)
        return by["week"], by["band"]

    def weekly_selfefficacy(self, first: str, last: str) -> dict[str, float]:
        rows = self.conn.execute(
            """SELECT week, AVG(score) FROM selfchecks
               WHERE week BETWEEN ? AND ? AND score IS NOT NULL AND form = 'SEMCD-6'
               GROUP BY week""",
            [first, last],
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
