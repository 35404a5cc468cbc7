"""The project pipeline: dated stage changes, the contract at signing, unit targets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated

from pydantic import BeforeValidator, Field, field_validator, model_validator

from crm.errors import InvalidInput
from crm.models.base import Input, Record
from crm.models.money import MoneyInput
from crm.models.projects import ProjectStage
from crm.money import to_decimal
from crm.rewards.policy import FundsOrigin

Quantity = Annotated[Decimal, BeforeValidator(to_decimal)]


class StageChangeInput(Input):
    stage: ProjectStage
    on: date
    by: str  # the cadre who records it
    reason: str | None = Field(default=None, max_length=2000)
    event_id: str | None = None  # the fair or trip where it was signed (以会招商)

    @model_validator(mode="after")
    def _reason(self) -> "StageChangeInput":
        if self.stage in (ProjectStage.WITHDRAWN, ProjectStage.STALLED) and not (self.reason or "").strip():
            raise InvalidInput.one("reason", f"say why the project is {self.stage.value.lower()}")
        return self


class StageChange(Record):
    id: str
    stage: ProjectStage
    on: date
    by: str | None = None
    reason: str | None = None
    recorded_at: str
    event_id: str | None = None


class ContractInput(Input):
    """签约: what the contract promises."""

    signed_on: date
    contracted_investment: MoneyInput
    promised_start_on: date | None = None  # 约定开工
    promised_production_on: date | None = None  # 约定投产
    land_mu: Quantity | None = None  # 用地 (亩)
    investment_intensity_wan_per_mu: Quantity | None = None  # 投资强度 (万元/亩)
    plot_ratio: Quantity | None = None  # 容积率
    by: str

    @field_validator("land_mu", "investment_intensity_wan_per_mu", "plot_ratio")
    @classmethod
    def _positive(cls, v: Decimal | None) -> Decimal | None:
        if v is not None and v <= 0:
            raise ValueError("must be more than 0")
        return v

    @model_validator(mode="after")
    def _dates(self) -> "ContractInput":
        for name, value in (("promisedStartOn", self.promised_start_on),
                            ("promisedProductionOn", self.promised_production_on)):
            if value is not None and value < self.signed_on:
                raise InvalidInput.one(name, "is before the contract was signed")
        if self.promised_start_on and self.promised_production_on and \
                self.promised_production_on < self.promised_start_on:
            raise InvalidInput.one("promisedProductionOn", "is before the promised start")
        return self


class TargetInput(Input):
    """目标任务: a unit's annual targets (signed in its 目标责任书)."""

    unit_id: str
    year: int = Field(ge=2000, le=2100)
    funds_arrived: MoneyInput | None = None
    projects_signed: int | None = Field(default=None, ge=0)
    projects_started: int | None = Field(default=None, ge=0)
    origin: FundsOrigin | None = None  # the funds target counts only this origin
