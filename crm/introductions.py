"""Warm introduction paths (找关系, 以情招商): from one of our cadres or units to
a person or enterprise, through who knows whom, chamber memberships, shared
native places, shared employers and a cadre's unit.

Ordering: fewest hops first; among equals, the strongest weakest tie (a chain
is as strong as its weakest link), then the strongest ties in all.

A tie's strength: what was declared (1–5) for KNOWS; fixed for the others
(own unit 5, same employer 3, same chamber 2, same native place 1). Contacts
logged between the two people raise it, each by up to 1, fading by half every
180 days, to at most 5; the visit log supplies those contacts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from crm.clock import today
from crm.errors import InvalidInput
from crm.ids import IdKind
from crm.lookup import brief
from crm.models.organizations import OrgKind
from crm.models.people import PersonRole
from crm.ports import GraphStore
from graph.catalogue import paths as q

FIXED_STRENGTH = {"BELONGS_TO": 5, "WORKS_FOR": 3, "MEMBER_OF": 2, "NATIVE_OF": 1}
TIE_ZH = {"KNOWS": "认识", "BELONGS_TO": "所属单位", "WORKS_FOR": "任职", "MEMBER_OF": "商会会员", "NATIVE_OF": "籍贯"}
KNOWS_ZH = {"RELATIVE": "亲戚", "CLASSMATE": "同学", "COMRADE_IN_ARMS": "战友", "FELLOW_TOWNSMAN": "同乡",
            "COLLEAGUE": "同事", "FRIEND": "朋友"}
HALF_LIFE_DAYS = 180


def tie_strength(declared: int, contacts: list[date], on: date) -> Decimal:
    """Declared strength, raised by logged contacts that fade with time; at most 5."""
    boost = sum((Decimal(1) / (2 ** (Decimal((on - c).days) / HALF_LIFE_DAYS)) for c in contacts if c <= on),
                Decimal(0))
    return min(Decimal(5), Decimal(declared) + boost).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class PathStep:
    from_id: str
    from_name: str
    tie: str
    to_id: str
    to_name: str
    strength: Decimal
    why: str


@dataclass(frozen=True)
class WarmPath:
    hops: int
    weakest: Decimal
    total: Decimal
    steps: list[PathStep]

    @property
    def explanation(self) -> str:
        return " → ".join([self.steps[0].from_name] + [f"[{s.why}] {s.to_name}" for s in self.steps])


def warm_paths(*, store: GraphStore, from_id: str, to_id: str, max_hops: int = 4, first: int = 10,
               contacts: dict[frozenset[str], list[date]] | None = None) -> list[WarmPath]:
    if not 1 <= max_hops <= 5:
        raise InvalidInput.one("maxHops", "must be between 1 and 5")
    if not 1 <= first <= 50:
        raise InvalidInput.one("first", "must be between 1 and 50")
    start = brief(store, from_id, field="fromId", expected=(IdKind.PERSON, IdKind.ORGANIZATION))
    if not (PersonRole.CADRE.value in start.roles or start.kind == OrgKind.GOVERNMENT_UNIT.value):
        raise InvalidInput.one("fromId", f"{start.name} is not one of our cadres or units")
    brief(store, to_id, field="toId", expected=(IdKind.PERSON, IdKind.ORGANIZATION))
    on = today()
    rows = store.read(q.WARM_PATHS, {"from_id": from_id, "to_id": to_id, "max_hops": max_hops})
    if contacts is None:
        contacts = _shared_contacts(store, rows)
    found: dict[tuple[str, ...], WarmPath] = {}
    for row in rows:
        ids, names = row["node_ids"], row["names"]
        if len(set(ids)) != len(ids):
            continue  # a path through the same record twice is no introduction
        steps = []
        for k, (tie, props) in enumerate(zip(row["types"], row["props"])):
            if tie == "KNOWS":
                strength = tie_strength(int(props.get("strength", 1)),
                                        contacts.get(frozenset((ids[k], ids[k + 1])), []), on)
                why = f"{KNOWS_ZH.get(props.get('knows_kind', ''), '认识')} {strength}"
            else:
                strength = Decimal(FIXED_STRENGTH[tie]).quantize(Decimal("0.01"))
                why = TIE_ZH[tie] + (f"({props['title']})" if props.get("title") else "") + f" {strength}"
            steps.append(PathStep(ids[k], names[k], tie, ids[k + 1], names[k + 1], strength, why))
        key = tuple(ids) + tuple(row["types"])
        found[key] = WarmPath(len(steps), min(s.strength for s in steps), sum((s.strength for s in steps), Decimal(0)),
                              steps)
    ranked = sorted(found.values(), key=lambda p: (p.hops, -p.weakest, -p.total, [s.to_id for s in p.steps]))
    return ranked[:first]


def _shared_contacts(store: GraphStore, rows: list[dict]) -> dict[frozenset[str], list[date]]:
    """The logged contacts behind every KNOWS hop of the paths found."""
    pairs = sorted({tuple(sorted((r["node_ids"][k], r["node_ids"][k + 1])))
                    for r in rows for k, t in enumerate(r["types"]) if t == "KNOWS"})
    if not pairs:
        return {}
    return {frozenset((x["a"], x["b"])): [date.fromisoformat(d) for d in x["days"]]
            for x in store.read(q.SHARED_CONTACTS, {"pairs": [list(p) for p in pairs]})}
