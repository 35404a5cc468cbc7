"""Organizations: enterprises, chambers, agencies, government units (PART_OF a parent unit)."""

from graph.statement import Statement

_VIEW = """
OPTIONAL MATCH (o)-[:LOCATED_IN]->(pl:Place)
WITH o, head(collect(pl.id)) AS place_id
OPTIONAL MATCH (o)-[:PART_OF]->(parent:Organization)
WITH o, place_id, head(collect(parent.id)) AS parent_unit_id
RETURN properties(o) AS node, place_id, parent_unit_id
ORDER BY node.id"""

_SET_TIES = """
WITH o
OPTIONAL MATCH (o)-[old:LOCATED_IN]->(was:Place)
WHERE $place_id IS NOT NULL AND was.id <> $place_id
DELETE old
WITH DISTINCT o
OPTIONAL MATCH (pl:Place {id: $place_id})
FOREACH (_ IN CASE WHEN pl IS NULL THEN [] ELSE [1] END | MERGE (o)-[:LOCATED_IN]->(pl))
WITH o
OPTIONAL MATCH (o)-[old:PART_OF]->(was:Organization)
WHERE $parent_unit_id IS NOT NULL AND was.id <> $parent_unit_id
DELETE old
WITH DISTINCT o
OPTIONAL MATCH (parent:Organization {id: $parent_unit_id})
FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END | MERGE (o)-[:PART_OF]->(parent))"""

CREATE = Statement(
    "organization.create",
    """CREATE (o:Organization:Party {id: $id, name: $name, kind: $kind, notes: $notes,
                        created_at: $now, updated_at: $now})
SET o.unit_type = $unit_type, o.credit_code = $credit_code, o.owner_unit_id = $owner_unit_id"""
    + _SET_TIES
    + "\nRETURN o.id AS id",
    writes=True,
)

UPDATE = Statement(
    "organization.update",
    """MATCH (o:Organization {id: $id})
SET o.name = coalesce($name, o.name), o.unit_type = coalesce($unit_type, o.unit_type),
    o.credit_code = coalesce($credit_code, o.credit_code), o.notes = coalesce($notes, o.notes),
    o.updated_at = $now"""
    + _SET_TIES
    + "\nRETURN o.id AS id",
    writes=True,
)

GET = Statement("organization.get", "MATCH (o:Organization {id: $id})" + _VIEW)

GET_MANY = Statement("organization.get_many", "MATCH (o:Organization) WHERE o.id IN $ids" + _VIEW)

# True when $candidate is $id itself or one of its sub-units: making it the
# parent of $id would close a loop in the unit hierarchy.
IS_SELF_OR_SUBUNIT = Statement(
    "organization.is_self_or_subunit",
    """MATCH (c:Organization {id: $candidate})
OPTIONAL MATCH path = (c)-[:PART_OF*0..]->(o:Organization {id: $id})
RETURN count(path) > 0 AS inside""",
)

LIST = Statement(
    "organization.list",
    """MATCH (o:Organization)
WHERE ($after IS NULL OR o.id > $after)
  AND ($kind IS NULL OR o.kind = $kind)
  AND ($unit_type IS NULL OR o.unit_type = $unit_type)
  AND ($name IS NULL OR o.name CONTAINS $name)
  AND ($located_in IS NULL OR (o)-[:LOCATED_IN]->(:Place)-[:PART_OF*0..]->(:Place {id: $located_in}))
  AND ($within_unit IS NULL OR (o)-[:PART_OF*0..]->(:Organization {id: $within_unit}))
WITH o ORDER BY o.id LIMIT $limit""" + _VIEW,
)
