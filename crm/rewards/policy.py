"""Reward policies (引荐奖励政策): versioned rules an issuing unit sets.

What a rule means, exactly:
- basis: verified, not reversed funds of the project that arrived inside the
  policy's effective period (optionally only of some origins);
- rate: `flat_rate` (元 of reward per 元 arrived: "每10万奖100元" is 0.001), or
  marginal `tiers` over the project's cumulative basis, so that how funds are
  split into tranches or periods never changes the total;
- minimum: a project whose cumulative basis is below it earns nothing; once it
  crosses, its reward is computed on the whole basis;
- cap_per_project: the most a project earns under this policy, over all years;
- cap_per_introducer_year: the most one introducer earns in a calendar year;
- budget_per_year: the most the policy pays in a calendar year. When it runs
  out, the lines settled later in the settlement order are cut, and what was
  cut is forfeited (not carried into the next year);
- conditions: a stage the project must have reached; the referral registered
  before the contract was signed (or within N days after); the referral confirmed;
- public servants (cadres) and government units get a recognition entry, no cash;
  their share of the cash is not paid to anyone else;
- only_issuer_projects: the policy covers only projects for which the issuing
  unit or one of its sub-units is responsible (a township's own policy);
- upstream share: the introducer's own introducer gets `fraction` of the line,
  either ON_TOP (paid in addition; the project cap covers both) or CARVED_OUT
  (taken from the introducer's line).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Annotated

from pydantic import BeforeValidator, Field, field_validator, model_validator
from pydantic.alias_generators import to_camel

from crm.errors import InvalidInput
from crm.models.base import Input, OrgName, Record
from crm.models.projects import ProjectStage
from crm.money import to_decimal

Amount = Annotated[Decimal, BeforeValidator(to_decimal)]


class FundsOrigin(str, Enum):
    """Where arrived funds come from (到位资金来源)."""

    OUT_OF_CITY = "OUT_OF_CITY"  # 市外 (same province)
    OUT_OF_PROVINCE = "OUT_OF_PROVINCE"  # 省外
    FOREIGN = "FOREIGN"  # 外资


class UpstreamMode(str, Enum):
    ON_TOP = "ON_TOP"
    CARVED_OUT = "CARVED_OUT"


class Tier(Input):
    """From `from_yuan` (inclusive) up to `to_yuan` (exclusive; None: no end), at `rate`."""

    from_yuan: Amount
    to_yuan: Amount | None = None
    rate: Amount


class UpstreamShare(Input):
    fraction: Amount
    mode: UpstreamMode

    @field_validator("fraction")
    @classmethod
    def _fraction(cls, v: Decimal) -> Decimal:
        if not Decimal(0) < v < Decimal(1):
            raise ValueError("must be between 0 and 1")
        return v


class PolicyRules(Input):
    origins: list[FundsOrigin] | None = None
    flat_rate: Amount | None = None
    tiers: list[Tier] | None = None
    minimum_yuan: Amount = Decimal(0)
    cap_per_project_yuan: Amount | None = None
    cap_per_introducer_year_yuan: Amount | None = None
    budget_per_year_yuan: Amount | None = None
    required_stage: ProjectStage | None = None
    registered_before_signing: bool = False
    days_after_signing_allowed: int = Field(default=0, ge=0, le=3650)
    require_confirmed: bool = True
    upstream: UpstreamShare | None = None
    only_issuer_projects: bool = False  # a unit's own policy: its (and its sub-units') projects only

    @model_validator(mode="after")
    def _consistent(self) -> "PolicyRules":
        if (self.flat_rate is None) == (self.tiers is None):
            raise InvalidInput.one("rules.flatRate", "give either a flat rate or tiers, not both or neither")
        for name in ("flat_rate", "minimum_yuan", "cap_per_project_yuan", "cap_per_introducer_year_yuan",
                     "budget_per_year_yuan"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise InvalidInput.one(f"rules.{to_camel(name)}", "must not be negative")
        for name in ("minimum_yuan", "cap_per_project_yuan", "cap_per_introducer_year_yuan", "budget_per_year_yuan"):
            value = getattr(self, name)
            if value is not None and value != value.quantize(Decimal("0.01")):
                raise InvalidInput.one(f"rules.{to_camel(name)}", "is finer than one fen (0.01 元)")
        if self.tiers is not None:
            _check_tiers(self.tiers)
        if self.required_stage in (ProjectStage.WITHDRAWN, ProjectStage.STALLED):
            raise InvalidInput.one("rules.requiredStage", "give a stage of the progression (PACKAGED … IN_PRODUCTION)")
        return self



def _check_tiers(tiers: list[Tier]) -> None:
    if not tiers:
        raise InvalidInput.one("rules.tiers", "give at least one tier")
    expected_start = Decimal(0)
    for i, tier in enumerate(tiers):
        field = f"rules.tiers[{i}]"
        if tier.rate < 0:
            raise InvalidInput.one(f"{field}.rate", "must not be negative")
        if tier.from_yuan < expected_start:
            raise InvalidInput.one(f"{field}.fromYuan",
                                   f"tiers overlap: this tier starts at {tier.from_yuan} 元, "
                                   f"before the previous one ends at {expected_start} 元")
        if tier.from_yuan > expected_start:
            raise InvalidInput.one(f"{field}.fromYuan",
                                   f"tiers leave a gap: this tier starts at {tier.from_yuan} 元 "
                                   f"but the previous one ends at {expected_start} 元")
        if tier.to_yuan is None:
            if i != len(tiers) - 1:
                raise InvalidInput.one(f"{field}.toYuan", "only the last tier may be open-ended")
        elif tier.to_yuan <= tier.from_yuan:
            raise InvalidInput.one(f"{field}.toYuan", "must be above fromYuan")
        else:
            expected_start = tier.to_yuan


class PolicyCreate(Input):
    code: Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_\-]+$")]
    name: OrgName
    issuer_unit_id: str
    effective_from: date
    effective_to: date | None = None
    rules: PolicyRules

    @model_validator(mode="after")
    def _period(self) -> "PolicyCreate":
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise InvalidInput.one("effectiveTo", "is before effectiveFrom")
        return self


class Policy(Record):
    """One version of a policy. A new version of the same code supersedes it
    for settlements made after it is created; lines keep the version they used."""

    id: str
    code: str
    version: int
    name: str
    issuer_unit_id: str
    effective_from: date
    effective_to: date | None
    rules: PolicyRules
    created_at: str
