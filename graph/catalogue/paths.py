"""Warm introduction paths (找关系): ties from our side to a target."""

from graph.statement import Statement

# Undirected: knowing, chamber membership, a shared native place, working for
# the same organization, a cadre's unit. The bound is a literal in both dialects.
WARM_PATHS = Statement(
    "paths.warm",
    """MATCH p = (s:Party {id: $from_id})-[:KNOWS|MEMBER_OF|NATIVE_OF|WORKS_FOR|BELONGS_TO*1..5]-(t:Party {id: $to_id})
WHERE length(p) <= $max_hops
RETURN [n IN nodes(p) | n.id] AS node_ids, [n IN nodes(p) | n.name] AS names,
       [r IN relationships(p) | type(r)] AS types, [r IN relationships(p) | properties(r)] AS props
LIMIT 2000""",
)

# Contacts two people shared (a visit, a meeting, an event), as participant or counterpart.
SHARED_CONTACTS = Statement(
    "paths.shared_contacts",
    """UNWIND $pairs AS pair
MATCH (a:Person {id: pair[0]})-[:ATTENDED|WITH]-(c:Contact)-[:ATTENDED|WITH]-(b:Person {id: pair[1]})
RETURN pair[0] AS a, pair[1] AS b, collect(DISTINCT c.on) AS days""",
)
