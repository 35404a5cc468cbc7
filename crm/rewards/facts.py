"""What the calculation reads: plain facts gathered from the store."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from crm.models.projects import ProjectStage
from crm.rewards.policy import FundsOrigin


@dataclass(frozen=True)
class Tranche:
    id: str
    cny_fen: int
    arrived_on: date
    origin: FundsOrigin
    verified: bool
    reversed: bool


@dataclass(frozen=True)
class Introducer:
    id: str
    name: str
    public: bool  # a cadre (public servant) or a government unit: recognition, no cash


@dataclass(frozen=True)
class Referral:
    id: str
    registered_on: date
    status: str  # REGISTERED | CONFIRMED | REJECTED
    introducers: tuple[tuple[Introducer, Decimal | None], ...]  # with their share inside this referral
    agreed_share: Decimal | None = None  # this referral's part of the project, when a conflict was settled


@dataclass(frozen=True)
class Project:
    id: str
    name: str
    stage: ProjectStage
    signed_on: date | None
    referrals: tuple[Referral, ...]
    tranches: tuple[Tranche, ...]
    # the introducer of each introducer (以商招商 chain, one hop up), by introducer id
    upstream: dict[str, Introducer] = field(default_factory=dict)
    # the responsible unit and every unit above it
    responsible_units: tuple[str, ...] = ()
