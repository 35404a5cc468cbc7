"""Use cases for organizations (机构): enterprises, chambers, agencies, our units."""

from __future__ import annotations

from typing import Any

from crm import records
from crm.clock import utc_now
from crm.errors import InvalidInput, NotFound, WrongKind
from crm.ids import IdKind, new_id
from crm.lookup import require_optional
from crm.models.organizations import (OrgKind, Organization, OrganizationCreate, OrganizationUpdate,
                                      UnitType)
from crm.pagination import Page, decode_cursor, page_size, paginate
from crm.ports import GraphStore
from crm.validation import parse
from graph.catalogue import organizations as q


def _check_parent_unit(store: GraphStore, parent_id: str | None, *, own_id: str | None) -> None:
    parent = require_optional(store, parent_id, field="parentUnitId", expected=IdKind.ORGANIZATION)
    if parent is None:
        return
    if parent.kind != OrgKind.GOVERNMENT_UNIT.value:
        raise WrongKind(f"parentUnitId: {parent.name} is not a government unit", field="parentUnitId")
    if own_id is not None:
        inside = store.read(q.IS_SELF_OR_SUBUNIT, {"candidate": parent_id, "id": own_id})
        if inside and inside[0]["inside"]:
            raise InvalidInput.one("parentUnitId", f"{parent.name} is this unit or one of its sub-units")


def create_organization(*, store: GraphStore, data: OrganizationCreate | dict[str, Any],
                        owner_unit_id: str | None = None) -> Organization:
    data = parse(OrganizationCreate, data)
    require_optional(store, data.place_id, field="placeId", expected=IdKind.PLACE)
    _check_parent_unit(store, data.parent_unit_id, own_id=None)
    id_ = new_id(IdKind.ORGANIZATION)
    store.write(q.CREATE, {
        "id": id_, "name": data.name, "kind": data.kind.value,
        "unit_type": data.unit_type.value if data.unit_type else None, "credit_code": data.credit_code,
        "notes": data.notes, "place_id": data.place_id, "parent_unit_id": data.parent_unit_id, "now": utc_now(),
        "owner_unit_id": owner_unit_id,
    })
    return get_organization(store=store, id=id_)


def update_organization(*, store: GraphStore, id: str,
                        data: OrganizationUpdate | dict[str, Any]) -> Organization:
    data = parse(OrganizationUpdate, data)
    current = get_organization(store=store, id=id)
    is_unit = current.kind is OrgKind.GOVERNMENT_UNIT
    if not is_unit and data.unit_type is not None:
        raise InvalidInput.one("unitType", "only a government unit has a unit type")
    if not is_unit and data.parent_unit_id is not None:
        raise InvalidInput.one("parentUnitId", "only a government unit sits under a parent unit")
    require_optional(store, data.place_id, field="placeId", expected=IdKind.PLACE)
    _check_parent_unit(store, data.parent_unit_id, own_id=id)
    store.write(q.UPDATE, {
        "id": id, "name": data.name, "unit_type": data.unit_type.value if data.unit_type else None,
        "credit_code": data.credit_code, "notes": data.notes, "place_id": data.place_id,
        "parent_unit_id": data.parent_unit_id, "now": utc_now(),
    })
    return get_organization(store=store, id=id)


def get_organization(*, store: GraphStore, id: str) -> Organization:
    rows = store.read(q.GET, {"id": id})
    if not rows:
        raise NotFound("organization", id, field="id")
    return records.organization(rows[0])


def get_organizations(*, store: GraphStore, ids: list[str]) -> dict[str, Organization]:
    return {o.id: o for o in map(records.organization, store.read(q.GET_MANY, {"ids": ids}))}


def list_organizations(*, store: GraphStore, first: int | None = None, after: str | None = None,
                       kind: OrgKind | None = None, unit_type: UnitType | None = None,
                       located_in: str | None = None, within_unit: str | None = None,
                       name: str | None = None) -> Page[Organization]:
    size = page_size(first)
    rows = store.read(q.LIST, {
        "after": decode_cursor(after), "limit": size + 1, "kind": kind.value if kind else None,
        "unit_type": unit_type.value if unit_type else None, "located_in": located_in,
        "within_unit": within_unit, "name": (name or "").strip() or None,
    })
    return paginate([records.organization(r) for r in rows], size, lambda o: o.id)
