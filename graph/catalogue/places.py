"""Places: province > city > county > township, linked by PART_OF."""

from graph.statement import Statement

_VIEW = """
OPTIONAL MATCH (p)-[:PART_OF]->(parent:Place)
WITH p, head(collect(parent.id)) AS parent_id
RETURN properties(p) AS node, parent_id
ORDER BY node.id"""

CREATE = Statement(
    "place.create",
    """CREATE (p:Place {id: $id, name: $name, level: $level, created_at: $now, updated_at: $now})
WITH p
OPTIONAL MATCH (parent:Place {id: $parent_id})
FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END | CREATE (p)-[:PART_OF]->(parent))
RETURN p.id AS id""",
    writes=True,
)

UPDATE = Statement(
    "place.update",
    """MATCH (p:Place {id: $id})
SET p.name = coalesce($name, p.name), p.updated_at = $now
RETURN p.id AS id""",
    writes=True,
)

GET = Statement("place.get", "MATCH (p:Place {id: $id})" + _VIEW)

GET_MANY = Statement("place.get_many", "MATCH (p:Place) WHERE p.id IN $ids" + _VIEW)

LIST = Statement(
    "place.list",
    """MATCH (p:Place)
WHERE ($after IS NULL OR p.id > $after)
  AND ($level IS NULL OR p.level = $level)
  AND ($name IS NULL OR p.name CONTAINS $name)
  AND ($within IS NULL OR (p)-[:PART_OF*0..]->(:Place {id: $within}))
WITH p ORDER BY p.id LIMIT $limit""" + _VIEW,
)
