"""The app's files that are not code: the carrier table (``carriers.json``), fonts, icons,
sounds and translation catalogs.

The folder sits at the top of the repository, beside ``fulfillment_station/``, ``tests/`` and
``packaging/``, and is installed as the package ``fulfillment_station.resources``
(``package-dir`` in ``pyproject.toml``). Code finds it through :data:`RESOURCES_DIR`, which is
right in a source checkout, an editable install and a wheel alike; never by a path relative to
another module.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent
