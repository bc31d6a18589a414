"""One connector per Orders API dialect (plain Python + httpx, no Qt).

``connect(dialect, base_url, token)`` builds the right one; dialect modules are imported on
first use."""

from __future__ import annotations

import importlib
from typing import Any

from fulfillment_station.connectors.base import Connector

DIALECT_MODULES: dict[str, str] = {
    "nexus": "nexus",
    "price2b": "price2b",
    "squarespace": "squarespace",
    "inventory-cloud": "inventory_cloud",
    "generic-rest": "generic_rest",
}


def connector_class(dialect: str) -> type[Connector]:
    try:
        module = DIALECT_MODULES[dialect]
    except KeyError:
        raise ValueError(
            f"unknown dialect {dialect!r}; choose one of {', '.join(DIALECT_MODULES)}"
        ) from None
    connector: type[Connector] = importlib.import_module(f"{__name__}.{module}").CONNECTOR
    return connector


def connect(dialect: str, base_url: str, token: str | None, **options: Any) -> Connector:
    return connector_class(dialect)(base_url, token, **options)
