"""The figures, exactly as computed (the README repeats these definitions).

For a unit U (U and its sub-units: a project counts for the unit currently
responsible for it), optionally one industry, and a period [from, to]:

- signed projects S: projects whose SIGNED (or a later stage of the
  progression) was reached on or before `to`. Withdrawn or stalled projects
  stay in S: a signed project that was withdrawn is a contract not kept.
- 开工率 start rate = |S that reached STARTED (or IN_PRODUCTION) by `to`| / |S|.
- 投产率 production rate = |S that reached IN_PRODUCTION by `to`| / |S|.
- 履约率 contract fulfilment = among S with a contract whose promised start or
  promised production date is on or before `to`, those that reached each such
  milestone on or before its promised date / that number.
- 资金到位率 funds arrival rate = verified, not reversed funds (CNY) of S that
  arrived on or before `to` / contracted investment of S.
- funds arrived = verified, not reversed funds (CNY) of all the unit's projects
  that arrived within [from, to]; against the target = funds arrived from 1
  January to `to` / the unit's funds target for the year (only the target's
  origin when it names one).
- growth = (funds arrived in the period − in the same period a year earlier) /
  the latter.
- rank: by completion of the funds target, highest first; units without a
  target after those with one, by funds arrived.
A rate whose denominator is 0 is undefined: None, shown as "—", never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from crm.models.projects import PROGRESSION, ProjectStage


@dataclass(frozen=True)
class ProjectFacts:
    id: str
    name: str
    industry: str
    unit_id: str | None
    stages: tuple[tuple[ProjectStage, date], ...]  # in date order
    contracted_fen: int
    promised_start_on: date | None
    promised_production_on: date | None
    tranches: tuple[tuple[int, date, str], ...]  # (cny_fen, arrived_on, origin), verified and not reversed


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    parent_id: str | None


@dataclass(frozen=True)
class Target:
    funds_fen: int | None
    signed: int | None
    started: int | None
    origin: str  # "ALL" or one origin


def reached_on(p: ProjectFacts, stage: ProjectStage) -> date | None:
    """When the project first reached `stage` or a later stage of the progression."""
    rank = PROGRESSION.index(stage)
    days = [on for s, on in p.stages if s in PROGRESSION and PROGRESSION.index(s) >= rank]
    return min(days) if days else None


def stage_on(p: ProjectFacts, day: date) -> ProjectStage | None:
    current = None
    for s, on in p.stages:
        if on <= day:
            current = s
    return current


def ratio(numerator: int, denominator: int) -> Decimal | None:
    return None if denominator == 0 else Decimal(numerator) / Decimal(denominator)


@dataclass
class Figures:
    unit_id: str
    unit_name: str
    signed: int = 0
    started: int = 0
    in_production: int = 0
    due: int = 0
    fulfilled: int = 0
    contracted_fen: int = 0
    arrived_to_date_fen: int = 0  # of signed projects, by `to`
    funds_in_period_fen: int = 0
    funds_year_to_date_fen: int = 0
    funds_same_period_last_year_fen: int = 0
    signed_in_year: int = 0
    started_in_year: int = 0
    target: Target | None = None
    target_funds_ytd_fen: int = 0  # year-to-date funds of the target's origin
    rank: int | None = None
    by_stage: dict[str, int] = field(default_factory=dict)

    @property
    def start_rate(self) -> Decimal | None:
        return ratio(self.started, self.signed)

    @property
    def production_rate(self) -> Decimal | None:
        return ratio(self.in_production, self.signed)

    @property
    def fulfilment_rate(self) -> Decimal | None:
        return ratio(self.fulfilled, self.due)

    @property
    def funds_arrival_rate(self) -> Decimal | None:
        return ratio(self.arrived_to_date_fen, self.contracted_fen)

    @property
    def target_completion(self) -> Decimal | None:
        if self.target is None or not self.target.funds_fen:
            return None
        return ratio(self.target_funds_ytd_fen, self.target.funds_fen)

    @property
    def growth(self) -> Decimal | None:
        if self.funds_same_period_last_year_fen == 0:
            return None
        return ratio(self.funds_in_period_fen - self.funds_same_period_last_year_fen,
                     self.funds_same_period_last_year_fen)
