"""``fulfillment-station station-db ...``: the station database from a terminal.

    station-db migrate URL            apply the schema's migrations (as the owner role)
    station-db check URL              server, TLS, schema, privileges, LISTEN
    station-db claims URL             which desk holds which order now
    station-db release URL ORDER --connection-id C --reason R --supervisor S
    station-db report hourly URL      orders/items/boxes per packer (or --by desk) per hour
    station-db report pack-times URL  seconds from claim to confirmed shipment, per order
    station-db report scans URL       wrong-item scans and overrides per packer (or desk)
    station-db report manifest URL    shipments per carrier: --csv FILE and/or --pdf FILE

URL is ``postgresql://USER@HOST:PORT/DB?sslmode=verify-full``; the password comes from the
keyring (saved with ``station-db set-password URL``, which reads it from stdin) or libpq's
own ``PGPASSWORD``/``.pgpass``. Reports cover ``--date`` (local day, default today).
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import sys
from datetime import date
from pathlib import Path

import psycopg

from fulfillment_station.cli.common import CliError
from fulfillment_station.station import reports, schema
from fulfillment_station.station.config import (
    StationConfigError,
    StationDbConfig,
    load_password,
    save_password,
)
from fulfillment_station.station.reports import day_bounds
from fulfillment_station.store.secrets import NoKeyringError


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("station-db", help="the shared station database of several desks")
    commands = p.add_subparsers(dest="station_command", required=True)
    migrate = commands.add_parser("migrate", help="apply the schema's migrations")
    migrate.add_argument("url")
    migrate.set_defaults(handler=run_migrate)
    check = commands.add_parser("check", help="check server, TLS, schema and privileges")
    check.add_argument("url")
    check.set_defaults(handler=run_check)
    password = commands.add_parser("set-password", help="save the database password in the keyring")
    password.add_argument("url")
    password.set_defaults(handler=run_set_password)
    claims = commands.add_parser("claims", help="which desk holds which order now")
    claims.add_argument("url")
    claims.set_defaults(handler=run_claims)
    release = commands.add_parser(
        "release", help="free an order another desk holds (supervisor; audited)"
    )
    release.add_argument("url")
    release.add_argument("order_id")
    release.add_argument(
        "--connection-id", required=True, help="the store connection the desks use (see `claims`)"
    )
    release.add_argument("--reason", required=True)
    release.add_argument("--supervisor", required=True)
    release.set_defaults(handler=run_release)
    report = commands.add_parser("report", help="the shift's numbers")
    kinds = report.add_subparsers(dest="report", required=True)
    for name, helptext in (
        ("hourly", "orders, items, boxes per hour"),
        ("pack-times", "seconds per order from claim to shipment"),
        ("scans", "wrong-item scans and overrides"),
        ("manifest", "shipments per carrier for the driver"),
    ):
        r = kinds.add_parser(name, help=helptext)
        r.add_argument("url")
        r.add_argument(
            "--date",
            type=date.fromisoformat,
            default=None,
            help="the day (YYYY-MM-DD, local time; default today)",
        )
        if name in ("hourly", "scans"):
            r.add_argument("--by", choices=("packer", "desk"), default="packer")
        if name == "manifest":
            r.add_argument("--carrier", default=None)
            r.add_argument("--pdf", type=Path, default=None)
            r.add_argument("--csv", type=Path, default=None)
        r.set_defaults(handler=run_report)


def _connect(url: str) -> psycopg.Connection:
    try:
        config = StationDbConfig(url)
        password = load_password(config)
    except StationConfigError as exc:
        raise CliError(str(exc), 2) from exc
    except NoKeyringError:
        password = None  # libpq's PGPASSWORD or .pgpass may still have it
    try:
        return psycopg.connect(config.conninfo(password), autocommit=True)
    except psycopg.Error as exc:
        raise CliError(
            f"cannot reach the station database at {config.redacted_url()}: {str(exc).strip()}"
        ) from exc


def run_migrate(args: argparse.Namespace) -> int:
    with _connect(args.url) as conn:
        try:
            before, after = schema.migrate(conn)
        except (schema.StationSchemaError, psycopg.Error) as exc:
            raise CliError(f"migration failed: {exc}") from exc
    print(f"station database schema: version {before} -> {after}")
    return 0


def run_check(args: argparse.Namespace) -> int:
    with _connect(args.url) as conn:
        lines = schema.check(conn)
    for line in lines:
        print(f"  {line.name:<11} {'ok ' if line.ok else 'NO '} {line.detail}")
    return 0 if all(line.ok for line in lines) else 1


def run_claims(args: argparse.Namespace) -> int:
    with _connect(args.url) as conn:
        rows = conn.execute(
            "SELECT connection_id, order_id, desk, packer, claimed_at, expires_at < now() "
            "FROM claims ORDER BY claimed_at"
        ).fetchall()
    for connection_id, order_id, desk, packer, since, expired in rows:
        state = "expired" if expired else "held"
        print(f"{connection_id}\t{order_id}\t{desk}\t{packer}\t{since.isoformat()}\t{state}")
    return 0


def run_release(args: argparse.Namespace) -> int:
    """A supervisor's release goes through the coordinator, so it is audited like a desk's."""
    import sqlite3

    from fulfillment_station.station.coordinator import StationCoordinator

    if not args.reason.strip():
        raise CliError("a release needs a reason", 2)
    with _connect(args.url) as check:
        schema.migrate(check)
    config = StationDbConfig(args.url)
    password = None
    with contextlib.suppress(NoKeyringError):  # libpq's PGPASSWORD or .pgpass may have it
        password = load_password(config)
    local = sqlite3.connect(":memory:", isolation_level=None)  # a supervisor keeps no outbox
    coordinator = StationCoordinator(
        config,
        local,
        desk=f"supervisor {args.supervisor}",
        packer=args.supervisor,
        connection_id=args.connection_id,
        password=password,
    )
    try:
        released = coordinator.supervisor_release(
            args.order_id, reason=args.reason, supervisor=args.supervisor
        )
    finally:
        coordinator.close()
        local.close()
    if not released:
        raise CliError(f"cannot reach the station database at {config.redacted_url()}")
    print(f"order {args.order_id} released")
    return 0


def run_set_password(args: argparse.Namespace) -> int:
    try:
        config = StationDbConfig(args.url)
    except StationConfigError as exc:
        raise CliError(str(exc), 2) from exc
    password = (
        getpass.getpass("Password: ") if sys.stdin.isatty() else sys.stdin.readline().rstrip("\n")
    )
    if not password:
        raise CliError("no password given", 2)
    try:
        save_password(config, password)
    except NoKeyringError as exc:
        raise CliError(exc.user_message) from exc
    print(f"saved in the keyring for {config.password_key()}")
    return 0


def run_report(args: argparse.Namespace) -> int:
    since, until = day_bounds(args.date)
    out = sys.stdout
    with _connect(args.url) as conn:
        if args.report == "hourly":
            reports.write_csv(
                reports.per_hour(conn, since, until, by=args.by), out, reports.HourRow
            )
        elif args.report == "pack-times":
            reports.write_csv(reports.pack_times(conn, since, until), out, reports.PackTimeRow)
        elif args.report == "scans":
            reports.write_csv(reports.scans(conn, since, until, by=args.by), out, reports.ScanRow)
        else:
            rows = reports.manifest(conn, since, until, args.carrier)
            if args.csv is not None:
                with args.csv.open("w", encoding="utf-8", newline="") as handle:
                    reports.write_csv(rows, handle, reports.ManifestRow)
            if args.pdf is not None:
                from fulfillment_station.printing.errors import DocumentError
                from fulfillment_station.printing.manifest import render_manifest

                try:
                    args.pdf.write_bytes(render_manifest(rows, since.date().isoformat()))
                except DocumentError as exc:
                    raise CliError(str(exc)) from exc
            if args.csv is None and args.pdf is None:
                reports.write_csv(rows, out, reports.ManifestRow)
            else:
                print(f"{len(rows)} shipments", file=sys.stderr)
    return 0
