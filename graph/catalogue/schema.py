"""Schema bootstrap: a unique id on every kind of node, per engine.

The two engines create constraints differently, so each has its own statements
(FalkorDB also needs a Redis command, GRAPH.CONSTRAINT, issued by its adapter
after the index below exists). Both are idempotent.
"""

from graph.statement import EngineName, Statement

# Party: people and organizations both, so an introducer of either kind is found by id.
ID_LABELS = ("Person", "Organization", "Party", "Place", "Project", "Referral", "FundingTranche",
             "ExchangeRate", "RewardPolicy", "RewardLine", "StageChange", "Contact", "Event",
             "User", "ApiToken", "AuditEntry")

NEO4J_ID_CONSTRAINTS = {
    label: Statement(
        f"schema.neo4j.unique_id.{label}",
        f"CREATE CONSTRAINT {label.lower()}_id_unique IF NOT EXISTS FOR (n:{label}) REQUIRE n.id IS UNIQUE",
        writes=True,
        only_on=EngineName.NEO4J,
    )
    for label in ID_LABELS
}

# FalkorDB: an exact-match index must exist before the unique constraint.
FALKORDB_ID_INDEXES = {
    label: Statement(f"schema.falkordb.index_id.{label}", f"CREATE INDEX FOR (n:{label}) ON (n.id)", writes=True,
                     only_on=EngineName.FALKORDB)
    for label in ID_LABELS
}
