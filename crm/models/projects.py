"""Projects (项目): the investment being attracted, from packaging to production."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum


from pydantic.alias_generators import to_camel

from crm.models.base import Input, Notes, OrgName, Record, ShortText
from crm.models.money import Money, MoneyInput


class ProjectStage(str, Enum):
    PACKAGED = "PACKAGED"  # 包装 (prepared for promotion)
    NEGOTIATING = "NEGOTIATING"  # 洽谈
    SIGNED = "SIGNED"  # 签约
    LANDED = "LANDED"  # 落地 / 落户
    STARTED = "STARTED"  # 开工
    IN_PRODUCTION = "IN_PRODUCTION"  # 投产
    WITHDRAWN = "WITHDRAWN"  # 退回 / 终止
    STALLED = "STALLED"  # 停滞 (may resume)


# The progression; WITHDRAWN and STALLED stand outside it.
PROGRESSION = (ProjectStage.PACKAGED, ProjectStage.NEGOTIATING, ProjectStage.SIGNED, ProjectStage.LANDED,
               ProjectStage.STARTED, ProjectStage.IN_PRODUCTION)


class ProjectCreate(Input):
    name: OrgName
    industry: ShortText  # 产业链, e.g. 汽车零部件, 新材料, 文旅康养
    stage: ProjectStage = ProjectStage.PACKAGED
    stage_on: date | None = None  # when it reached that stage; today when left out
    total_investment: MoneyInput | None = None
    contracted_investment: MoneyInput | None = None
    responsible_unit_id: str | None = None
    responsible_cadre_id: str | None = None
    place_id: str | None = None
    signed_on: date | None = None  # 签约日期: when the contract was signed
    notes: Notes = ""

    # Money fields are converted here, once, so the field is named in errors.
    def fen(self, field: str) -> int | None:
        money: MoneyInput | None = getattr(self, field)
        return None if money is None else money.to_fen(to_camel(field))


class ProjectUpdate(Input):
    """Fields left out stay as they are. The stage changes through a dated stage
    change (crm.pipeline.change_stage), never by editing."""

    name: OrgName | None = None
    industry: ShortText | None = None
    total_investment: MoneyInput | None = None
    contracted_investment: MoneyInput | None = None
    responsible_unit_id: str | None = None
    responsible_cadre_id: str | None = None
    place_id: str | None = None
    signed_on: date | None = None
    notes: Notes | None = None

    fen = ProjectCreate.fen



class Project(Record):
    id: str
    name: str
    industry: str
    stage: ProjectStage
    total_investment: Money | None = None
    contracted_investment: Money | None = None
    responsible_unit_id: str | None = None
    responsible_cadre_id: str | None = None
    place_id: str | None = None
    investor_ids: list[str] = []
    signed_on: date | None = None
    notes: str
    created_at: datetime
    updated_at: datetime
