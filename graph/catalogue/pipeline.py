"""The project pipeline: stage changes as dated events, contracts, targets."""

from graph.statement import Statement

# The new change is the latest (dates never go backwards), so it is the current stage.
CHANGE_STAGE = Statement(
    "pipeline.change_stage",
    """MATCH (pr:Project {id: $project_id})
CREATE (pr)-[:HAD_STAGE]->(sc:StageChange {id: $id, stage: $stage, on: $on, recorded_at: $now})
SET sc.by = $by, sc.reason = $reason, sc.event_id = $event_id,
    pr.stage = $stage, pr.updated_at = $now,
    pr.signed_on = CASE WHEN $stage = $signed AND pr.signed_on IS NULL THEN $on ELSE pr.signed_on END
RETURN sc.id AS id""",
    writes=True,
)

HISTORY = Statement(
    "pipeline.history",
    """MATCH (pr:Project)-[:HAD_STAGE]->(sc:StageChange)
WHERE pr.id IN $project_ids
RETURN pr.id AS project_id, properties(sc) AS change
ORDER BY project_id, change.on, change.recorded_at""",
)

RECORD_CONTRACT = Statement(
    "pipeline.record_contract",
    """MATCH (pr:Project {id: $project_id})
SET pr.signed_on = $signed_on, pr.contracted_investment_fen = $contracted_fen,
    pr.promised_start_on = $promised_start_on, pr.promised_production_on = $promised_production_on,
    pr.land_mu = $land_mu, pr.investment_intensity_wan_per_mu = $intensity, pr.plot_ratio = $plot_ratio,
    pr.contract_recorded_by = $by, pr.updated_at = $now
RETURN pr.id AS id""",
    writes=True,
)

SET_TARGET = Statement(
    "pipeline.set_target",
    """MATCH (u:Organization {id: $unit_id})
MERGE (t:Target {unit_id: $unit_id, year: $year, origin: $origin})
SET t.funds_arrived_fen = $funds_fen, t.projects_signed = $signed, t.projects_started = $started,
    t.set_by = $by, t.set_at = $now
RETURN t.unit_id AS unit_id""",
    writes=True,
)

TARGETS = Statement(
    "pipeline.targets",
    "MATCH (t:Target {year: $year}) RETURN properties(t) AS target ORDER BY target.unit_id, target.origin",
)

# Everything the figures read: units with their parents, and projects with
# their responsible unit (stages and tranches come from their own statements).
UNITS = Statement(
    "figures.units",
    """MATCH (u:Organization {kind: $government_unit})
OPTIONAL MATCH (u)-[:PART_OF]->(parent:Organization)
RETURN u.id AS id, u.name AS name, u.unit_type AS unit_type, parent.id AS parent_id
ORDER BY id""",
)

PROJECTS = Statement(
    "figures.projects",
    """MATCH (pr:Project)
OPTIONAL MATCH (pr)<-[:RESPONSIBLE_FOR]-(u:Organization)
WITH pr, head(collect(u.id)) AS unit_id
RETURN properties(pr) AS project, unit_id
ORDER BY project.id""",
)
