"""Station database fixtures: one throwaway PostgreSQL server per test session, and a fresh,
empty database in it for every test (so tests pass in any order)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest

from tests.helpers.station_pg import ThrowawayPostgres
from tests.helpers.station_window import Warehouse, warehouse_fixture


@pytest.fixture(scope="session")
def station_server() -> Iterator[ThrowawayPostgres]:
    with ThrowawayPostgres() as server:
        yield server


@pytest.fixture
def station_url(station_server: ThrowawayPostgres) -> str:
    """The URL of a new, empty database on the session's server."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(station_server.url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return station_server.url.replace("/postgres?", f"/{name}?")


@pytest.fixture
def warehouse(
    qtbot: Any, qapp: Any, tmp_path: Path, make_sandbox: Callable[..., Any]
) -> Iterator[Warehouse]:
    """Desks built by the app on one nexus sandbox (``tests/helpers/station_window.py``)."""
    yield from warehouse_fixture(qtbot, qapp, tmp_path, make_sandbox)
