"""The signed-in user, the audit trail, and personal data on request."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from api.graphql.context import Info
from crm import audit, privacy
from crm.models.accounts import Role as _Role

Role = strawberry.enum(_Role)


@strawberry.type
class Me:
    id: strawberry.ID
    username: str
    display_name: str
    role: Role
    unit_id: strawberry.ID | None
    person_id: strawberry.ID | None


@strawberry.type(description="One change, append-only: who, when, what, before and after")
class AuditEntry:
    id: strawberry.ID
    at: str
    username: str | None
    action: str
    record_id: strawberry.ID | None
    before: JSON | None
    after: JSON | None
    detail: JSON | None


@strawberry.type
class AccountQuery:
    @strawberry.field
    def me(self, info: Info) -> Me:
        u = info.context.user
        return Me(id=strawberry.ID(u.id), username=u.username, display_name=u.display_name, role=u.role,
                  unit_id=u.unit_id, person_id=u.person_id)

    @strawberry.field(description="Per record or per user, newest first (administrators and auditors)")
    def audit_trail(self, info: Info, record_id: strawberry.ID | None = None, user_id: strawberry.ID | None = None,
                    action: str | None = None, first: int = 100) -> list[AuditEntry]:
        return [AuditEntry(id=e["id"], at=e["at"], username=e.get("username"), action=e["action"],
                           record_id=e.get("record_id"), before=e["before"], after=e["after"], detail=e["detail"])
                for e in audit.entries(store=info.context.store, record_id=record_id, user_id=user_id, action=action,
                                       limit=first)]


@strawberry.type
class AccountMutation:
    @strawberry.mutation(description="Everything held about a person, as JSON (个人信息查阅/复制)")
    def export_person(self, info: Info, id: strawberry.ID) -> JSON:
        return privacy.export_person(store=info.context.store, id=id)

    @strawberry.mutation(description="Erase a person's personal data on request; reward history stays without it")
    def erase_person(self, info: Info, id: strawberry.ID, reason: str) -> JSON:
        return privacy.erase_person(store=info.context.store, id=id, reason=reason, user=info.context.user)
