"""Statements about the store as a whole."""

from crm.ids import IdKind
from graph.statement import Statement

# The label of every kind of record the application gives an id.
LABEL_OF = {
    IdKind.PERSON: "Person", IdKind.ORGANIZATION: "Organization", IdKind.PLACE: "Place", IdKind.PROJECT: "Project",
    IdKind.REFERRAL: "Referral", IdKind.TRANCHE: "FundingTranche", IdKind.EXCHANGE_RATE: "ExchangeRate",
    IdKind.POLICY: "RewardPolicy", IdKind.REWARD_LINE: "RewardLine", IdKind.STAGE_CHANGE: "StageChange",
    IdKind.CONTACT: "Contact", IdKind.EVENT: "Event", IdKind.USER: "User", IdKind.TOKEN: "ApiToken",
    IdKind.AUDIT: "AuditEntry",
}

# Records of the domain: accounts and the audit trail do not make a store "non-empty".
COUNT_NODES = Statement(
    "admin.count_nodes",
    "MATCH (n) WHERE NOT (n:User OR n:ApiToken OR n:AuditEntry) RETURN count(n) AS nodes",
)

# Used by `crm reset` and the Neo4j test suite, whose one database is shared.
DELETE_ALL = Statement("admin.delete_all", "MATCH (n) DETACH DELETE n RETURN count(*) AS deleted", writes=True)

# The brief of a record, to check what an id names before a write.
BRIEF = {
    label: Statement(
        f"admin.brief.{label}",
        f"""MATCH (n:{label}) WHERE n.id IN $ids
RETURN n.id AS id, n.name AS name, n.kind AS kind, n.roles AS roles, n.level AS level""",
    )
    for label in LABEL_OF.values()
}

# A record's own properties, for the audit trail's before and after.
SNAPSHOT = {
    label: Statement(f"admin.snapshot.{label}", f"MATCH (n:{label} {{id: $id}}) RETURN properties(n) AS node")
    for label in LABEL_OF.values()
}
