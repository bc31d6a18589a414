"""A desk's outbox worker resources on a sandbox, as the app opens them (its own cache and
outbox files in ``folder``), retrying without waiting so a failing store fails fast."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fulfillment_station.sandbox.server import SandboxServer
from fulfillment_station.services.resources import (
    ConnectionConfig,
    OutboxResources,
    outbox_resources,
)
from fulfillment_station.services.sync import SyncService
from tests.conftest import TEST_TOKEN


def open_desk_outbox(
    server: SandboxServer,
    folder: Path,
    connection: str = "shop",
    *,
    synced: bool = False,
    **options: Any,
) -> OutboxResources:
    """``synced``: the cache holds the store's orders before this returns. ``options`` go to
    ``outbox_resources`` (a print queue, settings)."""
    config = ConnectionConfig(
        id=connection,
        dialect=server.dialect,
        base_url=server.base_url,
        token=TEST_TOKEN,
        label="Shop",
    )
    resources = outbox_resources(
        config,
        folder / "cache.sqlite3",
        folder / "outbox.sqlite3",
        station="Desk 1",
        sleep=lambda _s: None,
        max_read_attempts=2,
        **options,
    )()
    if synced:
        SyncService(resources.connector, resources.cache, connection).run()
    return resources
