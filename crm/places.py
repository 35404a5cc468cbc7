"""Use cases for places (地点)."""

from __future__ import annotations

from typing import Any

from crm import records
from crm.clock import utc_now
from crm.errors import InvalidInput, NotFound
from crm.ids import IdKind, new_id
from crm.lookup import require_optional
from crm.models.places import Place, PlaceCreate, PlaceLevel, PlaceUpdate
from crm.pagination import Page, decode_cursor, page_size, paginate
from crm.ports import GraphStore
from crm.validation import parse
from graph.catalogue import places as q


def create_place(*, store: GraphStore, data: PlaceCreate | dict[str, Any]) -> Place:
    data = parse(PlaceCreate, data)
    parent = require_optional(store, data.parent_id, field="parentId", expected=IdKind.PLACE)
    if data.level is PlaceLevel.PROVINCE and parent is not None:
        raise InvalidInput.one("parentId", "a province has no parent place")
    if data.level is not PlaceLevel.PROVINCE and parent is None:
        raise InvalidInput.one("parentId", f"a {data.level.value.lower()} needs the place it lies in")
    if parent is not None and PlaceLevel(parent.level).rank >= data.level.rank:
        raise InvalidInput.one(
            "parentId", f"a {data.level.value.lower()} cannot lie in a {parent.level.lower()} ({parent.name})"
        )
    id_ = new_id(IdKind.PLACE)
    store.write(q.CREATE, {"id": id_, "name": data.name, "level": data.level.value,
                           "parent_id": data.parent_id, "now": utc_now()})
    return get_place(store=store, id=id_)


def update_place(*, store: GraphStore, id: str, data: PlaceUpdate | dict[str, Any]) -> Place:
    data = parse(PlaceUpdate, data)
    get_place(store=store, id=id)
    store.write(q.UPDATE, {"id": id, "name": data.name, "now": utc_now()})
    return get_place(store=store, id=id)


def get_place(*, store: GraphStore, id: str) -> Place:
    rows = store.read(q.GET, {"id": id})
    if not rows:
        raise NotFound("place", id, field="id")
    return records.place(rows[0])


def get_places(*, store: GraphStore, ids: list[str]) -> dict[str, Place]:
    return {p.id: p for p in map(records.place, store.read(q.GET_MANY, {"ids": ids}))}


def list_places(*, store: GraphStore, first: int | None = None, after: str | None = None,
                level: PlaceLevel | None = None, within: str | None = None, name: str | None = None) -> Page[Place]:
    size = page_size(first)
    rows = store.read(q.LIST, {"after": decode_cursor(after), "limit": size + 1,
                               "level": level.value if level else None, "within": within, "name": name or None})
    return paginate([records.place(r) for r in rows], size, lambda p: p.id)
