"""An acknowledged write survives a crash of the embedded engine.

The real server runs in its own process; a write goes through the API; then the
embedded engine's process (redis-server with FalkorDB) and the API are killed
with SIGKILL, so nothing gets a chance to save. A new server on the same file
must return the write (appendonly yes, appendfsync always).
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(data: Path, port: int) -> subprocess.Popen:
    env = {**os.environ, "CRM_GRAPH_URL": f"file:{data / 'crm.db'}", "CRM_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-m", "api.cli", "serve"], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            pytest.fail(f"server exited: {proc.stdout.read().decode()[-2000:]}")
        time.sleep(0.2)
    proc.kill()
    pytest.fail("server did not start within 60 s")


TOKEN: dict[str, str] = {}


def _gql(port: int, query: str, **variables) -> dict:
    r = httpx.post(f"http://127.0.0.1:{port}/graphql", json={"query": query, "variables": variables}, timeout=10,
                   headers={"Authorization": f"Bearer {TOKEN['admin']}"})
    return r.json()


def _engine_process(data: Path) -> psutil.Process:
    """The embedded engine daemonizes; falkordblite records its pid file in a
    registry beside the data file (that is also how a restarted app rejoins it)."""
    registry = json.loads((data / "crm.db.settings").read_text())
    return psutil.Process(int(Path(registry["pidfile"]).read_text().strip()))


def test_acknowledged_write_survives_kill_9(tmp_path: Path) -> None:
    env = {**os.environ, "CRM_GRAPH_URL": f"file:{tmp_path / 'crm.db'}"}
    made = subprocess.run([sys.executable, "-m", "api.cli", "user", "add", "admin", "--role", "ADMIN"], cwd=ROOT,
                          env=env, capture_output=True, text=True, check=True)
    TOKEN["admin"] = made.stdout.strip().splitlines()[-1]
    port = _free_port()
    server = _start(tmp_path, port)
    try:
        created = _gql(port, 'mutation { createPerson(input: {name: "刘中兴", mobiles: ["13802231234"]}) { id } }')
        person_id = created["data"]["createPerson"]["id"]
        engine = _engine_process(tmp_path)
        assert "redis-server" in engine.name()
        engine.kill()  # SIGKILL: no chance to save anything
        os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=10)
        engine.wait(timeout=10)
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGKILL)

    port = _free_port()
    again = _start(tmp_path, port)
    try:
        got = _gql(port, "query($id: ID!) { person(id: $id) { name mobiles } }", id=person_id)
        assert got == {"data": {"person": {"name": "刘中兴", "mobiles": ["+8613802231234"]}}}
    finally:
        os.killpg(again.pid, signal.SIGTERM)
        again.wait(timeout=20)
