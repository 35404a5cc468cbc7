"""Use cases for reward policies: create a version, read them."""

from __future__ import annotations

from typing import Any

from crm.clock import utc_now
from crm.errors import NotFound, WrongKind
from crm.ids import IdKind, new_id
from crm.lookup import brief
from crm.models.organizations import OrgKind
from crm.ports import GraphStore
from crm.rewards.policy import Policy, PolicyCreate, PolicyRules
from crm.validation import parse
from graph.catalogue import rewards as q


def _record(row: dict[str, Any]) -> Policy:
    n = row["node"]
    return Policy(id=n["id"], code=n["code"], version=n["version"], name=n["name"],
                  issuer_unit_id=n["issuer_unit_id"], effective_from=n["effective_from"],
                  effective_to=n.get("effective_to"), rules=PolicyRules.model_validate_json(n["rules_json"]),
                  created_at=n["created_at"])


def create_policy(*, store: GraphStore, data: PolicyCreate | dict[str, Any], created_by: str | None = None) -> Policy:
    """A new version of the policy `code` (version 1 when the code is new)."""
    data = parse(PolicyCreate, data)
    issuer = brief(store, data.issuer_unit_id, field="issuerUnitId", expected=(IdKind.ORGANIZATION,))
    if issuer.kind != OrgKind.GOVERNMENT_UNIT.value:
        raise WrongKind(f"issuerUnitId: {issuer.name} is not a government unit", field="issuerUnitId")
    id_ = new_id(IdKind.POLICY)
    store.write(q.CREATE_POLICY, {
        "id": id_, "code": data.code, "name": data.name, "issuer_unit_id": data.issuer_unit_id,
        "effective_from": data.effective_from.isoformat(),
        "effective_to": data.effective_to.isoformat() if data.effective_to else None,
        "rules_json": data.rules.model_dump_json(by_alias=True), "created_by": created_by, "now": utc_now(),
    })
    return get_policy(store=store, id=id_)


def get_policy(*, store: GraphStore, id: str) -> Policy:
    rows = store.read(q.GET_POLICY, {"id": id})
    if not rows:
        raise NotFound("reward policy", id, field="policyId")
    return _record(rows[0])


def list_policies(*, store: GraphStore, code: str | None = None) -> list[Policy]:
    return [_record(r) for r in store.read(q.LIST_POLICIES, {"code": code})]
