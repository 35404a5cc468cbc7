"""People: investors, hometown contacts, intermediaries, cadres."""

from graph.statement import Statement

_VIEW = """
OPTIONAL MATCH (p)-[:NATIVE_OF]->(np:Place)
WITH p, head(collect(np.id)) AS native_place_id
OPTIONAL MATCH (p)-[:LIVES_IN]->(cc:Place)
WITH p, native_place_id, head(collect(cc.id)) AS current_city_id
OPTIONAL MATCH (p)-[:BELONGS_TO]->(u:Organization)
WITH p, native_place_id, current_city_id, head(collect(u.id)) AS unit_id
RETURN properties(p) AS node, native_place_id, current_city_id, unit_id
ORDER BY node.id"""

# Replaces (or sets) one exclusive place tie of person p; a null id leaves it.
_SET_PLACE = """
WITH p
OPTIONAL MATCH (p)-[old:{rel}]->(was:Place)
WHERE ${param} IS NOT NULL AND was.id <> ${param}
DELETE old
WITH DISTINCT p
OPTIONAL MATCH (now:Place {{id: ${param}}})
FOREACH (_ IN CASE WHEN now IS NULL THEN [] ELSE [1] END | MERGE (p)-[:{rel}]->(now))"""

_SET_PLACES = _SET_PLACE.format(rel="NATIVE_OF", param="native_place_id") + _SET_PLACE.format(
    rel="LIVES_IN", param="current_city_id"
)

CREATE = Statement(
    "person.create",
    """CREATE (p:Person:Party {id: $id, name: $name, mobiles: $mobiles, roles: $roles, notes: $notes,
                  created_at: $now, updated_at: $now})
SET p.owner_unit_id = $owner_unit_id"""
    + _SET_PLACES
    + "\nRETURN p.id AS id",
    writes=True,
)

UPDATE = Statement(
    "person.update",
    """MATCH (p:Person {id: $id})
SET p.name = coalesce($name, p.name), p.mobiles = coalesce($mobiles, p.mobiles),
    p.roles = coalesce($roles, p.roles), p.notes = coalesce($notes, p.notes), p.updated_at = $now"""
    + _SET_PLACES
    + "\nRETURN p.id AS id",
    writes=True,
)

GET = Statement("person.get", "MATCH (p:Person {id: $id})" + _VIEW)

GET_MANY = Statement("person.get_many", "MATCH (p:Person) WHERE p.id IN $ids" + _VIEW)

# Filters: role; native of / living in a place or any place under it; cadres of
# a unit or its sub-units; part of the name; a whole normalised mobile number,
# or a run of its digits (the last four, say).
LIST = Statement(
    "person.list",
    """MATCH (p:Person)
WHERE ($after IS NULL OR p.id > $after)
  AND ($role IS NULL OR $role IN p.roles)
  AND ($name IS NULL OR p.name CONTAINS $name)
  AND ($mobile IS NULL OR $mobile IN p.mobiles)
  AND ($mobile_digits IS NULL OR any(m IN p.mobiles WHERE m CONTAINS $mobile_digits))
  AND ($native_of IS NULL OR (p)-[:NATIVE_OF]->(:Place)-[:PART_OF*0..]->(:Place {id: $native_of}))
  AND ($lives_in IS NULL OR (p)-[:LIVES_IN]->(:Place)-[:PART_OF*0..]->(:Place {id: $lives_in}))
  AND ($unit IS NULL OR (p)-[:BELONGS_TO]->(:Organization)-[:PART_OF*0..]->(:Organization {id: $unit}))
WITH p ORDER BY p.id LIMIT $limit""" + _VIEW,
)
