"""The monthly dispatch table (月调度表) and the quarterly bulletin (季通报).

Rows: every unit with a target for the year (or, where no unit has one, every
unit responsible for a project), ranked; then the total over all projects."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from crm.clock import today
from crm.contacts import Activity, activity
from crm.errors import InvalidInput
from crm.figures.compute import figures_for, rank
from crm.figures.definitions import Figures, Unit
from crm.figures.facts import load_projects, load_targets, load_units
from crm.ports import GraphStore

TOTAL_ID = "*"


@dataclass(frozen=True)
class Period:
    kind: str  # MONTH or QUARTER
    label: str  # 2026年10月, 2026年第3季度
    start: date
    end: date


def parse_period(spec: str) -> Period:
    """'2026-10' (a month) or '2026-Q3' (a quarter); not after the current one."""
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", spec.strip())
    q = re.fullmatch(r"(\d{4})-[Qq]([1-4])", spec.strip())
    if m and 1 <= int(m.group(2)) <= 12:
        y, mo = int(m.group(1)), int(m.group(2))
        period = Period("MONTH", f"{y}年{mo}月", date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1]))
    elif q:
        y, n = int(q.group(1)), int(q.group(2))
        period = Period("QUARTER", f"{y}年第{n}季度", date(y, 3 * n - 2, 1),
                        date(y, 3 * n, calendar.monthrange(y, 3 * n)[1]))
    else:
        raise InvalidInput.one("period", f"{spec!r} is neither a month (2026-10) nor a quarter (2026-Q3)")
    if period.start > today():
        raise InvalidInput.one("period", f"{spec} has not begun yet")
    return period


@dataclass(frozen=True)
class Row:
    figures: Figures
    activity: Activity


@dataclass(frozen=True)
class Report:
    period: Period
    industry: str | None
    rows: list[Row]  # ranked
    total: Row


def build_report(*, store: GraphStore, period: Period, industry: str | None = None) -> Report:
    units = load_units(store)
    projects = load_projects(store)
    targets = load_targets(store, period.end.year)
    shown = [u for u in units.values() if u.id in targets]
    if not shown:
        responsible = {p.unit_id for p in projects}
        shown = [u for u in units.values() if u.id in responsible]
    rows = [figures_for(u, units, projects, targets, period.start, period.end, industry) for u in shown]
    ranked = [Row(f, activity(store=store, units=units, unit_id=f.unit_id, start=period.start, end=period.end))
              for f in rank(rows)]
    # The total: every project, whichever unit (if any) is responsible.
    everything = {**{u.id: Unit(u.id, u.name, u.parent_id or TOTAL_ID) for u in units.values()},
                  TOTAL_ID: Unit(TOTAL_ID, "合计", None)}
    facts = [p if p.unit_id else _with_unit(p, TOTAL_ID) for p in projects]
    total = figures_for(everything[TOTAL_ID], everything, facts, {}, period.start, period.end, industry)
    total_activity = activity(store=store, units=everything, unit_id=TOTAL_ID, start=period.start, end=period.end)
    return Report(period, industry, ranked, Row(total, total_activity))


def _with_unit(p, unit_id):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(p, unit_id=unit_id)
