"""Where the data, config, log and cache directories are: explicit path, then the
environment variable, then platformdirs."""

from __future__ import annotations

from pathlib import Path

import pytest

from fulfillment_station import APP_NAME
from fulfillment_station.store.paths import (
    DATA_DIR_ENV,
    DIR_ENV,
    DIR_NAME,
    DirKind,
    app_dir,
    cache_dir,
    config_dir,
    data_dir,
    data_file,
    log_dir,
)


def test_explicit_path_wins_over_environment(tmp_path: Path) -> None:
    env = {DATA_DIR_ENV: str(tmp_path / "from-env")}
    assert data_dir(tmp_path / "explicit", env=env) == tmp_path / "explicit"
    assert (tmp_path / "explicit").is_dir()


def test_environment_variable_is_used_without_explicit_path(tmp_path: Path) -> None:
    env = {DATA_DIR_ENV: str(tmp_path / "from-env")}
    assert data_file("orders.sqlite3", env=env) == tmp_path / "from-env" / "orders.sqlite3"


def test_platform_dir_is_the_fallback() -> None:
    path = data_dir(env={}, create=False)
    assert path.name == "fulfillment-station"
    assert path.is_absolute()


@pytest.mark.parametrize("kind", list(DirKind))
def test_every_kind_of_directory_follows_the_same_rules(kind: DirKind, tmp_path: Path) -> None:
    env = {DIR_ENV[kind]: str(tmp_path / "from-env")}
    assert app_dir(kind, tmp_path / "explicit", env=env) == tmp_path / "explicit"
    assert app_dir(kind, env=env) == tmp_path / "from-env"
    assert (tmp_path / "from-env").is_dir()
    # Another kind's variable does not leak into this one.
    others = {DIR_ENV[k]: str(tmp_path / k) for k in DirKind if k != kind}
    platform = app_dir(kind, env=others, create=False)
    assert "fulfillment-station" in platform.parts  # e.g. ~/.local/state/fulfillment-station/log
    assert platform.is_absolute()


def test_the_kinds_have_their_own_platform_directories() -> None:
    found = {kind: app_dir(kind, env={}, create=False) for kind in DirKind}
    assert found[DirKind.DATA] == data_dir(env={}, create=False)
    assert found[DirKind.CONFIG] == config_dir(env={}, create=False)
    assert found[DirKind.LOG] == log_dir(env={}, create=False)
    assert found[DirKind.CACHE] == cache_dir(env={}, create=False)
    # On Linux the data, config and cache dirs differ (XDG); the log dir sits in the state
    # or cache tree depending on the platformdirs version, so it is not compared.
    assert len({found[DirKind.DATA], found[DirKind.CONFIG], found[DirKind.CACHE]}) == 3


def test_the_display_name_is_not_the_folder_name() -> None:
    assert APP_NAME == "Fulfillment Station"
    assert DIR_NAME == "fulfillment-station"
