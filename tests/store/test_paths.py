"""Where the data directory is: explicit path, then the environment variable, then platformdirs."""

from __future__ import annotations

from pathlib import Path

from fulfillment_station.store.paths import DATA_DIR_ENV, data_dir, data_file


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
