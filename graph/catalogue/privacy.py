"""Personal data on request (个人信息保护法): find it, and erase it."""

from graph.catalogue.dialect import with_call_subqueries
from graph.statement import Statement

LINES_NAMING = Statement(
    "privacy.lines_naming",
    """MATCH (l:RewardLine)
WHERE l.introducer_id = $id OR l.explanation CONTAINS $id
RETURN l.id AS id, l.explanation AS explanation""",
)

AUDIT_NAMING = Statement(
    "privacy.audit_naming",
    """MATCH (a:AuditEntry)
WHERE a.record_id = $id OR a.detail CONTAINS $id OR a.before CONTAINS $id OR a.after CONTAINS $id
RETURN a.id AS id, a.before AS before, a.after AS after, a.detail AS detail""",
)

_ERASE = """MATCH (p:Person {id: $id})
SET p.name = $placeholder, p.mobiles = $nothing, p.notes = $blank, p.erased_at = $now
WITH p
OPTIONAL MATCH (p)-[r:NATIVE_OF|LIVES_IN|WORKS_IN|KNOWS|MEMBER_OF|WORKS_FOR]-()
DELETE r
WITH DISTINCT p
CALL {
  UNWIND $lines AS x
  MATCH (l:RewardLine {id: x.id})
  SET l.explanation = x.explanation
  RETURN count(l) AS lines
}
CALL {
  UNWIND $entries AS x
  MATCH (a:AuditEntry {id: x.id})
  SET a.before = x.before, a.after = x.after, a.detail = x.detail, a.redacted_at = $now
  RETURN count(a) AS entries
}
RETURN p.id AS id, lines, entries"""

ERASE = with_call_subqueries("privacy.erase_person", _ERASE, writes=True)
