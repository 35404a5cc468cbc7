"""People (人员): investors, hometown contacts, intermediaries and our cadres.

One person may hold several roles: an investor (客商) who is also a hometown
contact (在外乡贤), say.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

from crm.models.base import Input, Notes, PersonName, Record
from crm.phones import normalise_mobile


class PersonRole(str, Enum):
    INVESTOR = "INVESTOR"  # 客商 / 投资人
    HOMETOWN_CONTACT = "HOMETOWN_CONTACT"  # 在外乡贤 / X籍在外人士
    INTERMEDIARY = "INTERMEDIARY"  # 中介 / 招商信息员
    CADRE = "CADRE"  # 干部 (our own staff)


Mobile = Annotated[str, AfterValidator(normalise_mobile)]


def _distinct(values: list) -> list:
    seen: list = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


class _PersonFields(Input):
    @field_validator("mobiles", "roles", check_fields=False)
    @classmethod
    def _dedupe(cls, values: list | None) -> list | None:
        return None if values is None else _distinct(values)


class PersonCreate(_PersonFields):
    name: PersonName
    mobiles: list[Mobile] = Field(default_factory=list, max_length=5)
    roles: list[PersonRole] = Field(default_factory=list)
    native_place_id: str | None = None
    current_city_id: str | None = None
    notes: Notes = ""


class PersonUpdate(_PersonFields):
    """Fields left out (None) stay as they are; a list given replaces the old one."""

    name: PersonName | None = None
    mobiles: list[Mobile] | None = Field(default=None, max_length=5)
    roles: list[PersonRole] | None = None
    native_place_id: str | None = None
    current_city_id: str | None = None
    notes: Notes | None = None


class Person(Record):
    id: str
    name: str
    mobiles: list[str]
    roles: list[PersonRole]
    notes: str
    native_place_id: str | None = None
    current_city_id: str | None = None
    unit_id: str | None = None
    owner_unit_id: str | None = None
    erased: bool = False
    created_at: datetime
    updated_at: datetime
