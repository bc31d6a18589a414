"""Where Fulfillment Station keeps its files: the one resolver for the data, config, log and
cache directories. For each, an explicit path wins, then its environment variable
(``FULFILLMENT_STATION_DATA_DIR``, ``..._CONFIG_DIR``, ``..._LOG_DIR``, ``..._CACHE_DIR``),
then the platform's user directory of that kind.
All of them are user-only (0700 on POSIX), tightened when they already exist."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from enum import StrEnum
from pathlib import Path

from platformdirs import user_cache_path, user_config_path, user_data_path, user_log_path

from fulfillment_station.store.file_checks import private_dir

#: The folder name under the platform's user directories. Not the display name
#: (``fulfillment_station.APP_NAME``): desks already keep their data under this one.
DIR_NAME = "fulfillment-station"


class DirKind(StrEnum):
    DATA = "data"
    CONFIG = "config"
    LOG = "log"
    CACHE = "cache"


DIR_ENV: dict[DirKind, str] = {kind: f"FULFILLMENT_STATION_{kind.upper()}_DIR" for kind in DirKind}
DATA_DIR_ENV = DIR_ENV[DirKind.DATA]
CONFIG_DIR_ENV = DIR_ENV[DirKind.CONFIG]
LOG_DIR_ENV = DIR_ENV[DirKind.LOG]
CACHE_DIR_ENV = DIR_ENV[DirKind.CACHE]

_PLATFORM: dict[DirKind, Callable[..., Path]] = {
    DirKind.DATA: user_data_path,
    DirKind.CONFIG: user_config_path,
    DirKind.LOG: user_log_path,
    DirKind.CACHE: user_cache_path,
}


def app_dir(
    kind: DirKind,
    explicit: Path | str | None = None,
    *,
    env: Mapping[str, str] | None = None,
    create: bool = True,
) -> Path:
    """The directory of ``kind`` to use; ``env`` defaults to ``os.environ`` (tests pass their
    own). Created unless ``create`` is false."""
    environ = os.environ if env is None else env
    variable = DIR_ENV[kind]
    if explicit is not None and str(explicit).strip():
        path = Path(explicit).expanduser()
    elif environ.get(variable, "").strip():
        path = Path(environ[variable].strip()).expanduser()
    else:
        path = _PLATFORM[kind](DIR_NAME, appauthor=False)
    if create:
        private_dir(path)
    return path


def data_dir(
    explicit: Path | str | None = None, *, env: Mapping[str, str] | None = None, create: bool = True
) -> Path:
    """The cache, outbox, audit and print queue live here."""
    return app_dir(DirKind.DATA, explicit, env=env, create=create)


def config_dir(
    explicit: Path | str | None = None, *, env: Mapping[str, str] | None = None, create: bool = True
) -> Path:
    """Settings and window state live here."""
    return app_dir(DirKind.CONFIG, explicit, env=env, create=create)


def log_dir(
    explicit: Path | str | None = None, *, env: Mapping[str, str] | None = None, create: bool = True
) -> Path:
    """The log and crash reports live here."""
    return app_dir(DirKind.LOG, explicit, env=env, create=create)


def cache_dir(
    explicit: Path | str | None = None, *, env: Mapping[str, str] | None = None, create: bool = True
) -> Path:
    """What can be rebuilt (compiled translation catalogs) lives here."""
    return app_dir(DirKind.CACHE, explicit, env=env, create=create)


def data_file(
    name: str,
    explicit_dir: Path | str | None = None,
    *,
    env: Mapping[str, str] | None = None,
) -> Path:
    """``name`` (e.g. ``"orders.sqlite3"``) inside :func:`data_dir`, which is created."""
    return data_dir(explicit_dir, env=env) / name
