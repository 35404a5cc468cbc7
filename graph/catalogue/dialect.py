"""The dialect differences between the engines, each named once.

CALL_SCOPE: a CALL subquery. Neo4j 5 deprecates `CALL { … }` without a scope
clause and wants `CALL () { … }`; FalkorDB does not parse the scope clause.
"""

from graph.statement import EngineName, Statement

CALL_SCOPE_WHY = ("Neo4j 5 deprecates CALL { } without a scope clause and wants CALL () { }; "
                  "FalkorDB does not parse the scope clause.")


def with_call_subqueries(name: str, cypher: str, *, writes: bool = False) -> Statement:
    """A statement using CALL { } subqueries, with its Neo4j text."""
    return Statement(name, cypher, writes=writes,
                     variants={EngineName.NEO4J: cypher.replace("CALL {", "CALL () {")}, why=CALL_SCOPE_WHY)
