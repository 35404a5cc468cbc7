"""Use cases for relationships: add and remove a tie, checked against the rules."""

from __future__ import annotations

from typing import Any

from crm import records
from crm.errors import Conflict, InvalidInput, NotFound, WrongKind
from crm.ids import IdKind, kind_of
from crm.lookup import Brief, brief
from crm.models.relationships import (RULES, End, Relationship, RelationshipInput, RelationshipKind,
                                      RelationshipRemoval)
from crm.ports import GraphStore
from crm.validation import parse
from graph.catalogue import relationships as q
from graph.catalogue.relationships import LABEL


def _end_for(ends: tuple[End, ...], b: Brief) -> End | None:
    for end in ends:
        if end.kind is not b.kind_of_id:
            continue
        if end.org_kinds and b.kind not in {k.value for k in end.org_kinds}:
            continue
        if end.role and end.role.value not in b.roles:
            continue
        return end
    return None


def _resolve(store: GraphStore, ends: tuple[End, ...], id_: str, field: str, kind: RelationshipKind) -> tuple[Brief, End]:
    b = brief(store, id_, field=field, expected=tuple(dict.fromkeys(e.kind for e in ends)))
    end = _end_for(ends, b)
    if end is None:
        allowed = " or ".join(e.describe() for e in ends if e.kind is b.kind_of_id)
        raise WrongKind(f"{field}: {b.name} cannot be at this end of {kind.value}; it must be a {allowed}",
                        field=field)
    return b, end


def _ordered(data: RelationshipInput | RelationshipRemoval) -> tuple[str, str]:
    # KNOWS is mutual: it is stored once, from the smaller id to the larger.
    if data.kind is RelationshipKind.KNOWS:
        return tuple(sorted((data.from_id, data.to_id)))  # type: ignore[return-value]
    return data.from_id, data.to_id


def add_relationship(*, store: GraphStore, data: RelationshipInput | dict[str, Any]) -> Relationship:
    data = parse(RelationshipInput, data)
    rule = RULES[data.kind]
    a, a_end = _resolve(store, rule.sources, data.from_id, "fromId", data.kind)
    b, b_end = _resolve(store, rule.targets, data.to_id, "toId", data.kind)
    from_id, to_id = _ordered(data)
    if from_id != a.id:
        a, a_end, b, b_end = b, b_end, a, a_end
    statement = q.ADD[(LABEL[a.kind_of_id], data.kind, LABEL[b.kind_of_id])]
    rows = store.write(statement, {
        "from_id": a.id, "to_id": b.id, "props": data.properties(),
        "from_kinds": [k.value for k in a_end.org_kinds] or None, "from_role": a_end.role.value if a_end.role else None,
        "to_kinds": [k.value for k in b_end.org_kinds] or None, "to_role": b_end.role.value if b_end.role else None,
    })
    if not rows:
        raise Conflict("one of the records changed while the tie was being added; nothing was written")
    return Relationship(kind=data.kind, from_id=a.id, to_id=b.id, **data.properties())


def remove_relationship(*, store: GraphStore, data: RelationshipRemoval | dict[str, Any]) -> bool:
    data = parse(RelationshipRemoval, data)
    from_id, to_id = _ordered(data)
    a_kind, b_kind = kind_of(from_id), kind_of(to_id)
    for field, k in (("fromId", kind_of(data.from_id)), ("toId", kind_of(data.to_id))):
        if k is None:
            raise InvalidInput.one(field, "is not an id")
    statement = q.REMOVE.get((LABEL[a_kind], data.kind, LABEL[b_kind]))  # type: ignore[index]
    removed = store.write(statement, {"from_id": from_id, "to_id": to_id})[0]["removed"] if statement else 0
    if not removed:
        raise NotFound(f"{data.kind.value} tie", f"{data.from_id} -> {data.to_id}", field="toId")
    return True


def relationships_of(*, store: GraphStore, id: str) -> list[Relationship]:
    kind = kind_of(id)
    if kind is None:
        raise InvalidInput.one("id", "is not an id")
    rows = store.read(q.OF_NODE[LABEL[kind]], {"id": id, "types": list(q.ALL_TYPES)})
    return [records.relationship(r) for r in rows]


__all__ = ["add_relationship", "remove_relationship", "relationships_of", "IdKind"]
