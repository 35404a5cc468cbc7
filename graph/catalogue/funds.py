"""Funds that arrived (到位资金): tranches per project, and exchange rates."""

from graph.statement import Statement

RECORD_RATE = Statement(
    "funds.record_rate",
    """CREATE (x:ExchangeRate {id: $id, currency: $currency, on: $on, cny_per_unit: $cny_per_unit,
                       recorded_by: $recorded_by, recorded_at: $now})
RETURN x.id AS id""",
    writes=True,
)

# The rate in force on a day: the latest one recorded on or before it.
RATE_ON = Statement(
    "funds.rate_on",
    """MATCH (x:ExchangeRate {currency: $currency})
WHERE x.on <= $on
RETURN properties(x) AS rate
ORDER BY rate.on DESC, rate.recorded_at DESC
LIMIT 1""",
)

RECORD_TRANCHE = Statement(
    "funds.record_tranche",
    """MATCH (pr:Project {id: $project_id})
CREATE (t:FundingTranche {id: $id, amount_minor: $amount_minor, currency: $currency, cny_fen: $cny_fen,
                          arrived_on: $arrived_on, origin: $origin, status: $status,
                          recorded_by: $recorded_by, recorded_at: $now})-[:FOR]->(pr)
SET t.rate = $rate, t.rate_on = $rate_on, t.rate_id = $rate_id, t.note = $note
RETURN t.id AS id""",
    writes=True,
)

_VIEW = """
MATCH (t)-[:FOR]->(pr:Project)
RETURN properties(t) AS node, pr.id AS project_id
ORDER BY node.arrived_on, node.id"""

GET = Statement("funds.get_tranche", "MATCH (t:FundingTranche {id: $id})" + _VIEW)

FOR_PROJECTS = Statement(
    "funds.tranches_for_projects",
    "MATCH (t:FundingTranche)-[:FOR]->(p:Project) WHERE p.id IN $project_ids WITH t" + _VIEW,
)

# Moves a tranche from one status to the next; nothing happens when it is not
# in the expected status (the use case reads first to say why).
SET_STATUS = Statement(
    "funds.set_tranche_status",
    """MATCH (t:FundingTranche {id: $id})
WHERE t.status IN $from_statuses
SET t.status = $status, t.status_changed_by = $by, t.status_changed_at = $now, t.status_note = $note
RETURN t.id AS id""",
    writes=True,
)
