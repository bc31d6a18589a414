"""A hostile Orders API against one list request: peak memory (RSS of a child process) and time
for a 200 MB answer, a gzip bomb (1 MB that inflates to 1 GB), an endless chunked answer and a
store that sends one byte a second. Each case runs in its own process under a 2 GB address-space
limit (so the old, unbounded code fails with MemoryError instead of taking the machine) and a
150 s wall-clock limit. The slow case runs with ``FULFILLMENT_STATION_READ_DEADLINE_S=10``.

The lying server is the tests' (``tests/helpers/hostile_server.py``): run from the repository
root, as ``python -m benchmarks hostile``."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from typing import Any

from tests.helpers import hostile_server as lies
from tests.helpers.hostile_server import HostileServer

ADDRESS_SPACE_LIMIT = 2 * 2**30
WALL_LIMIT_S = 150
SLOW_DEADLINE_S = "10"

CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from fulfillment_station.connectors import connect
    started = time.monotonic()
    try:
        with connect("nexus", sys.argv[1], "bench-token", max_read_attempts=1) as connector:
            connector.list_orders()
        outcome = "read"
    except MemoryError:
        outcome = "MemoryError"
    except Exception as exc:
        outcome = type(exc).__name__
    print(json.dumps({"seconds": time.monotonic() - started, "outcome": outcome,
                      "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
""")


def _limit() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE_LIMIT, ADDRESS_SPACE_LIMIT))


def _run_case(url: str, env: dict[str, str]) -> dict[str, Any]:
    try:
        done = subprocess.run(
            [sys.executable, "-c", CHILD, url],
            capture_output=True,
            text=True,
            timeout=WALL_LIMIT_S,
            preexec_fn=_limit,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": WALL_LIMIT_S, "outcome": "still running (killed)", "peak_rss_mb": None}
    lines = done.stdout.strip().splitlines()
    if not lines:
        return {
            "seconds": None,
            "outcome": f"crashed: {done.stderr.strip()[-200:]}",
            "peak_rss_mb": None,
        }
    return json.loads(lines[-1])


def run() -> Iterator[dict[str, Any]]:
    lies.MAX_LIE_SECONDS = WALL_LIMIT_S  # let the liar outlast the client under test
    cases: list[tuple[str, lies.Lie, dict[str, str]]] = [
        ("huge_200mb", lies.huge(200), {}),
        ("gzip_bomb_1gb", lies.gzip_bomb(1024), {}),
        ("endless_chunked", lies.endless(), {}),
        (
            "one_byte_per_second",
            lies.trickle(body=b'{"data": []' + b" " * 50 + b"}"),
            {"FULFILLMENT_STATION_READ_DEADLINE_S": SLOW_DEADLINE_S},
        ),
    ]
    for name, lie, extra_env in cases:
        with HostileServer() as liar:
            liar.lie("GET", "/api/orders$", lie)
            env = {**os.environ, **extra_env}
            figure = _run_case(liar.url + "/api", env)
        yield {
            "name": f"hostile_{name}_peak_rss",
            "unit": "MB",
            "target": None,
            "value": None if figure["peak_rss_mb"] is None else round(figure["peak_rss_mb"], 1),
            "outcome": figure["outcome"],
        }
        yield {
            "name": f"hostile_{name}_time",
            "unit": "s",
            "target": None,
            "value": None if figure["seconds"] is None else round(figure["seconds"], 2),
            "outcome": figure["outcome"],
        }
