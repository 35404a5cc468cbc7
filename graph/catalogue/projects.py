"""Projects: name, industry chain, stage, investment (integer fen), responsibility."""

from graph.statement import Statement

_VIEW = """
OPTIONAL MATCH (u:Organization)-[:RESPONSIBLE_FOR]->(pr)
WITH pr, head(collect(u.id)) AS responsible_unit_id
OPTIONAL MATCH (c:Person)-[:RESPONSIBLE_FOR]->(pr)
WITH pr, responsible_unit_id, head(collect(c.id)) AS responsible_cadre_id
OPTIONAL MATCH (pr)-[:LOCATED_IN]->(pl:Place)
WITH pr, responsible_unit_id, responsible_cadre_id, head(collect(pl.id)) AS place_id
OPTIONAL MATCH (inv)-[:INVESTS_IN]->(pr)
WITH pr, responsible_unit_id, responsible_cadre_id, place_id, collect(inv.id) AS investor_ids
RETURN properties(pr) AS node, responsible_unit_id, responsible_cadre_id, place_id, investor_ids
ORDER BY node.id"""

# One responsible unit, one responsible cadre and one place per project: a new
# one replaces the old; a null id leaves it as it is.
_SET_TIES = """
WITH pr
OPTIONAL MATCH (was:Organization)-[old:RESPONSIBLE_FOR]->(pr)
WHERE $responsible_unit_id IS NOT NULL AND was.id <> $responsible_unit_id
DELETE old
WITH DISTINCT pr
OPTIONAL MATCH (u:Organization {id: $responsible_unit_id})
FOREACH (_ IN CASE WHEN u IS NULL THEN [] ELSE [1] END | MERGE (u)-[:RESPONSIBLE_FOR]->(pr))
WITH pr
OPTIONAL MATCH (was:Person)-[old:RESPONSIBLE_FOR]->(pr)
WHERE $responsible_cadre_id IS NOT NULL AND was.id <> $responsible_cadre_id
DELETE old
WITH DISTINCT pr
OPTIONAL MATCH (c:Person {id: $responsible_cadre_id})
FOREACH (_ IN CASE WHEN c IS NULL THEN [] ELSE [1] END | MERGE (c)-[:RESPONSIBLE_FOR]->(pr))
WITH pr
OPTIONAL MATCH (pr)-[old:LOCATED_IN]->(was:Place)
WHERE $place_id IS NOT NULL AND was.id <> $place_id
DELETE old
WITH DISTINCT pr
OPTIONAL MATCH (pl:Place {id: $place_id})
FOREACH (_ IN CASE WHEN pl IS NULL THEN [] ELSE [1] END | MERGE (pr)-[:LOCATED_IN]->(pl))"""

CREATE = Statement(
    "project.create",
    """CREATE (pr:Project {id: $id, name: $name, industry: $industry, stage: $stage, notes: $notes,
                   created_at: $now, updated_at: $now})
SET pr.total_investment_fen = $total_investment_fen,
    pr.contracted_investment_fen = $contracted_investment_fen, pr.signed_on = $signed_on
CREATE (pr)-[:HAD_STAGE]->(:StageChange {id: $stage_change_id, stage: $stage, on: $stage_on, recorded_at: $now})"""
    + _SET_TIES
    + "\nRETURN pr.id AS id",
    writes=True,
)

UPDATE = Statement(
    "project.update",
    """MATCH (pr:Project {id: $id})
SET pr.name = coalesce($name, pr.name), pr.industry = coalesce($industry, pr.industry),
    pr.notes = coalesce($notes, pr.notes),
    pr.total_investment_fen = coalesce($total_investment_fen, pr.total_investment_fen),
    pr.contracted_investment_fen = coalesce($contracted_investment_fen, pr.contracted_investment_fen),
    pr.signed_on = coalesce($signed_on, pr.signed_on), pr.updated_at = $now"""
    + _SET_TIES
    + "\nRETURN pr.id AS id",
    writes=True,
)

GET = Statement("project.get", "MATCH (pr:Project {id: $id})" + _VIEW)

GET_MANY = Statement("project.get_many", "MATCH (pr:Project) WHERE pr.id IN $ids" + _VIEW)

LIST = Statement(
    "project.list",
    """MATCH (pr:Project)
WHERE ($after IS NULL OR pr.id > $after)
  AND ($stage IS NULL OR pr.stage = $stage)
  AND ($industry IS NULL OR pr.industry = $industry)
  AND ($name IS NULL OR pr.name CONTAINS $name)
  AND ($located_in IS NULL OR (pr)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..]->(:Place {id: $located_in}))
  AND ($unit IS NULL OR (pr)<-[:RESPONSIBLE_FOR]-(:Organization)-[:PART_OF*0..]->(:Organization {id: $unit}))
  AND ($investor IS NULL OR (pr)<-[:INVESTS_IN]-({id: $investor}))
WITH pr ORDER BY pr.id LIMIT $limit""" + _VIEW,
)
