"""The five sandbox dialects. Each module exposes ``SPEC: DialectSpec``; modules are imported
on first use so starting one sandbox does not load the other four."""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from fulfillment_station.sandbox.dialects.base import DialectSpec

_MODULES = {
    "nexus": "nexus",
    "price2b": "price2b",
    "squarespace": "squarespace",
    "inventory-cloud": "inventory_cloud",
    "generic-rest": "generic_rest",
}


class _Dialects(Mapping[str, DialectSpec]):
    def __getitem__(self, dialect: str) -> DialectSpec:
        module = importlib.import_module(f"{__name__}.{_MODULES[dialect]}")
        spec: DialectSpec = module.SPEC
        return spec

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


DIALECTS: Mapping[str, DialectSpec] = _Dialects()
