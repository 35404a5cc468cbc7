"""A person's data on request (个人信息保护法): export all of it, or erase it.

Erasure blanks the name, mobiles and notes, removes the personal ties (native
place, residence, who they know, memberships, employers), and rewrites their
name and numbers inside reward-line explanations and audit entries about them.
Reward lines keep their amounts, statuses and ids, so the reward history stays
whole; the erasure itself is audited without the personal data. This is the
one change the audit trail ever undergoes, and it is recorded.
"""

from __future__ import annotations

from typing import Any

from crm import audit
from crm.clock import utc_now
from crm.contacts import timeline
from crm.errors import InvalidInput
from crm.models.accounts import User
from crm.people import get_person
from crm.ports import GraphStore
from crm.referrals import referrals_for
from crm.relationships import relationships_of
from graph.catalogue import privacy as q
from graph.catalogue import rewards as rq

PLACEHOLDER = "已删除个人信息"


def export_person(*, store: GraphStore, id: str) -> dict[str, Any]:
    person = get_person(store=store, id=id)
    lines = [r["node"] for r in store.read(rq.STATEMENT_ALL_YEARS, {"introducer_id": id})]
    return {
        "person": person.model_dump(mode="json"),
        "relationships": [r.model_dump(mode="json") for r in relationships_of(store=store, id=id)],
        "timeline": [{"on": e.on.isoformat(), "what": e.what, "title": e.title, "detail": e.detail}
                     for e in timeline(store=store, id=id)],
        "referrals": [r.model_dump(mode="json") for r in referrals_for(store=store, target_id=id)],
        "rewardLines": [{k: v for k, v in n.items() if k != "explanation"} for n in lines],
        "auditEntries": audit.entries(store=store, record_id=id, limit=500),
    }


def erase_person(*, store: GraphStore, id: str, reason: str, user: User | None) -> dict[str, int]:
    if not reason or not reason.strip():
        raise InvalidInput.one("reason", "say on what request the data is erased")
    person = get_person(store=store, id=id)
    if person.erased:
        raise InvalidInput.one("id", "this person's data was already erased")
    secrets = [s for s in (person.name, *person.mobiles, *(m[3:] for m in person.mobiles), person.notes) if s]

    def scrub(text: str | None) -> str | None:
        if text is None:
            return None
        for s in sorted(secrets, key=len, reverse=True):
            text = text.replace(s, PLACEHOLDER)
        return text

    lines = [{"id": r["id"], "explanation": scrub(r["explanation"])} for r in store.read(q.LINES_NAMING, {"id": id})]
    entries = [{"id": r["id"], "before": scrub(r["before"]), "after": scrub(r["after"]), "detail": scrub(r["detail"])}
               for r in store.read(q.AUDIT_NAMING, {"id": id})]
    done = store.write(q.ERASE, {"id": id, "placeholder": PLACEHOLDER, "nothing": [], "blank": "", "now": utc_now(),
                                 "lines": lines, "entries": entries})[0]
    audit.record(store=store, user=user, action="ERASE_PERSON", record_id=id,
                 detail={"reason": reason, "rewardLinesRewritten": done["lines"], "auditEntriesRedacted": done["entries"]})
    return {"rewardLines": done["lines"], "auditEntries": done["entries"]}
