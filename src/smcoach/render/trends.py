"""The trends view: a table with a bar for each figure, sparklines, the direction over the
window and the calibration line; and the same figures as JSON and CSV."""

import csv
import io
from typing import Any

from smcoach.domain.trends import Band, WeekRow, bar, sparkline
from smcoach.messages import t
from smcoach.render import Block, Cell, Para, Table, one_line

GAP = "–"  # a week with no data: shown as a gap, never as zero


def _num(value: float | None, digits: int = 1) -> str:
    return GAP if value is None else f"{value:.{digits}f}"


def _plans(n: int) -> str:
    return f"{n} plan" if n == 1 else f"{n} plans"


def symptom_label(name: str, higher_is_better: bool) -> str:
    """A symptom's name with the way that is better, so a rising line reads the same for
    every symptom."""
    key = "trends.symptom_higher_better" if higher_is_better else "trends.symptom_lower_better"
    return t(key, name=name)


def blocks(
    rows: list[WeekRow],
    trend: dict[str, Any],
    bands: list[Band],
    hint: bool,
    higher_is_better: dict[str, bool] | None = None,
) -> list[Block]:
    symptoms = list(rows[0].symptoms) if rows else []
    better = higher_is_better or {}
    labels = {name: symptom_label(name, better.get(name, False)) for name in symptoms}
    table = Table(
        [
            "Week",
            "Plans",
            "Confidence",
            "",
            "Done %",
            "",
            "Self-efficacy",
            *(labels[name] for name in symptoms),
        ],  # fmt: skip
        title=t("trends.title", first=rows[0].week, last=rows[-1].week) if rows else None,
    )
    for r in rows:
        table.rows.append(
            [
                Cell(f"{r.week} ({r.monday:%d %b})"),
                Cell(str(r.plans) if r.plans else GAP),
                Cell(_num(r.confidence), "confidence"),
                Cell(bar(r.confidence, 10), "confidence"),
                Cell(_num(r.completion, 0), "done"),
                Cell(bar(r.completion, 100), "done"),
                Cell(_num(r.selfefficacy)),
                *(Cell(_num(r.symptoms[name])) for name in symptoms),
            ]
        )
    out: list[Block] = [table]
    lines = [("Confidence", [r.confidence for r in rows], 10.0),
             ("Done %", [r.completion for r in rows], 100.0),
             ("Self-efficacy", [r.selfefficacy for r in rows], 10.0)]  # fmt: skip
    lines += [(labels[name], [r.symptoms[name] for r in rows], 10.0) for name in symptoms]
    width = max(len(name) for name, _, _ in lines)
    for name, values, top in lines:
        out.append(Para(f"{one_line(name).ljust(width)}  {sparkline(values, top)}", "muted"))
    out.append(Para(t("trends.gaps"), "muted"))
    for measure in ("confidence", "completion"):
        d = trend[measure]
        if d["direction"] is None:
            out.append(Para(t("trends.direction_unknown", measure=t(f"trends.{measure}"))))
        else:
            out.append(Para(t("trends.direction", measure=t(f"trends.{measure}"),
                              direction=d["direction"], slope=d["slope"],
                              unit=t(f"trends.unit_{measure}"))))  # fmt: skip
    if bands:
        parts = [t("trends.band", band=b.label, done=_num(b.completion, 0), plans=_plans(b.plans))
                 for b in bands]  # fmt: skip
        out.append(Para(t("trends.calibration", bands="; ".join(parts))))
    if hint:
        out.append(Para(t("trends.hint"), "warning"))
    return out


def as_json(rows: list[WeekRow], trend: dict[str, Any], bands: list[Band]) -> dict[str, Any]:
    return {
        "weeks": [
            {
                "week": r.week,
                "monday": r.monday.isoformat(),
                "plans": r.plans,
                "confidence": r.confidence,
                "completion": r.completion,
                "selfefficacy": r.selfefficacy,
                "symptoms": r.symptoms,
            }
            for r in rows
        ],
        "direction": trend,
        "calibration": [
            {"band": b.label, "plans": b.plans, "completion": b.completion} for b in bands
        ],
    }


def as_csv(rows: list[WeekRow]) -> str:
    symptoms = list(rows[0].symptoms) if rows else []
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["week", "monday", "plans", "confidence", "completion", "selfefficacy",
                     *(f"symptom:{name}" for name in symptoms)])  # fmt: skip
    for r in rows:
        values = [r.confidence, r.completion, r.selfefficacy, *(r.symptoms[n] for n in symptoms)]
        writer.writerow([r.week, r.monday.isoformat(), r.plans,
                         *("" if v is None else round(v, 3) for v in values)])  # fmt: skip
    return buffer.getvalue()
