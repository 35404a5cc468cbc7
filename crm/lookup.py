"""Check what ids name before a write, so errors name the field and the reason."""

from __future__ import annotations

from dataclasses import dataclass

from crm.errors import InvalidInput, NotFound, WrongKind
from crm.ids import IdKind, kind_of
from crm.ports import GraphStore
from graph.catalogue import admin


@dataclass(frozen=True)
class Brief:
    """What a write needs to know of a record it points at."""

    id: str
    kind_of_id: IdKind
    name: str
    kind: str | None  # an organization's kind
    roles: tuple[str, ...]  # a person's roles
    level: str | None  # a place's level


def brief(store: GraphStore, id_: str, *, field: str, expected: tuple[IdKind, ...]) -> Brief:
    """The record `id_` names; NotFound or WrongKind naming `field` otherwise."""
    kind = kind_of(id_)
    if kind is None:
        raise InvalidInput.one(field, f"{id_!r} is not an id")
    if kind not in expected:
        wanted = " or ".join(k.noun for k in expected)
        raise WrongKind(f"{field}: {id_} is a {kind.noun}, expected a {wanted}", field=field)
    rows = store.read(admin.BRIEF[admin.LABEL_OF[kind]], {"ids": [id_]})
    if not rows:
        raise NotFound(kind.noun, id_, field=field)
    r = rows[0]
    return Brief(r["id"], kind, r.get("name") or "", r.get("kind"), tuple(r.get("roles") or ()), r.get("level"))


def require_optional(store: GraphStore, id_: str | None, *, field: str, expected: IdKind) -> Brief | None:
    return None if id_ is None else brief(store, id_, field=field, expected=(expected,))


def require_cadre(store: GraphStore, id_: str, *, field: str) -> Brief:
    """The person `id_` names, who must be one of our cadres (the one who acts)."""
    b = brief(store, id_, field=field, expected=(IdKind.PERSON,))
    if "CADRE" not in b.roles:
        raise WrongKind(f"{field}: {b.name} is not a cadre", field=field)
    return b
