"""Use cases for the project pipeline: dated stage changes (the current stage
follows from them), the contract at signing, and the units' annual targets."""

from __future__ import annotations

from typing import Any

from crm.clock import today, utc_now
from crm.errors import InvalidInput, WrongKind
from crm.ids import IdKind, new_id
from crm.lookup import brief, require_cadre, require_optional
from crm.models.organizations import OrgKind
from crm.models.pipeline import ContractInput, StageChange, StageChangeInput, TargetInput
from crm.models.projects import PROGRESSION, Project, ProjectStage
from crm.ports import GraphStore
from crm.projects import get_project
from crm.validation import parse
from graph.catalogue import pipeline as q




def stage_history(*, store: GraphStore, project_id: str) -> list[StageChange]:
    return [StageChange(**r["change"]) for r in store.read(q.HISTORY, {"project_ids": [project_id]})]


def change_stage(*, store: GraphStore, project_id: str, data: StageChangeInput | dict[str, Any]) -> Project:
    """A stage may be skipped; every change records who and when; dates never go
    backwards and never lie in the future."""
    data = parse(StageChangeInput, data)
    project = get_project(store=store, id=project_id)
    require_cadre(store, data.by, field="by")
    require_optional(store, data.event_id, field="eventId", expected=IdKind.EVENT)
    if data.on > today():
        raise InvalidInput.one("on", f"{data.on} is in the future")
    history = stage_history(store=store, project_id=project_id)
    if history and data.on < history[-1].on:
        raise InvalidInput.one("on", f"{data.on} is before the last change ({history[-1].stage.value} on "
                                     f"{history[-1].on}): stage dates do not go backwards")
    if data.stage is project.stage:
        raise InvalidInput.one("stage", f"the project is already {data.stage.value}")
    store.write(q.CHANGE_STAGE, {"project_id": project_id, "id": new_id(IdKind.STAGE_CHANGE),
                                 "stage": data.stage.value, "on": data.on.isoformat(), "now": utc_now(),
                                 "by": data.by, "reason": data.reason, "event_id": data.event_id,
                                 "signed": ProjectStage.SIGNED.value})
    return get_project(store=store, id=project_id)


def record_contract(*, store: GraphStore, project_id: str, data: ContractInput | dict[str, Any]) -> Project:
    data = parse(ContractInput, data)
    project = get_project(store=store, id=project_id)
    require_cadre(store, data.by, field="by")
    if data.signed_on > today():
        raise InvalidInput.one("signedOn", f"{data.signed_on} is in the future")
    signed = PROGRESSION.index(ProjectStage.SIGNED)
    history = stage_history(store=store, project_id=project_id)
    if not any(c.stage in PROGRESSION and PROGRESSION.index(c.stage) >= signed for c in history):
        raise InvalidInput.one("projectId", f"the project is {project.stage.value} and was never signed: "
                                            "record the SIGNED stage first")
    fen = data.contracted_investment.to_fen("contractedInvestment")
    iso = lambda d: d.isoformat() if d else None  # noqa: E731
    text = lambda d: str(d) if d is not None else None  # noqa: E731
    store.write(q.RECORD_CONTRACT, {
        "project_id": project_id, "signed_on": data.signed_on.isoformat(), "contracted_fen": fen,
        "promised_start_on": iso(data.promised_start_on), "promised_production_on": iso(data.promised_production_on),
        "land_mu": text(data.land_mu), "intensity": text(data.investment_intensity_wan_per_mu),
        "plot_ratio": text(data.plot_ratio), "by": data.by, "now": utc_now()})
    return get_project(store=store, id=project_id)


ALL_ORIGINS = "ALL"


def set_target(*, store: GraphStore, data: TargetInput | dict[str, Any], by: str | None = None) -> dict[str, Any]:
    data = parse(TargetInput, data)
    unit = brief(store, data.unit_id, field="unitId", expected=(IdKind.ORGANIZATION,))
    if unit.kind != OrgKind.GOVERNMENT_UNIT.value:
        raise WrongKind(f"unitId: {unit.name} is not a government unit", field="unitId")
    funds_fen = None if data.funds_arrived is None else data.funds_arrived.to_fen("fundsArrived")
    store.write(q.SET_TARGET, {"unit_id": data.unit_id, "year": data.year,
                               "origin": data.origin.value if data.origin else ALL_ORIGINS, "funds_fen": funds_fen,
                               "signed": data.projects_signed, "started": data.projects_started, "by": by,
                               "now": utc_now()})
    return {"unit_id": data.unit_id, "year": data.year, "funds_fen": funds_fen}
