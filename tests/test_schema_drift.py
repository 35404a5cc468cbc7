"""The committed schema.graphql is the schema the API serves."""

from pathlib import Path

from api.graphql.schema import build_schema

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "schema.graphql"


def test_committed_schema_matches() -> None:
    printed = build_schema().as_str() + "\n"
    assert SCHEMA_FILE.read_text(encoding="utf-8") == printed, (
        "schema.graphql is out of date: run `crm schema > schema.graphql` and commit it")
