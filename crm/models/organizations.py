"""Organizations (机构): enterprises, chambers of commerce, agencies and our own
government units (bureaus, townships, street offices, parks, recruitment squads)."""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, model_validator

from crm.errors import InvalidInput
from crm.models.base import Input, Notes, OrgName, Record


class OrgKind(str, Enum):
    ENTERPRISE = "ENTERPRISE"  # 企业
    CHAMBER = "CHAMBER"  # 商会 (often natives of our county in another province)
    AGENCY = "AGENCY"  # 中介机构 / 招商代理
    GOVERNMENT_UNIT = "GOVERNMENT_UNIT"  # 责任单位 (ours)


class UnitType(str, Enum):
    """What kind of government unit; only for OrgKind.GOVERNMENT_UNIT."""

    BUREAU = "BUREAU"  # 局 (e.g. 投资促进局)
    TOWNSHIP = "TOWNSHIP"  # 乡镇
    STREET_OFFICE = "STREET_OFFICE"  # 街道办事处
    PARK = "PARK"  # 园区管委会
    SQUAD = "SQUAD"  # 招商小分队 / 专业招商组 / 驻点招商


# 统一社会信用代码 (GB 32100-2015): 18 characters from this alphabet (no I, O, S,
# V, Z); the last is a check character over the first 17.
CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_CODE = re.compile(rf"^[{CREDIT_CODE_ALPHABET}]{{18}}$")


def credit_code_check_character(first17: str) -> str:
    total = sum(CREDIT_CODE_ALPHABET.index(c) * w for c, w in zip(first17, _WEIGHTS))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def _credit_code(value: str) -> str:
    value = value.upper()
    if not _CREDIT_CODE.match(value):
        raise ValueError("a unified social credit code (统一社会信用代码) has 18 digits and capital letters "
                         "(no I, O, S, V or Z)")
    if credit_code_check_character(value[:17]) != value[17]:
        raise ValueError("the check character of this unified social credit code does not match: a typo?")
    return value


CreditCode = Annotated[str, AfterValidator(_credit_code)]


class OrganizationCreate(Input):
    name: OrgName
    kind: OrgKind
    unit_type: UnitType | None = None
    credit_code: CreditCode | None = None
    place_id: str | None = None
    parent_unit_id: str | None = None
    notes: Notes = ""

    # Cross-field rules raise InvalidInput (not ValueError) so that the error
    # names the field rather than the whole input.
    @model_validator(mode="after")
    def _unit_fields(self) -> "OrganizationCreate":
        if self.kind is OrgKind.GOVERNMENT_UNIT and self.unit_type is None:
            raise InvalidInput.one("unitType", "a government unit needs its unit type")
        if self.kind is not OrgKind.GOVERNMENT_UNIT:
            if self.unit_type is not None:
                raise InvalidInput.one("unitType", "only a government unit has a unit type")
            if self.parent_unit_id is not None:
                raise InvalidInput.one("parentUnitId", "only a government unit sits under a parent unit")
        return self


class OrganizationUpdate(Input):
    """Fields left out stay as they are. The kind of an organization does not change."""

    name: OrgName | None = None
    unit_type: UnitType | None = None
    credit_code: CreditCode | None = None
    place_id: str | None = None
    parent_unit_id: str | None = None
    notes: Notes | None = None


class Organization(Record):
    id: str
    name: str
    kind: OrgKind
    unit_type: UnitType | None = None
    credit_code: str | None = None
    notes: str
    place_id: str | None = None
    parent_unit_id: str | None = None
    owner_unit_id: str | None = None
    created_at: datetime
    updated_at: datetime
