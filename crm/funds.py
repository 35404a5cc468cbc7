"""Use cases for arrived funds: record a tranche (converting foreign currency at the
dated rate), verify it, reverse it; record exchange rates."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from crm.clock import today, utc_now
from crm.errors import InvalidInput, InvalidTransition, NotFound
from crm.ids import IdKind, new_id
from crm.lookup import brief, require_cadre
from crm.models.funds import ExchangeRateRecord, Tranche, TrancheChange, TrancheRecord, TrancheStatus
from crm.money import FEN_PER_YUAN, fen_to_yuan
from crm.ports import GraphStore
from crm.rewards.allocation import to_fen_exact
from crm.validation import parse
from graph.catalogue import funds as q




def record_exchange_rate(*, store: GraphStore, data: ExchangeRateRecord | dict[str, Any]) -> dict[str, Any]:
    data = parse(ExchangeRateRecord, data)
    if data.on > today():
        raise InvalidInput.one("on", f"{data.on} is in the future")
    require_cadre(store, data.recorded_by, field="recordedBy")
    id_ = new_id(IdKind.EXCHANGE_RATE)
    store.write(q.RECORD_RATE, {"id": id_, "currency": data.currency, "on": data.on.isoformat(),
                                "cny_per_unit": str(data.cny_per_unit), "recorded_by": data.recorded_by,
                                "now": utc_now()})
    return {"id": id_, "currency": data.currency, "on": data.on, "cny_per_unit": data.cny_per_unit}


def _record(row: dict[str, Any]) -> Tranche:
    n = row["node"]
    return Tranche(id=n["id"], project_id=row["project_id"], amount=Decimal(n["amount_minor"]) / FEN_PER_YUAN,
                   currency=n["currency"], cny_fen=n["cny_fen"], rate=n.get("rate"), rate_on=n.get("rate_on"),
                   arrived_on=n["arrived_on"], origin=n["origin"], status=n["status"], recorded_by=n["recorded_by"],
                   note=n.get("note"), status_note=n.get("status_note"))


def record_tranche(*, store: GraphStore, data: TrancheRecord | dict[str, Any]) -> Tranche:
    """Amounts convert once: amount × unit × rate, half-up to the fen."""
    data = parse(TrancheRecord, data)
    if data.arrived_on > today():
        raise InvalidInput.one("arrivedOn", f"{data.arrived_on} is in the future")
    exact = data.amount * data.unit.yuan
    if exact != exact.quantize(Decimal("0.01")):
        raise InvalidInput.one("amount", f"{data.amount} {data.unit.value} {data.currency} is finer than a cent")
    brief(store, data.project_id, field="projectId", expected=(IdKind.PROJECT,))
    require_cadre(store, data.recorded_by, field="recordedBy")
    rate = rate_on = rate_id = None
    if data.currency == "CNY":
        cny_fen = int(exact * FEN_PER_YUAN)
    else:
        found = store.read(q.RATE_ON, {"currency": data.currency, "on": data.arrived_on.isoformat()})
        if not found:
            raise InvalidInput.one("currency", f"no {data.currency} rate recorded on or before {data.arrived_on}: "
                                               "record the rate first")
        r = found[0]["rate"]
        rate, rate_on, rate_id = r["cny_per_unit"], r["on"], r["id"]
        cny_fen = to_fen_exact(exact * Decimal(rate))
    id_ = new_id(IdKind.TRANCHE)
    store.write(q.RECORD_TRANCHE, {
        "id": id_, "project_id": data.project_id, "amount_minor": int(exact * FEN_PER_YUAN),
        "currency": data.currency, "cny_fen": cny_fen, "arrived_on": data.arrived_on.isoformat(),
        "origin": data.origin.value, "status": TrancheStatus.RECORDED.value, "recorded_by": data.recorded_by,
        "now": utc_now(), "rate": rate, "rate_on": rate_on, "rate_id": rate_id, "note": data.note,
    })
    return get_tranche(store=store, id=id_)


def get_tranche(*, store: GraphStore, id: str) -> Tranche:
    rows = store.read(q.GET, {"id": id})
    if not rows:
        raise NotFound("funding tranche", id, field="id")
    return _record(rows[0])


def tranches_of(*, store: GraphStore, project_id: str) -> list[Tranche]:
    return [_record(r) for r in store.read(q.FOR_PROJECTS, {"project_ids": [project_id]})]


def _change(store: GraphStore, id: str, data: TrancheChange | dict[str, Any], to: TrancheStatus,
            allowed: tuple[TrancheStatus, ...]) -> Tranche:
    data = parse(TrancheChange, data)
    require_cadre(store, data.by, field="by")
    current = get_tranche(store=store, id=id)
    if current.status not in allowed:
        raise InvalidTransition(f"tranche {id} is {current.status.value.lower()}; it cannot become "
                                f"{to.value.lower()}", field="id")
    if to is TrancheStatus.REVERSED and not data.note:
        raise InvalidInput.one("note", "say why the tranche is reversed")
    store.write(q.SET_STATUS, {"id": id, "from_statuses": [s.value for s in allowed], "status": to.value,
                               "by": data.by, "now": utc_now(), "note": data.note})
    return get_tranche(store=store, id=id)


def verify_tranche(*, store: GraphStore, id: str, data: TrancheChange | dict[str, Any]) -> Tranche:
    """Only a verified tranche counts for rewards."""
    return _change(store, id, data, TrancheStatus.VERIFIED, (TrancheStatus.RECORDED,))


def reverse_tranche(*, store: GraphStore, id: str, data: TrancheChange | dict[str, Any]) -> Tranche:
    """The funds were withdrawn: later settlements adjust what was paid on them."""
    return _change(store, id, data, TrancheStatus.REVERSED, (TrancheStatus.RECORDED, TrancheStatus.VERIFIED))


def describe(t: Tranche) -> str:
    return f"{t.amount} {t.currency} = {fen_to_yuan(t.cny_fen)} 元"
