"""Rows from the store become domain records here, and only here."""

from __future__ import annotations

from typing import Any

from crm.clock import parse_instant
from crm.models.money import Money
from crm.models.organizations import Organization
from crm.models.people import Person
from crm.models.places import Place
from crm.models.projects import Project
from crm.models.relationships import Relationship


def place(row: dict[str, Any]) -> Place:
    n = row["node"]
    return Place(id=n["id"], name=n["name"], level=n["level"], parent_id=row.get("parent_id"))


def person(row: dict[str, Any]) -> Person:
    n = row["node"]
    return Person(
        id=n["id"], name=n["name"], mobiles=list(n.get("mobiles") or []), roles=list(n.get("roles") or []),
        notes=n.get("notes") or "", native_place_id=row.get("native_place_id"),
        current_city_id=row.get("current_city_id"), unit_id=row.get("unit_id"),
        owner_unit_id=n.get("owner_unit_id"), erased=bool(n.get("erased_at")),
        created_at=parse_instant(n["created_at"]), updated_at=parse_instant(n["updated_at"]),
    )


def organization(row: dict[str, Any]) -> Organization:
    n = row["node"]
    return Organization(
        id=n["id"], name=n["name"], kind=n["kind"], unit_type=n.get("unit_type"),
        credit_code=n.get("credit_code"), notes=n.get("notes") or "", place_id=row.get("place_id"),
        parent_unit_id=row.get("parent_unit_id"), owner_unit_id=n.get("owner_unit_id"),
        created_at=parse_instant(n["created_at"]), updated_at=parse_instant(n["updated_at"]),
    )


def _money(fen: int | None) -> Money | None:
    return None if fen is None else Money(fen=int(fen))


def project(row: dict[str, Any]) -> Project:
    n = row["node"]
    return Project(
        id=n["id"], name=n["name"], industry=n["industry"], stage=n["stage"],
        total_investment=_money(n.get("total_investment_fen")),
        contracted_investment=_money(n.get("contracted_investment_fen")),
        responsible_unit_id=row.get("responsible_unit_id"),
        responsible_cadre_id=row.get("responsible_cadre_id"), place_id=row.get("place_id"),
        investor_ids=sorted(row.get("investor_ids") or []), notes=n.get("notes") or "",
        signed_on=n.get("signed_on"),
        created_at=parse_instant(n["created_at"]), updated_at=parse_instant(n["updated_at"]),
    )


def relationship(row: dict[str, Any]) -> Relationship:
    props = row.get("props") or {}
    return Relationship(kind=row["kind"], from_id=row["from_id"], to_id=row["to_id"], **props)
