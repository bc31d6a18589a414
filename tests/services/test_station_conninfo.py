"""The station database as the desk connects to it, without any window: which address can be
used, and the password taken from the keyring (in memory) into libpq's connection string."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from keyring.backends import fail

from fulfillment_station.services.station_ops import station_conninfo, station_database
from fulfillment_station.store.secrets import TokenStore
from tests.helpers.keyring import MemoryKeyring

LOCAL = "postgresql://desk@127.0.0.1:5432/station"


@pytest.mark.parametrize(
    "url",
    [
        "",
        "   ",
        "mysql://desk@127.0.0.1/station",  # not PostgreSQL
        "postgresql://desk@db.example.com/station",  # another machine, unencrypted
    ],
)
def test_no_address_or_an_unusable_one_means_no_station_database(url: str) -> None:
    assert station_database(url) is None


def test_the_keyrings_password_goes_into_the_connection_string() -> None:
    config = station_database(f"  {LOCAL}  ")
    assert config is not None
    tokens = TokenStore(MemoryKeyring())
    tokens.set(config.password_key(), "station-pw")

    query = parse_qs(urlsplit(station_conninfo(config, tokens)).query)

    assert query["password"] == ["station-pw"]
    assert "connect_timeout" in query


def test_without_a_keyring_libpq_is_left_to_find_the_password(tmp_path: Path) -> None:
    config = station_database(LOCAL)
    assert config is not None
    tokens = TokenStore(fail.Keyring(), token_file=tmp_path / "tokens.json")
    conninfo = station_conninfo(config, tokens)
    assert "password" not in parse_qs(urlsplit(conninfo).query)
    assert conninfo.startswith(LOCAL)
