"""Where Fulfillment Station keeps its files: an explicit path wins, then the
``FULFILLMENT_STATION_DATA_DIR`` environment variable, then the platform's user data dir.
The folder is user-only (0700 on POSIX), tightened when it already exists."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from platformdirs import user_data_path

from fulfillment_station.store.file_checks import private_dir

APP_NAME = "fulfillment-station"
DATA_DIR_ENV = "FULFILLMENT_STATION_DATA_DIR"


def data_dir(
    explicit: Path | str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    create: bool = True,
) -> Path:
    """The data directory to use; ``env`` defaults to ``os.environ`` (tests pass their own)."""
    environ = os.environ if env is None else env
    if explicit is not None and str(explicit).strip():
        path = Path(explicit).expanduser()
    elif environ.get(DATA_DIR_ENV, "").strip():
        path = Path(environ[DATA_DIR_ENV].strip()).expanduser()
    else:
        path = user_data_path(APP_NAME, appauthor=False)
    if create:
        private_dir(path)
    return path


def data_file(
    name: str,
    explicit_dir: Path | str | None = None,
    *,
    env: Mapping[str, str] | None = None,
) -> Path:
    """``name`` (e.g. ``"orders.sqlite3"``) inside :func:`data_dir`, which is created."""
    return data_dir(explicit_dir, env=env) / name
