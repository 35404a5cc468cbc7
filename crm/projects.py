"""Use cases for projects (项目)."""

from __future__ import annotations

from datetime import date
from typing import Any

from crm import records
from crm.clock import today, utc_now
from crm.errors import InvalidInput, NotFound, WrongKind
from crm.ids import IdKind, new_id
from crm.lookup import require_optional
from crm.models.organizations import OrgKind
from crm.models.people import PersonRole
from crm.models.projects import Project, ProjectCreate, ProjectStage, ProjectUpdate
from crm.pagination import Page, decode_cursor, page_size, paginate
from crm.ports import GraphStore
from crm.validation import parse
from graph.catalogue import projects as q


def _check_ties(store: GraphStore, data: ProjectCreate | ProjectUpdate) -> None:
    """谁引进、谁负责: the responsible unit is one of ours, the responsible cadre a cadre."""
    unit = require_optional(store, data.responsible_unit_id, field="responsibleUnitId",
                            expected=IdKind.ORGANIZATION)
    if unit is not None and unit.kind != OrgKind.GOVERNMENT_UNIT.value:
        raise WrongKind(f"responsibleUnitId: {unit.name} is not a government unit", field="responsibleUnitId")
    cadre = require_optional(store, data.responsible_cadre_id, field="responsibleCadreId",
                             expected=IdKind.PERSON)
    if cadre is not None and PersonRole.CADRE.value not in cadre.roles:
        raise WrongKind(f"responsibleCadreId: {cadre.name} is not a cadre", field="responsibleCadreId")
    require_optional(store, data.place_id, field="placeId", expected=IdKind.PLACE)


def _params(data: ProjectCreate | ProjectUpdate) -> dict[str, Any]:
    return {
        "name": data.name, "industry": data.industry,
        "notes": data.notes, "total_investment_fen": data.fen("total_investment"),
        "contracted_investment_fen": data.fen("contracted_investment"),
        "responsible_unit_id": data.responsible_unit_id, "responsible_cadre_id": data.responsible_cadre_id,
        "place_id": data.place_id, "now": utc_now(),
        "signed_on": _not_future(data.signed_on, "signedOn"),
    }


def _not_future(day: date | None, field: str) -> str | None:
    if day is None:
        return None
    if day > today():
        raise InvalidInput.one(field, f"{day} is in the future")
    return day.isoformat()


def create_project(*, store: GraphStore, data: ProjectCreate | dict[str, Any]) -> Project:
    data = parse(ProjectCreate, data)
    params = _params(data)  # converts money first: a bad amount writes nothing
    _check_ties(store, data)
    id_ = new_id(IdKind.PROJECT)
    stage_on = _not_future(data.stage_on, "stageOn") or today().isoformat()
    store.write(q.CREATE, {"id": id_, **params, "stage": data.stage.value, "stage_on": stage_on,
                           "stage_change_id": new_id(IdKind.STAGE_CHANGE)})
    return get_project(store=store, id=id_)


def update_project(*, store: GraphStore, id: str, data: ProjectUpdate | dict[str, Any]) -> Project:
    data = parse(ProjectUpdate, data)
    get_project(store=store, id=id)
    params = _params(data)
    _check_ties(store, data)
    store.write(q.UPDATE, {"id": id, **params})
    return get_project(store=store, id=id)


def get_project(*, store: GraphStore, id: str) -> Project:
    rows = store.read(q.GET, {"id": id})
    if not rows:
        raise NotFound("project", id, field="id")
    return records.project(rows[0])


def get_projects(*, store: GraphStore, ids: list[str]) -> dict[str, Project]:
    return {p.id: p for p in map(records.project, store.read(q.GET_MANY, {"ids": ids}))}


def list_projects(*, store: GraphStore, first: int | None = None, after: str | None = None,
                  stage: ProjectStage | None = None, industry: str | None = None,
                  located_in: str | None = None, unit: str | None = None, investor: str | None = None,
                  name: str | None = None) -> Page[Project]:
    size = page_size(first)
    rows = store.read(q.LIST, {
        "after": decode_cursor(after), "limit": size + 1, "stage": stage.value if stage else None,
        "industry": industry or None, "located_in": located_in, "unit": unit, "investor": investor,
        "name": (name or "").strip() or None,
    })
    return paginate([records.project(r) for r in rows], size, lambda p: p.id)
