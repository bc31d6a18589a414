"""The HTTP layer's own bounds, on a real loopback server (the lying one, with no upstream):
decompression bounded whatever the encoding, JSON depth, deadlines from the environment."""

from __future__ import annotations

import json
import zlib
from collections.abc import Callable, Iterator

import pytest

from fulfillment_station.connectors.errors import AnswerTooLarge, BadResponse
from fulfillment_station.connectors.http import (
    MAX_JSON_DEPTH,
    AnswerLimits,
    ApiClient,
    is_localhost_name,
    loads,
)
from tests.helpers.hostile_server import HostileServer, Reply

SMALL = AnswerLimits(detail_bytes=64 * 1024, read_deadline_s=2.0)


@pytest.fixture
def client() -> Iterator[tuple[HostileServer, ApiClient]]:
    with HostileServer() as liar:
        api = ApiClient(liar.url, "t", limits=SMALL, max_read_attempts=1)
        try:
            yield liar, api
        finally:
            api.close()


def _answer(liar: HostileServer, body: bytes, encoding: str | None) -> None:
    liar.lies.clear()
    headers = {"Content-Type": "application/json"}
    if encoding:
        headers["Content-Encoding"] = encoding
    liar.lie("GET", "/thing$", lambda _s, _f: Reply(200, headers, body))


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("gzip", lambda b: zlib.compress(b, 9, wbits=31)),
        ("deflate", lambda b: zlib.compress(b, 9)),
        (None, lambda b: b),
    ],
)
def test_each_encoding_is_read_and_bounded(
    client: tuple[HostileServer, ApiClient], encoding: str | None, pack: Callable[[bytes], bytes]
) -> None:
    liar, api = client
    _answer(liar, pack(json.dumps({"ok": [1, 2, 3]}).encode()), encoding)
    assert api.get_json("/thing") == {"ok": [1, 2, 3]}
    _answer(liar, pack(b"[" + b" " * (10 * 2**20) + b"]"), encoding)
    with pytest.raises(AnswerTooLarge):
        api.get_json("/thing")


@pytest.mark.parametrize(
    ("encoding", "body"),
    [
        ("br", b"\x1b\x00"),  # never asked for
        ("gzip", b"not gzip at all"),  # damaged
    ],
)
def test_an_unasked_or_damaged_encoding_is_a_bad_response(
    client: tuple[HostileServer, ApiClient], encoding: str, body: bytes
) -> None:
    liar, api = client
    _answer(liar, body, encoding)
    with pytest.raises(BadResponse):
        api.get_json("/thing")


def test_json_too_deep_or_with_nan_is_refused_and_text_is_cleaned() -> None:
    with pytest.raises(BadResponse, match="nested too deeply"):
        loads(b"[" * (MAX_JSON_DEPTH + 5) + b"]" * (MAX_JSON_DEPTH + 5))
    with pytest.raises(BadResponse, match="nested too deeply"):
        loads(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(BadResponse):
        loads(b'{"total": NaN}')
    data = loads(b'{"name\\u0007": "a\\ud83d\\u001b[2Jb", "list": ["\\r\\n"]}')
    assert data == {"name": "a\ufffd[2Jb", "list": ["\n"]}
    assert loads(b'{"total": 1e999999}')["total"] == float("inf")  # refused where it is read


def test_deadlines_come_from_the_environment_within_reason() -> None:
    limits = AnswerLimits.from_env(
        {
            "FULFILLMENT_STATION_READ_DEADLINE_S": "2.5",
            "FULFILLMENT_STATION_WRITE_DEADLINE_S": "nonsense",
        }
    )
    assert limits.read_deadline_s == 2.5
    assert limits.write_deadline_s == AnswerLimits().write_deadline_s
    assert (
        AnswerLimits.from_env({"FULFILLMENT_STATION_READ_DEADLINE_S": "-1"}).read_deadline_s
        == AnswerLimits().read_deadline_s
    )


@pytest.mark.parametrize(
    ("host", "pinned"),
    [
        ("localhost", True),
        ("shop.localhost", True),
        ("SHOP.LOCALHOST.", True),
        ("localhost.example.com", False),
        ("notlocalhost", False),
        ("127.0.0.1", False),
    ],
)
def test_localhost_names(host: str, pinned: bool) -> None:
    assert is_localhost_name(host) is pinned
