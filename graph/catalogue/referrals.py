"""Referrals (引荐登记 / 首报备案) and the 以商招商 chains they form.

A referral is a node: who registered it and when, the evidence, its status.
Its introducers point at it (MADE, with their share inside it); it points at
the investor it introduced (INTRODUCED) and/or the project (FOR_PROJECT). For
traversal each introducer also gets a REFERRED edge to each target, carrying
the referral id and status, so chains are plain variable-length paths.
"""

from graph.statement import Statement

REGISTER = Statement(
    "referral.register",
    """CREATE (r:Referral {id: $id, registered_at: $registered_at, registered_on: $registered_on,
                   registered_by: $registered_by, status: $status, created_at: $now})
SET r.evidence_letter_no = $evidence_letter_no, r.evidence_note = $evidence_note
WITH r
UNWIND $introducers AS intro
MATCH (i:Party {id: intro.id})
CREATE (i)-[:MADE {share: intro.share}]->(r)
WITH r, collect(i) AS introducers
OPTIONAL MATCH (inv:Party {id: $investor_id})
OPTIONAL MATCH (pr:Project {id: $project_id})
FOREACH (_ IN CASE WHEN inv IS NULL THEN [] ELSE [1] END | CREATE (r)-[:INTRODUCED]->(inv))
FOREACH (_ IN CASE WHEN pr IS NULL THEN [] ELSE [1] END | CREATE (r)-[:FOR_PROJECT]->(pr))
FOREACH (i IN introducers |
  FOREACH (_ IN CASE WHEN inv IS NULL THEN [] ELSE [1] END |
    CREATE (i)-[:REFERRED {referral_id: r.id, status: r.status}]->(inv))
  FOREACH (_ IN CASE WHEN pr IS NULL THEN [] ELSE [1] END |
    CREATE (i)-[:REFERRED {referral_id: r.id, status: r.status}]->(pr)))
RETURN r.id AS id""",
    writes=True,
)

# A new referral from $introducer to $target would close a loop when the target
# already leads (through live referrals) to the introducer.
CYCLE = Statement(
    "referral.cycle",
    """MATCH p = (t:Party {id: $target})-[:REFERRED*1..30]->(i:Party {id: $introducer})
WHERE all(e IN relationships(p) WHERE e.status <> $rejected)
RETURN [n IN nodes(p) | n.name] AS names, [e IN relationships(p) | e.referral_id] AS referral_ids
LIMIT 1""",
)

_VIEW = """
OPTIONAL MATCH (i:Party)-[m:MADE]->(r)
WITH r, collect({id: i.id, name: i.name, share: m.share}) AS introducers
OPTIONAL MATCH (r)-[:INTRODUCED]->(inv:Party)
OPTIONAL MATCH (r)-[:FOR_PROJECT]->(pr:Project)
RETURN properties(r) AS node, introducers, inv.id AS investor_id, inv.name AS investor_name,
       pr.id AS project_id, pr.name AS project_name
ORDER BY node.registered_at, node.id"""

GET_MANY = Statement("referral.get_many", "MATCH (r:Referral) WHERE r.id IN $ids" + _VIEW)

# Every live or rejected referral naming this investor or project as its target.
FOR_TARGET = Statement(
    "referral.for_target",
    """MATCH (r:Referral)-[:INTRODUCED|FOR_PROJECT]->(t {id: $target})
WHERE t:Party OR t:Project""" + _VIEW,
)

DECIDE = Statement(
    "referral.decide",
    """MATCH (r:Referral {id: $id})
WHERE r.status = $from_status
SET r.status = $status, r.decided_at = $now, r.decided_by = $decided_by, r.decision_note = $note
WITH r
OPTIONAL MATCH (i:Party)-[:MADE]->(r)
OPTIONAL MATCH (i)-[e:REFERRED]->()
WHERE e.referral_id = r.id
SET e.status = $status
RETURN DISTINCT r.id AS id""",
    writes=True,
)

AGREE_SHARES = Statement(
    "referral.agree_shares",
    """UNWIND $shares AS s
MATCH (r:Referral {id: s.referral_id})
SET r.agreed_share = s.share, r.shares_agreed_by = $decided_by, r.shares_agreed_at = $now
RETURN r.id AS id""",
    writes=True,
)

# Targets (investors or projects) named by two or more live referrals.
CONTESTED_TARGETS = Statement(
    "referral.contested_targets",
    """MATCH (r:Referral)-[:INTRODUCED|FOR_PROJECT]->(t)
WHERE r.status <> $rejected
WITH t, count(r) AS live, sum(CASE WHEN r.agreed_share IS NULL THEN 0 ELSE 1 END) AS agreed
WHERE live > 1 AND agreed < live
RETURN t.id AS target_id, t.name AS target_name, live
ORDER BY target_id""",
)

# The 以商招商 chain above an investor or a project, back to its origins.
UPSTREAM = {
    label: Statement(
        f"referral.upstream.{label}",
        f"""MATCH p = (origin:Party)-[:REFERRED*1..30]->(t:{label} {{id: $id}})
WHERE all(e IN relationships(p) WHERE e.status <> $rejected)
RETURN [e IN relationships(p) | e.referral_id] AS referral_ids, [n IN nodes(p) | n.id] AS node_ids,
       [n IN nodes(p) | n.name] AS names""",
    )
    for label in ("Party", "Project")
}

# What an introducer led to, down to a depth (the bound is a literal in both
# dialects; the requested depth filters within it).
DOWNSTREAM = Statement(
    "referral.downstream",
    """MATCH p = (i:Party {id: $id})-[:REFERRED*1..10]->(t)
WHERE length(p) <= $depth AND all(e IN relationships(p) WHERE e.status <> $rejected)
RETURN [e IN relationships(p) | e.referral_id] AS referral_ids, [n IN nodes(p) | n.id] AS node_ids,
       [n IN nodes(p) | n.name] AS names""",
)

# Projects reached by a set of parties (they invest in them) or named directly,
# with contracted investment and verified, not reversed arrived funds.
PROJECT_TOTALS = Statement(
    "referral.project_totals",
    """MATCH (pr:Project)
OPTIONAL MATCH (inv:Party)-[:INVESTS_IN]->(pr)
WITH pr, collect(inv.id) AS investors
WHERE pr.id IN $project_ids OR any(x IN investors WHERE x IN $party_ids)
OPTIONAL MATCH (t:FundingTranche)-[:FOR]->(pr)
WHERE t.status = $verified
RETURN pr.id AS id, pr.name AS name, pr.contracted_investment_fen AS contracted_fen, sum(t.cny_fen) AS arrived_fen
ORDER BY id""",
)
