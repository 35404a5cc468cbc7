"""Use cases for people (人员): investors, hometown contacts, intermediaries, cadres."""

from __future__ import annotations

from typing import Any

from crm import records
from crm.clock import utc_now
from crm.errors import InvalidInput, NotFound
from crm.ids import IdKind, new_id
from crm.lookup import require_optional
from crm.models.people import Person, PersonCreate, PersonRole, PersonUpdate
from crm.pagination import Page, decode_cursor, page_size, paginate
from crm.phones import normalise_mobile
from crm.ports import GraphStore
from crm.validation import parse
from graph.catalogue import people as q


def _check_places(store: GraphStore, data: PersonCreate | PersonUpdate) -> None:
    require_optional(store, data.native_place_id, field="nativePlaceId", expected=IdKind.PLACE)
    require_optional(store, data.current_city_id, field="currentCityId", expected=IdKind.PLACE)


def create_person(*, store: GraphStore, data: PersonCreate | dict[str, Any],
                  owner_unit_id: str | None = None) -> Person:
    """`owner_unit_id`: the unit whose lead this is (the creating staff's unit)."""
    data = parse(PersonCreate, data)
    _check_places(store, data)
    id_ = new_id(IdKind.PERSON)
    store.write(q.CREATE, {
        "id": id_, "name": data.name, "mobiles": data.mobiles, "roles": [r.value for r in data.roles],
        "notes": data.notes, "native_place_id": data.native_place_id,
        "current_city_id": data.current_city_id, "now": utc_now(), "owner_unit_id": owner_unit_id,
    })
    return get_person(store=store, id=id_)


def update_person(*, store: GraphStore, id: str, data: PersonUpdate | dict[str, Any]) -> Person:
    data = parse(PersonUpdate, data)
    current = get_person(store=store, id=id)
    _check_places(store, data)
    if data.roles is not None and PersonRole.CADRE not in data.roles and current.unit_id is not None:
        raise InvalidInput.one("roles", "this person belongs to a unit as a cadre; remove that tie first")
    store.write(q.UPDATE, {
        "id": id, "name": data.name, "mobiles": data.mobiles,
        "roles": None if data.roles is None else [r.value for r in data.roles],
        "notes": data.notes, "native_place_id": data.native_place_id,
        "current_city_id": data.current_city_id, "now": utc_now(),
    })
    return get_person(store=store, id=id)


def get_person(*, store: GraphStore, id: str) -> Person:
    rows = store.read(q.GET, {"id": id})
    if not rows:
        raise NotFound("person", id, field="id")
    return records.person(rows[0])


def get_people(*, store: GraphStore, ids: list[str]) -> dict[str, Person]:
    return {p.id: p for p in map(records.person, store.read(q.GET_MANY, {"ids": ids}))}


def list_people(*, store: GraphStore, first: int | None = None, after: str | None = None,
                role: PersonRole | None = None, native_of: str | None = None, lives_in: str | None = None,
                unit: str | None = None, name: str | None = None, mobile: str | None = None) -> Page[Person]:
    """List or search people. `mobile` may be a whole number in any usual form
    (+86 138-1234-5678) or a run of at least four of its digits."""
    size = page_size(first)
    whole, digits = _mobile_query(mobile)
    rows = store.read(q.LIST, {
        "after": decode_cursor(after), "limit": size + 1, "role": role.value if role else None,
        "native_of": native_of, "lives_in": lives_in, "unit": unit, "name": (name or "").strip() or None,
        "mobile": whole, "mobile_digits": digits,
    })
    return paginate([records.person(r) for r in rows], size, lambda p: p.id)


def _mobile_query(mobile: str | None) -> tuple[str | None, str | None]:
    if mobile is None or not mobile.strip():
        return None, None
    try:
        return normalise_mobile(mobile), None
    except ValueError:
        digits = "".join(ch for ch in mobile if ch.isdigit())
        if len(digits) < 4 or len(digits) != len(mobile.replace(" ", "").replace("-", "")):
            raise InvalidInput.one("mobile", "give a whole mobile number or at least four of its digits") from None
        return None, digits
