"""Compute the figures per unit from facts (pure; see definitions.py)."""

from __future__ import annotations

from datetime import date

from crm.figures.definitions import Figures, ProjectFacts, Target, Unit, reached_on, stage_on
from crm.models.projects import ProjectStage


def _shift_year(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def subtree(units: dict[str, Unit], root: str) -> set[str]:
    children: dict[str, list[str]] = {}
    for u in units.values():
        if u.parent_id:
            children.setdefault(u.parent_id, []).append(u.id)
    out, todo = set(), [root]
    while todo:
        u = todo.pop()
        if u not in out:
            out.add(u)
            todo += children.get(u, [])
    return out


def figures_for(unit: Unit, units: dict[str, Unit], projects: list[ProjectFacts], targets: dict[str, Target],
                start: date, end: date, industry: str | None = None) -> Figures:
    members = subtree(units, unit.id)
    mine = [p for p in projects if p.unit_id in members and (industry is None or p.industry == industry)]
    year_start = date(end.year, 1, 1)
    last_start, last_end = _shift_year(start, -1), _shift_year(end, -1)
    f = Figures(unit.id, unit.name, target=targets.get(unit.id))
    for p in mine:
        current = stage_on(p, end)
        if current is not None:
            f.by_stage[current.value] = f.by_stage.get(current.value, 0) + 1
        for fen, on, origin in p.tranches:
            if start <= on <= end:
                f.funds_in_period_fen += fen
            if year_start <= on <= end:
                f.funds_year_to_date_fen += fen
                if f.target is not None and f.target.origin in ("ALL", origin):
                    f.target_funds_ytd_fen += fen
            if last_start <= on <= last_end:
                f.funds_same_period_last_year_fen += fen
        signed = reached_on(p, ProjectStage.SIGNED)
        if signed is None or signed > end:
            continue
        f.signed += 1
        f.signed_in_year += signed >= year_start
        started = reached_on(p, ProjectStage.STARTED)
        producing = reached_on(p, ProjectStage.IN_PRODUCTION)
        f.started += started is not None and started <= end
        f.started_in_year += started is not None and year_start <= started <= end
        f.in_production += producing is not None and producing <= end
        f.contracted_fen += p.contracted_fen
        f.arrived_to_date_fen += sum(fen for fen, on, _ in p.tranches if on <= end)
        due = [(promised, reached) for promised, reached in ((p.promised_start_on, started),
                                                             (p.promised_production_on, producing))
               if promised is not None and promised <= end]
        if due:
            f.due += 1
            f.fulfilled += all(reached is not None and reached <= promised for promised, reached in due)
    return f


def rank(rows: list[Figures]) -> list[Figures]:
    """Highest completion of the funds target first; then units without one, by funds."""
    ordered = sorted(rows, key=lambda f: (f.target_completion is None, -(f.target_completion or 0),
                                          -f.funds_year_to_date_fen, f.unit_name))
    for n, f in enumerate(ordered, 1):
        f.rank = n
    return ordered
