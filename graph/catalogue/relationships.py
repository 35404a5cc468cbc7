"""Relationship statements, generated from the rules table (crm.models.relationships).

For every allowed (source label, type, target label) there is an `add` and a
`remove` statement; labels and types come from the table, never from input.
`add` re-checks the rule inside the statement (kinds and roles as parameters),
so a tie between the wrong kinds is never written even if a record changed
between the check and the write.
"""

from crm.ids import IdKind
from crm.models.relationships import RULES, RelationshipKind, Rule
from graph.statement import Statement

LABEL = {
    IdKind.PERSON: "Person",
    IdKind.ORGANIZATION: "Organization",
    IdKind.PLACE: "Place",
    IdKind.PROJECT: "Project",
}


def _add(rule: Rule, a: str, b: str) -> Statement:
    t = rule.kind.value
    drop_old = ""
    if rule.exclusive == "source":
        drop_old = f"""
OPTIONAL MATCH (a)-[old:{t}]->(other:{b})
WHERE other.id <> b.id
DELETE old
WITH DISTINCT a, b"""
    elif rule.exclusive == "target":
        drop_old = f"""
OPTIONAL MATCH (other:{a})-[old:{t}]->(b)
WHERE other.id <> a.id
DELETE old
WITH DISTINCT a, b"""
    return Statement(
        f"relationship.add.{a}.{t}.{b}",
        f"""MATCH (a:{a} {{id: $from_id}})
MATCH (b:{b} {{id: $to_id}})
WHERE a.id <> b.id
  AND ($from_kinds IS NULL OR a.kind IN $from_kinds) AND ($from_role IS NULL OR $from_role IN a.roles)
  AND ($to_kinds IS NULL OR b.kind IN $to_kinds) AND ($to_role IS NULL OR $to_role IN b.roles)
WITH a, b{drop_old}
MERGE (a)-[r:{t}]->(b)
SET r = $props
RETURN a.id AS from_id, b.id AS to_id""",
        writes=True,
    )


def _remove(rule: Rule, a: str, b: str) -> Statement:
    t = rule.kind.value
    return Statement(
        f"relationship.remove.{a}.{t}.{b}",
        f"""MATCH (a:{a} {{id: $from_id}})-[r:{t}]->(b:{b} {{id: $to_id}})
DELETE r
RETURN count(*) AS removed""",
        writes=True,
    )


def _pairs(rule: Rule) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for s in rule.sources:
        for t in rule.targets:
            pair = (LABEL[s.kind], LABEL[t.kind])
            if pair not in pairs:
                pairs.append(pair)
    return pairs


ADD: dict[tuple[str, RelationshipKind, str], Statement] = {}
REMOVE: dict[tuple[str, RelationshipKind, str], Statement] = {}
for _rule in RULES.values():
    for _a, _b in _pairs(_rule):
        ADD[(_a, _rule.kind, _b)] = _add(_rule, _a, _b)
        REMOVE[(_a, _rule.kind, _b)] = _remove(_rule, _a, _b)

_TYPES = [k.value for k in RelationshipKind]

# Every tie of one record, both directions, for the record's page.
OF_NODE = {
    label: Statement(
        f"relationship.of.{label}",
        f"""MATCH (n:{label} {{id: $id}})-[r]-(other)
WHERE type(r) IN $types
RETURN type(r) AS kind, startNode(r).id AS from_id, endNode(r).id AS to_id, properties(r) AS props
ORDER BY kind, from_id, to_id""",
    )
    for label in LABEL.values()
}

ALL_TYPES = tuple(_TYPES)
