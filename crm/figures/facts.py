"""Gather what the figures need from the store, once per report."""

from __future__ import annotations

from datetime import date

from crm.figures.definitions import ProjectFacts, Target, Unit
from crm.models.funds import TrancheStatus
from crm.models.organizations import OrgKind
from crm.models.projects import ProjectStage
from crm.ports import GraphStore
from graph.catalogue import funds as fq
from graph.catalogue import pipeline as q


def load_units(store: GraphStore) -> dict[str, Unit]:
    return {r["id"]: Unit(r["id"], r["name"], r["parent_id"])
            for r in store.read(q.UNITS, {"government_unit": OrgKind.GOVERNMENT_UNIT.value})}


def load_targets(store: GraphStore, year: int) -> dict[str, Target]:
    out = {}
    for r in store.read(q.TARGETS, {"year": year}):
        t = r["target"]
        out[t["unit_id"]] = Target(t.get("funds_arrived_fen"), t.get("projects_signed"), t.get("projects_started"),
                                   t["origin"])
    return out


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def load_projects(store: GraphStore) -> list[ProjectFacts]:
    rows = store.read(q.PROJECTS)
    ids = [r["project"]["id"] for r in rows]
    stages: dict[str, list[tuple[ProjectStage, date]]] = {i: [] for i in ids}
    for r in store.read(q.HISTORY, {"project_ids": ids}):
        stages[r["project_id"]].append((ProjectStage(r["change"]["stage"]), date.fromisoformat(r["change"]["on"])))
    tranches: dict[str, list[tuple[int, date, str]]] = {i: [] for i in ids}
    for r in store.read(fq.FOR_PROJECTS, {"project_ids": ids}):
        t = r["node"]
        if t["status"] == TrancheStatus.VERIFIED.value:
            tranches[r["project_id"]].append((t["cny_fen"], date.fromisoformat(t["arrived_on"]), t["origin"]))
    out = []
    for r in rows:
        p = r["project"]
        history = stages[p["id"]]
        signed = _day(p.get("signed_on"))
        if signed and not any(s is ProjectStage.SIGNED for s, _ in history):
            history.append((ProjectStage.SIGNED, signed))  # a signing recorded only as a date
        out.append(ProjectFacts(p["id"], p["name"], p["industry"], r["unit_id"],
                                tuple(sorted(history, key=lambda x: x[1])), p.get("contracted_investment_fen") or 0,
                                _day(p.get("promised_start_on")), _day(p.get("promised_production_on")),
                                tuple(tranches[p["id"]])))
    return out
