"""Reward policies (versioned), and reward lines with their lifecycle."""

from graph.catalogue.dialect import with_call_subqueries
from graph.statement import Statement

# The version is one more than the highest of the same code, in the same statement.
CREATE_POLICY = Statement(
    "reward.create_policy",
    """OPTIONAL MATCH (old:RewardPolicy {code: $code})
WITH coalesce(max(old.version), 0) + 1 AS version
CREATE (p:RewardPolicy {id: $id, code: $code, version: version, name: $name, issuer_unit_id: $issuer_unit_id,
                        effective_from: $effective_from, rules_json: $rules_json, created_by: $created_by,
                        created_at: $now})
SET p.effective_to = $effective_to
RETURN p.id AS id, p.version AS version""",
    writes=True,
)

GET_POLICY = Statement("reward.get_policy", "MATCH (p:RewardPolicy {id: $id}) RETURN properties(p) AS node")

LIST_POLICIES = Statement(
    "reward.list_policies",
    """MATCH (p:RewardPolicy)
WHERE $code IS NULL OR p.code = $code
RETURN properties(p) AS node
ORDER BY node.code, node.version""",
)

# Everything a settlement reads about the projects that have referrals.
SETTLEMENT_PROJECTS = Statement(
    "reward.settlement_projects",
    """MATCH (:Referral)-[:FOR_PROJECT]->(pr:Project)
WITH DISTINCT pr
OPTIONAL MATCH (pr)<-[:RESPONSIBLE_FOR]-(:Organization)-[:PART_OF*0..]->(u:Organization)
WITH pr, collect(u.id) AS responsible_units
RETURN properties(pr) AS project, responsible_units
ORDER BY project.id""",
)

SETTLEMENT_REFERRALS = Statement(
    "reward.settlement_referrals",
    """MATCH (i:Party)-[m:MADE]->(r:Referral)-[:FOR_PROJECT]->(pr:Project)
WHERE pr.id IN $project_ids
RETURN pr.id AS project_id, properties(r) AS referral, i.id AS introducer_id, i.name AS name,
       i.kind AS kind, i.roles AS roles, m.share AS share
ORDER BY project_id, referral.registered_at, referral.id, introducer_id""",
)

# Who introduced each introducer (one hop up the chain), earliest live referral first.
SETTLEMENT_UPSTREAM = Statement(
    "reward.settlement_upstream",
    """MATCH (up:Party)-[:MADE]->(r:Referral)-[:INTRODUCED]->(i:Party)
WHERE i.id IN $introducer_ids AND r.status IN $statuses AND up.id <> i.id
RETURN i.id AS introducer_id, up.id AS id, up.name AS name, up.kind AS kind, up.roles AS roles,
       r.registered_at AS registered_at, r.id AS referral_id
ORDER BY introducer_id, registered_at, referral_id""",
)

LINES_FOR = Statement(
    "reward.lines_for_policy_year",
    """MATCH (l:RewardLine {policy_id: $policy_id, year: $year})
WHERE l.status <> $superseded
RETURN properties(l) AS node
ORDER BY node.computed_at, node.id""",
)

# One settlement's writes, atomically: computed lines it replaces are marked
# superseded, and the new lines (first settlements or adjustments) are created.
_WRITE_SETTLEMENT = """CALL {
  UNWIND $superseded AS sid
  MATCH (old:RewardLine {id: sid})
  WHERE old.status = $computed
  SET old.status = $superseded_status, old.superseded_at = $now
  RETURN count(old) AS superseded
}
UNWIND $lines AS line
CREATE (l:RewardLine)
SET l = line
RETURN l.id AS id"""

WRITE_SETTLEMENT = with_call_subqueries("reward.write_settlement", _WRITE_SETTLEMENT, writes=True)

GET_LINES = Statement(
    "reward.get_lines",
    "MATCH (l:RewardLine) WHERE l.id IN $ids RETURN properties(l) AS node ORDER BY node.id",
)

APPROVE = Statement(
    "reward.approve_lines",
    """UNWIND $ids AS lid
MATCH (l:RewardLine {id: lid})
WHERE l.status = $computed
SET l.status = $approved, l.approved_by = $by, l.approved_at = $now
RETURN l.id AS id""",
    writes=True,
)

PAY = Statement(
    "reward.pay_lines",
    """UNWIND $ids AS lid
MATCH (l:RewardLine {id: lid})
WHERE l.status = $approved
SET l.status = $paid, l.paid_by = $by, l.paid_at = $now, l.payment_ref = $payment_ref
RETURN l.id AS id""",
    writes=True,
)

PAYMENT_REF_USED = Statement(
    "reward.payment_ref_used",
    "MATCH (l:RewardLine {payment_ref: $payment_ref}) RETURN count(l) AS used",
)

STATEMENT = Statement(
    "reward.statement",
    """MATCH (l:RewardLine {introducer_id: $introducer_id, year: $year})
WHERE l.status <> $superseded
RETURN properties(l) AS node
ORDER BY node.policy_code, node.project_id, node.computed_at, node.id""",
)

STATEMENT_ALL_YEARS = Statement(
    "reward.lines_of_introducer",
    "MATCH (l:RewardLine {introducer_id: $introducer_id}) RETURN properties(l) AS node ORDER BY node.year, node.id",
)
