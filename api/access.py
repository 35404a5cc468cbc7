"""Who may do what through the API: one table, enforced before any resolver runs.

Every root query and mutation has an entry: the roles allowed, for unit staff a
check that the record lies within their unit (or a sub-unit), and the input
field that names the acting cadre (filled from the signed-in user's cadre; only
an administrator may name someone else). After a mutation succeeds, the change
goes to the audit trail with the record's properties before and after.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from graphql import GraphQLResolveInfo
from strawberry.extensions import SchemaExtension

from crm import audit
from crm.access import may_edit, scope
from crm.errors import Forbidden
from crm.ids import kind_of
from crm.models.accounts import Role, User
from graph.catalogue import admin

A, L, S, F, AU = Role.ADMIN, Role.LEADER, Role.UNIT_STAFF, Role.FINANCE, Role.AUDITOR
EVERYONE = frozenset(Role)

Check = Callable[[Any, dict[str, Any]], None]


@dataclass(frozen=True)
class Rule:
    roles: frozenset[Role]
    staff_check: Check | None = None  # for unit staff: is the record theirs?
    actor: tuple[str | None, str] | None = None  # (input argument or None, field) naming the acting cadre
    check: Check | None = None  # for every role
    audit_values: bool = True  # False: audit who and what, not the record's values (personal data requests)


def _field(kwargs: dict[str, Any], *path: str) -> Any:
    """An argument by its GraphQL path, e.g. ("input", "projectId")."""
    value: Any = kwargs
    for p in path:
        value = value.get(p) if isinstance(value, dict) else None
    return value


def _owners(ctx: Any, id_: str | None) -> list[str | None]:
    """The units owning a record: a person's or organization's owner (and a cadre's unit, a
    government unit itself), a project's responsible unit, a contact's units."""
    if not id_ or kind_of(id_) is None:
        return []
    from crm import contacts, organizations, people, projects
    from crm.ids import IdKind

    k = kind_of(id_)
    try:
        if k is IdKind.PERSON:
            p = people.get_person(store=ctx.store, id=id_)
            return [p.owner_unit_id, p.unit_id]
        if k is IdKind.ORGANIZATION:
            o = organizations.get_organization(store=ctx.store, id=id_)
            return [o.owner_unit_id, o.id if o.kind.value == "GOVERNMENT_UNIT" else None]
        if k is IdKind.PROJECT:
            return [projects.get_project(store=ctx.store, id=id_).responsible_unit_id]
        if k is IdKind.CONTACT:
            return list(contacts.get_contact(store=ctx.store, id=id_).unit_ids)
    except Exception:  # an unknown id: the use case will say so, with the field
        return [None]
    return []


def _mine(*paths: tuple[str, ...]) -> Check:
    def check(ctx: Any, kwargs: dict[str, Any]) -> None:
        for path in paths:
            id_ = _field(kwargs, *path)
            if id_ is not None and not may_edit(ctx.user, _owners(ctx, id_), ctx.units()):
                raise Forbidden(f"{'.'.join(path)}: {id_} is not a record of your unit", field=path[-1])
    return check


def _new_project(ctx: Any, kwargs: dict[str, Any]) -> None:
    unit_id = _field(kwargs, "input", "responsibleUnitId")
    if unit_id is None or unit_id not in scope(ctx.user, ctx.units()):
        raise Forbidden("responsibleUnitId: unit staff create projects for their own unit (or a sub-unit)",
                        field="responsibleUnitId")


def _new_organization(ctx: Any, kwargs: dict[str, Any]) -> None:
    kind = _field(kwargs, "input", "kind")
    if getattr(kind, "value", kind) == "GOVERNMENT_UNIT":
        raise Forbidden("kind: only an administrator creates government units", field="kind")


def _either_end(ctx: Any, kwargs: dict[str, Any]) -> None:
    ends = [_field(kwargs, "input", "fromId"), _field(kwargs, "input", "toId")]
    if not any(may_edit(ctx.user, _owners(ctx, e), ctx.units()) for e in ends):
        raise Forbidden("fromId: neither end of this tie is a record of your unit", field="fromId")


def _contact_by_my_unit(ctx: Any, kwargs: dict[str, Any]) -> None:
    from crm import people

    ids = _field(kwargs, "input", "participantIds") or []
    units = {p.unit_id for p in people.get_people(store=ctx.store, ids=list(ids)).values()}
    if not units & scope(ctx.user, ctx.units()):
        raise Forbidden("participantIds: none of these cadres belongs to your unit", field="participantIds")


def _approver_is_independent(ctx: Any, kwargs: dict[str, Any]) -> None:
    from crm.rewards.controls import check_independent_approver

    check_independent_approver(store=ctx.store, user=ctx.user, line_ids=list(kwargs.get("ids") or []),
                               units=ctx.units())


RULES: dict[str, Rule] = {
    # Reads: everyone signed in (details are masked by the types); the audit trail for admins and auditors.
    **{name: Rule(EVERYONE) for name in (
        "contact", "downstreamTree", "event", "figuresReport", "followUps", "organization", "organizations",
        "people", "person", "place", "places", "project", "projectIntroducers", "projects", "referral",
        "referralConflicts", "referralsFor", "relationships", "rewardLines", "rewardPolicies", "rewardStatement",
        "stageHistory", "timeline", "tranches", "upstreamChain", "warmPaths", "me")},
    "auditTrail": Rule(frozenset({A, AU})),
    # Places, units' targets and policies: the administrator.
    "createPlace": Rule(frozenset({A})),
    "updatePlace": Rule(frozenset({A})),
    "setTarget": Rule(frozenset({A})),
    "createRewardPolicy": Rule(frozenset({A})),
    # Leads, projects, visits and referrals: unit staff within their unit.
    "createPerson": Rule(frozenset({A, S})),
    "updatePerson": Rule(frozenset({A, S}), _mine(("id",))),
    "createOrganization": Rule(frozenset({A, S}), _new_organization),
    "updateOrganization": Rule(frozenset({A, S}), _mine(("id",))),
    "addRelationship": Rule(frozenset({A, S}), _either_end),
    "removeRelationship": Rule(frozenset({A, S}), _either_end),
    "createProject": Rule(frozenset({A, S}), _new_project),
    "updateProject": Rule(frozenset({A, S}), _mine(("id",))),
    "changeProjectStage": Rule(frozenset({A, S}), _mine(("projectId",)), ("input", "by")),
    "recordContract": Rule(frozenset({A, S}), _mine(("projectId",)), ("input", "by")),
    "logContact": Rule(frozenset({A, S}), _contact_by_my_unit),
    "completeFollowUp": Rule(frozenset({A, S}), _mine(("contactId",)), (None, "by")),
    "createEvent": Rule(frozenset({A, S})),
    "registerReferral": Rule(frozenset({A, S}), None, ("input", "registeredBy")),
    "recordTranche": Rule(frozenset({A, S}), _mine(("input", "projectId")), ("input", "recordedBy")),
    # Decisions: the administrator (the bureau).
    "confirmReferral": Rule(frozenset({A}), None, ("input", "decidedBy")),
    "rejectReferral": Rule(frozenset({A}), None, ("input", "decidedBy")),
    "agreeShares": Rule(frozenset({A}), None, ("input", "decidedBy")),
    # Money: finance.
    "recordExchangeRate": Rule(frozenset({A, F}), None, ("input", "recordedBy")),
    "verifyTranche": Rule(frozenset({A, F}), None, ("input", "by")),
    "reverseTranche": Rule(frozenset({A, F}), None, ("input", "by")),
    "settleRewards": Rule(frozenset({A, F})),
    "approveRewardLines": Rule(frozenset({F}), None, (None, "by"), check=_approver_is_independent),
    "payRewardLines": Rule(frozenset({F}), None, (None, "by")),
    # Personal data on request (个人信息保护法).
    "exportPerson": Rule(frozenset({A}), audit_values=False),
    "erasePerson": Rule(frozenset({A}), audit_values=False),
}


def _fill_actor(user: User, rule: Rule, kwargs: dict[str, Any]) -> None:
    if rule.actor is None:
        return
    arg, field = rule.actor
    # The hook sees GraphQL's own argument values: dicts keyed as the schema spells them.
    holder = kwargs.get(arg) if arg else kwargs
    if not isinstance(holder, dict):
        return
    given = holder.get(field)
    if given is None:
        if user.person_id is None:
            raise Forbidden(f"{field}: your account is not linked to a cadre; name who acts", field=field)
        holder[field] = user.person_id
    elif given != user.person_id and user.role is not Role.ADMIN:
        raise Forbidden(f"{field}: you act as yourself; only an administrator records for someone else",
                        field=field)


def _snapshot(store: Any, id_: str | None) -> dict[str, Any] | None:
    kind = kind_of(id_) if isinstance(id_, str) else None
    if kind is None:
        return None
    rows = store.read(admin.SNAPSHOT[admin.LABEL_OF[kind]], {"id": id_})
    return rows[0]["node"] if rows else None


def _record_id(kwargs: dict[str, Any]) -> str | None:
    for key in ("id", "projectId", "contactId"):
        if isinstance(kwargs.get(key), str):
            return kwargs[key]
    return None


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return getattr(value, "value", value) if not isinstance(value, (str, int, float, bool, type(None))) else value


class AccessControl(SchemaExtension):
    """Checks the table for every root field before its resolver runs; audits mutations."""

    def resolve(self, _next, root, info: GraphQLResolveInfo, *args, **kwargs):  # type: ignore[no-untyped-def]
        if info.parent_type.name not in ("Query", "Mutation"):
            return _next(root, info, *args, **kwargs)
        ctx = info.context
        rule = RULES.get(info.field_name)
        if rule is None or ctx.user.role not in rule.roles:
            raise Forbidden(f"{info.field_name}: not allowed for the {ctx.user.role.value.lower()} role")
        if ctx.user.role is Role.UNIT_STAFF and rule.staff_check is not None:
            rule.staff_check(ctx, kwargs)
        if rule.check is not None:
            rule.check(ctx, kwargs)
        if info.parent_type.name == "Query":
            return _next(root, info, *args, **kwargs)
        _fill_actor(ctx.user, rule, kwargs)
        record_id = _record_id(kwargs)
        before = _snapshot(ctx.store, record_id) if rule.audit_values else None
        result = _next(root, info, *args, **kwargs)
        first = result[0] if isinstance(result, list) and result else result
        record_id = record_id or getattr(first, "id", None) or getattr(getattr(first, "referral", None), "id", None)
        audit.record(store=ctx.store, user=ctx.user, action=info.field_name, record_id=record_id, before=before,
                     after=_snapshot(ctx.store, record_id) if rule.audit_values else None,
                     detail={"arguments": _plain(kwargs)})
        return result
