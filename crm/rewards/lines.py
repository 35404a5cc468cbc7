"""Reward lines (奖励明细): what a settlement wrote, and their lifecycle
computed → approved → paid. A paid line never changes; a change after approval
is made by an adjustment line."""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import Enum
from typing import Any

from crm.clock import utc_now
from crm.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from crm.ports import GraphStore
from graph.catalogue import rewards as q


class LineStatus(str, Enum):
    COMPUTED = "COMPUTED"
    APPROVED = "APPROVED"
    PAID = "PAID"
    SUPERSEDED = "SUPERSEDED"  # a computed line replaced by a later settlement before approval


class LineEntry(str, Enum):
    ORIGINAL = "ORIGINAL"
    ADJUSTMENT = "ADJUSTMENT"  # against lines already approved or paid


@dataclass(frozen=True)
class RewardLine:
    id: str
    key: str
    policy_id: str
    policy_code: str
    policy_version: int
    year: int
    project_id: str
    introducer_id: str
    role: str
    kind: str
    entry: LineEntry
    amount_fen: int
    basis_fen: int
    status: LineStatus
    explanation: dict[str, Any]
    computed_at: str
    payment_ref: str | None = None

    @staticmethod
    def of(n: dict[str, Any]) -> "RewardLine":
        return RewardLine(id=n["id"], key=n["key"], policy_id=n["policy_id"], policy_code=n["policy_code"],
                          policy_version=n["policy_version"], year=n["year"], project_id=n["project_id"],
                          introducer_id=n["introducer_id"], role=n["role"], kind=n["kind"],
                          entry=LineEntry(n["entry"]), amount_fen=n["amount_fen"], basis_fen=n["basis_fen"],
                          status=LineStatus(n["status"]), explanation=json.loads(n["explanation"]),
                          computed_at=n["computed_at"], payment_ref=n.get("payment_ref"))


def get_lines(*, store: GraphStore, ids: list[str]) -> list[RewardLine]:
    return [RewardLine.of(r["node"]) for r in store.read(q.GET_LINES, {"ids": ids})]


def _require(store: GraphStore, ids: list[str], status: LineStatus) -> list[RewardLine]:
    if not ids:
        raise InvalidInput.one("ids", "name at least one line")
    if len(set(ids)) != len(ids):
        raise InvalidInput.one("ids", "a line is listed twice")
    found = {line.id: line for line in get_lines(store=store, ids=ids)}
    for n, id_ in enumerate(ids):
        if id_ not in found:
            raise NotFound("reward line", id_, field=f"ids[{n}]")
        if found[id_].status is not status:
            raise InvalidTransition(f"ids[{n}]: line {id_} is {found[id_].status.value.lower()}, "
                                    f"not {status.value.lower()}", field=f"ids[{n}]")
    return [found[i] for i in ids]


def approve_lines(*, store: GraphStore, ids: list[str], by: str) -> list[RewardLine]:
    _require(store, ids, LineStatus.COMPUTED)
    done = store.write(q.APPROVE, {"ids": ids, "computed": LineStatus.COMPUTED.value,
                                   "approved": LineStatus.APPROVED.value, "by": by, "now": utc_now()})
    if len(done) != len(ids):
        raise Conflict("some lines changed while being approved; approve them again")
    return get_lines(store=store, ids=ids)


def pay_lines(*, store: GraphStore, ids: list[str], payment_ref: str, by: str) -> list[RewardLine]:
    ref = payment_ref.strip()
    if not ref or len(ref) > 60:
        raise InvalidInput.one("paymentRef", "give the payment reference (付款凭证号), up to 60 characters")
    _require(store, ids, LineStatus.APPROVED)
    if store.read(q.PAYMENT_REF_USED, {"payment_ref": ref})[0]["used"]:
        raise Conflict(f"payment reference {ref!r} was already used: a payment is recorded once",
                       field="paymentRef")
    done = store.write(q.PAY, {"ids": ids, "approved": LineStatus.APPROVED.value, "paid": LineStatus.PAID.value,
                               "by": by, "now": utc_now(), "payment_ref": ref})
    if len(done) != len(ids):
        raise Conflict("some lines changed while being paid; check them and pay again")
    return get_lines(store=store, ids=ids)
