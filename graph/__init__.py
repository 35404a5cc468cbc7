"""Graph storage: the engines, the schema and the Cypher catalogue."""
