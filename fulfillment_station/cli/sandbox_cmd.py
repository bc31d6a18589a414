"""``fulfillment-station sandbox --dialect D ...``: serve a dialect's training API."""

from __future__ import annotations

import argparse
import sys

from fulfillment_station.cli.common import CliError


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    from fulfillment_station.sandbox.dialects import DIALECTS

    p = sub.add_parser("sandbox", help="run a training sandbox that speaks one store API")
    p.add_argument("--dialect", required=True, choices=list(DIALECTS))
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=0, help="0 picks a free port")
    p.add_argument("--orders", type=int, default=300, help="orders to generate (first start)")
    p.add_argument("--seed", type=int, default=1, help="random seed for the generated data")
    p.add_argument("--db", default=None, help="SQLite file (default: a temporary file)")
    p.add_argument("--token", default=None, help="Bearer token to accept (default: random)")
    p.add_argument("--latency-ms", type=int, default=0)
    p.add_argument("--fail-rate", type=float, default=0.0, help="share of requests given a 5xx")
    p.add_argument("--rate-limit", type=int, default=0, help="requests per second before 429")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from fulfillment_station.sandbox.dialects.base import Faults
    from fulfillment_station.sandbox.server import SandboxServer

    if not 0 <= args.fail_rate <= 1:
        raise CliError("--fail-rate must be between 0 and 1")
    if args.orders < 0:
        raise CliError("--orders cannot be negative")
    faults = Faults(
        latency_ms=args.latency_ms,
        fail_rate=args.fail_rate,
        rate_limit=args.rate_limit,
        seed=args.seed,
    )
    faults.rng.seed(args.seed)
    try:
        server = SandboxServer(
            args.dialect,
            db_path=args.db,
            token=args.token,
            orders=args.orders,
            seed=args.seed,
            host=args.host,
            port=args.port,
            faults=faults,
        )
    except OSError as exc:
        raise CliError(f"cannot start the sandbox: {exc}") from exc
    try:
        server.bind()  # bind first so the printed URL is real
    except OSError as exc:
        server.close()
        raise CliError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from exc
    print(f"{args.dialect} sandbox: {server.ctx.db.count_all()} orders in {server.db_path}")
    print(f"base URL: {server.base_url}")
    print(f"token:    {server.token}")
    print("Press Ctrl-C to stop.", flush=True)
    try:
        server.serve_forever()
    finally:
        server.close()
    print("sandbox stopped.", file=sys.stderr)
    return 0
