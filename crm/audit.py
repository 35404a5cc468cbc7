"""The audit trail: who changed what, when, with the values before and after.
Append-only: nothing in the product changes or deletes an entry."""

from __future__ import annotations

import json
from typing import Any

from crm.clock import utc_now
from crm.ids import IdKind, new_id
from crm.models.accounts import User
from crm.ports import GraphStore
from graph.catalogue import accounts as q


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str, sort_keys=True)


def record(*, store: GraphStore, user: User | None, action: str, record_id: str | None, before: Any = None,
           after: Any = None, detail: Any = None) -> None:
    store.write(q.AUDIT, {"id": new_id(IdKind.AUDIT), "at": utc_now(), "user_id": user.id if user else None,
                          "username": user.username if user else None, "action": action, "record_id": record_id,
                          "before": _json(before), "after": _json(after), "detail": _json(detail)})


def entries(*, store: GraphStore, record_id: str | None = None, user_id: str | None = None,
            action: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
    rows = store.read(q.AUDIT_QUERY, {"record_id": record_id, "user_id": user_id, "action": action,
                                      "limit": max(1, min(limit, 500))})
    out = []
    for r in rows:
        e = dict(r["entry"])
        for k in ("before", "after", "detail"):
            e[k] = json.loads(e[k]) if e.get(k) else None
        out.append(e)
    return out
