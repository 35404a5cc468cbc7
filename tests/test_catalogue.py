"""The catalogue: every statement passes Neo4j's own linter, names are unique,
and the printed catalogue is what the product runs."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from graph.catalogue import all_statements

ROOT = Path(__file__).resolve().parent.parent
LINTER = ROOT / "tools" / "cypher-lint"


def _printed() -> list[dict]:
    out = subprocess.run([sys.executable, "-m", "graph.catalogue"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def test_python_m_graph_catalogue_prints_every_statement() -> None:
    printed = _printed()
    assert {p["name"] for p in printed} >= {s.name for s in all_statements()}
    assert len(printed) >= 60  # every area is there, not a sample


def test_every_statement_passes_neo4j_linter() -> None:
    if not (LINTER / "node_modules" / "@neo4j-cypher" / "language-support").exists():
        pytest.fail("the Neo4j linter is not installed: scripts/test installs it (npm ci in tools/cypher-lint)")
    node = shutil.which("node")
    assert node, "node is needed to run Neo4j's linter"
    neo4j_runs = [p for p in _printed() if "neo4j" in p["engines"]]
    printed = "\n".join(json.dumps(p, ensure_ascii=False) for p in neo4j_runs)
    result = subprocess.run([node, "lint.mjs"], cwd=LINTER, input=printed, capture_output=True, text=True)
    verdicts = [json.loads(line) for line in result.stdout.splitlines()]
    failures = {v["name"]: v["errors"] for v in verdicts if v["errors"]}
    assert not failures, json.dumps(failures, ensure_ascii=False, indent=1)
    assert result.returncode == 0 and len(verdicts) == printed.count("\n") + 1


def test_the_linter_catches_what_neo4j_would_refuse() -> None:
    """Guard against a linter that passes everything."""
    bad = [{"name": "syntax", "cypher": "MATCH (p:Person RETURN p"},
           {"name": "unknown_function", "cypher": "MATCH (p:Person) RETURN nosuchfunction(p)"},
           {"name": "falkordb_only", "cypher": "CALL db.idx.fulltext.queryNodes('Person', 'x') YIELD node RETURN node"}]
    result = subprocess.run(["node", "lint.mjs"], cwd=LINTER, capture_output=True, text=True,
                            input="\n".join(json.dumps(b) for b in bad))
    verdicts = {json.loads(line)["name"]: json.loads(line)["errors"] for line in result.stdout.splitlines()}
    assert result.returncode == 1
    assert verdicts["syntax"] and verdicts["unknown_function"] and verdicts["falkordb_only"]


def test_every_statement_runs_on_both_engines_once() -> None:
    printed = _printed()
    for engine in ("falkordb", "neo4j"):
        names = [p["name"].split("@")[0] for p in printed if engine in p["engines"]]
        expected = [s.name for s in all_statements() if s.only_on in (None, engine)]
        assert sorted(names) == sorted(expected), engine
    assert all(p.get("why") for p in printed if "@" in p["name"])


def test_statements_use_parameters_not_formatted_values() -> None:
    for s in all_statements():
        if s.name.startswith("schema."):
            continue
        assert "'" not in s.cypher and '"' not in s.cypher, f"{s.name} has a literal string; use a $parameter"
