"""The station database's schema: versioned migrations, applied by the app when a desk connects
(and by ``fulfillment-station station-db migrate URL``), and the checks behind
``fulfillment-station station-db check URL``.

Migrations run in one transaction under an advisory lock, so eight desks starting at once
apply each step exactly once. The applied version is in ``station_schema``. Changes to claims,
finished orders and the shared outbox are announced on the ``station_changes`` channel by
triggers, in the same transaction as the change (``LISTEN/NOTIFY``; see ``listener.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psycopg  # only when a station database is set: loaded on first use

#: The NOTIFY channel every desk listens on.
CHANNEL = "station_changes"
#: Arbitrary but fixed: the advisory lock key that serialises migrations.
_MIGRATION_LOCK = 0x5F5E_0019

MIGRATIONS: list[str] = [
    # 1: desks, claims, finished orders, the shared outbox, the shared audit log, notifications.
    """
    CREATE TABLE desks (
        desk TEXT PRIMARY KEY,
        packer TEXT NOT NULL DEFAULT '',
        last_seen TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE TABLE claims (
        connection_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        desk TEXT NOT NULL,
        packer TEXT NOT NULL DEFAULT '',
        claimed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        expires_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (connection_id, order_id)
    );
    CREATE INDEX claims_desk ON claims (desk);
    CREATE TABLE orders_done (
        connection_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        desk TEXT NOT NULL,
        packer TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL,
        at TIMESTAMPTZ NOT NULL DEFAULT now(),
        PRIMARY KEY (connection_id, order_id)
    );
    CREATE TABLE shared_outbox (
        idempotency_key TEXT PRIMARY KEY,
        desk TEXT NOT NULL,
        connection_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        state TEXT NOT NULL,
        packer TEXT NOT NULL DEFAULT '',
        queued_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
    );
    CREATE INDEX shared_outbox_order ON shared_outbox (connection_id, order_id);
    CREATE TABLE audit (
        id BIGSERIAL PRIMARY KEY,
        event_id TEXT NOT NULL UNIQUE,
        desk TEXT NOT NULL,
        packer TEXT NOT NULL DEFAULT '',
        at TIMESTAMPTZ NOT NULL,
        connection_id TEXT NOT NULL DEFAULT '',
        order_id TEXT NOT NULL DEFAULT '',
        order_number TEXT NOT NULL DEFAULT '',
        kind TEXT NOT NULL,
        outcome TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL DEFAULT '',
        idempotency_key TEXT NOT NULL DEFAULT '',
        items INTEGER NOT NULL DEFAULT 0,
        boxes INTEGER NOT NULL DEFAULT 0,
        carrier TEXT NOT NULL DEFAULT '',
        tracking TEXT NOT NULL DEFAULT '',
        seconds DOUBLE PRECISION
    );
    CREATE INDEX audit_at ON audit (at);
    CREATE INDEX audit_order ON audit (connection_id, order_id);

    CREATE FUNCTION station_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        row_data RECORD;
        change TEXT;
    BEGIN
        IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
        IF TG_TABLE_NAME = 'claims' THEN
            change := CASE WHEN TG_OP = 'DELETE' THEN 'released' ELSE 'claimed' END;
        ELSIF TG_TABLE_NAME = 'orders_done' THEN
            change := row_data.reason;
        ELSE
            change := 'outbox_' || row_data.state;
        END IF;
        PERFORM pg_notify('station_changes', json_build_object(
            'change', change, 'connection_id', row_data.connection_id,
            'order_id', row_data.order_id, 'desk', row_data.desk,
            'at', to_char(clock_timestamp() AT TIME ZONE 'UTC',
                          'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text);
        RETURN NULL;
    END $$;
    CREATE TRIGGER claims_notify AFTER INSERT OR UPDATE OR DELETE ON claims
        FOR EACH ROW EXECUTE FUNCTION station_notify();
    CREATE TRIGGER orders_done_notify AFTER INSERT OR UPDATE ON orders_done
        FOR EACH ROW EXECUTE FUNCTION station_notify();
    CREATE TRIGGER shared_outbox_notify AFTER INSERT OR UPDATE OF state ON shared_outbox
        FOR EACH ROW EXECUTE FUNCTION station_notify();
    """,
    # 2: orders a desk found on hold at the store. "Next order" leaves them out until
    # ``recheck_at`` (without this every desk in turn claimed a held order, re-read it and let
    # it go: one order claimed by eight desks); opening one deliberately clears the mark.
    """
    CREATE TABLE orders_held (
        connection_id TEXT NOT NULL,
        order_id TEXT NOT NULL,
        desk TEXT NOT NULL,
        packer TEXT NOT NULL DEFAULT '',
        at TIMESTAMPTZ NOT NULL DEFAULT now(),
        recheck_at TIMESTAMPTZ NOT NULL,
        PRIMARY KEY (connection_id, order_id)
    );

    CREATE OR REPLACE FUNCTION station_notify() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE
        row_data RECORD;
        change TEXT;
    BEGIN
        IF TG_OP = 'DELETE' THEN row_data := OLD; ELSE row_data := NEW; END IF;
        IF TG_TABLE_NAME = 'claims' THEN
            change := CASE WHEN TG_OP = 'DELETE' THEN 'released' ELSE 'claimed' END;
        ELSIF TG_TABLE_NAME = 'orders_done' THEN
            change := row_data.reason;
        ELSIF TG_TABLE_NAME = 'orders_held' THEN
            change := 'held';
        ELSE
            change := 'outbox_' || row_data.state;
        END IF;
        PERFORM pg_notify('station_changes', json_build_object(
            'change', change, 'connection_id', row_data.connection_id,
            'order_id', row_data.order_id, 'desk', row_data.desk,
            'at', to_char(clock_timestamp() AT TIME ZONE 'UTC',
                          'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text);
        RETURN NULL;
    END $$;
    CREATE TRIGGER orders_held_notify AFTER INSERT OR UPDATE ON orders_held
        FOR EACH ROW EXECUTE FUNCTION station_notify();

    -- Whether "next order" may offer an order, asked after its advisory lock is taken: no
    -- live claim, not finished, not found on hold, no shipment or cancel waiting for it. A
    -- VOLATILE PL/pgSQL function reads with a snapshot of its own, newer than the calling
    -- statement's: a desk that shipped the order (claim deleted, orders_done written in one
    -- commit) while the statement was running is seen, and the order is not claimed again.
    CREATE FUNCTION station_order_offerable(p_connection TEXT, p_order TEXT) RETURNS boolean
    LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
        RETURN NOT EXISTS (SELECT 1 FROM claims WHERE connection_id = p_connection
                           AND order_id = p_order AND expires_at >= now())
           AND NOT EXISTS (SELECT 1 FROM orders_done WHERE connection_id = p_connection
                           AND order_id = p_order)
           AND NOT EXISTS (SELECT 1 FROM orders_held WHERE connection_id = p_connection
                           AND order_id = p_order AND recheck_at > now())
           -- a shipment or a cancel queued at a desk and not yet settled by the store
           AND NOT EXISTS (SELECT 1 FROM shared_outbox WHERE connection_id = p_connection
                           AND order_id = p_order
                           AND state IN ('pending', 'sending', 'retrying', 'failed')
                           AND kind IN ('ship', 'fulfill', 'bulk_ship', 'cancel'));
    END $$;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

#: What a desk's role must be allowed per table (the least-privilege role of the docs).
DESK_PRIVILEGES: dict[str, tuple[str, ...]] = {
    "station_schema": ("SELECT",),
    "desks": ("SELECT", "INSERT", "UPDATE"),
    "claims": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    "orders_done": ("SELECT", "INSERT", "DELETE"),
    "orders_held": ("SELECT", "INSERT", "UPDATE", "DELETE"),
    "shared_outbox": ("SELECT", "INSERT", "UPDATE"),
    "audit": ("SELECT", "INSERT"),
}


class StationSchemaError(RuntimeError):
    """The database's schema is newer than this app, or cannot be migrated."""


def schema_version(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT to_regclass('station_schema') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return 0
    found = conn.execute("SELECT version FROM station_schema").fetchone()
    return int(found[0]) if found else 0


def migrate(conn: psycopg.Connection) -> tuple[int, int]:
    """Bring the schema to :data:`SCHEMA_VERSION`; returns (version before, version after).
    Safe to run from many desks at once."""
    with conn.transaction():
        current = schema_version(conn)
        if current == SCHEMA_VERSION:
            # Nothing to do, and a desk's least-privilege role may not run DDL at all.
            return current, current
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS station_schema (version INTEGER NOT NULL)")
        before = schema_version(conn)
        if before > SCHEMA_VERSION:
            raise StationSchemaError(
                f"The station database has schema version {before}, newer than this app's "
                f"{SCHEMA_VERSION}: update the app on this desk."
            )
        for step in MIGRATIONS[before:]:
            conn.execute(step.encode())
        if before == 0:
            conn.execute("INSERT INTO station_schema (version) VALUES (%s)", (SCHEMA_VERSION,))
        else:
            conn.execute("UPDATE station_schema SET version = %s", (SCHEMA_VERSION,))
    return before, SCHEMA_VERSION


@dataclass(frozen=True)
class CheckLine:
    name: str
    ok: bool
    detail: str


def check(conn: psycopg.Connection) -> list[CheckLine]:
    """What ``station-db check`` reports: server, TLS, schema, privileges and LISTEN."""
    lines: list[CheckLine] = []
    info = conn.info
    lines.append(
        CheckLine(
            "server",
            True,
            f"PostgreSQL {info.server_version // 10000}."
            f"{info.server_version % 10000} as {info.user}",
        )
    )
    ssl = conn.pgconn.ssl_in_use
    lines.append(
        CheckLine(
            "tls", True, "encrypted" if ssl else "not encrypted (only acceptable on this machine)"
        )
    )
    version = schema_version(conn)
    lines.append(
        CheckLine(
            "schema",
            version == SCHEMA_VERSION,
            f"version {version} of {SCHEMA_VERSION}"
            + (
                ""
                if version == SCHEMA_VERSION
                else ": run `fulfillment-station station-db migrate URL`"
            ),
        )
    )
    if version:
        missing = []
        for table, privileges in DESK_PRIVILEGES.items():
            for privilege in privileges:
                row = conn.execute(
                    "SELECT has_table_privilege(%s, %s)", (table, privilege)
                ).fetchone()
                if not row or not row[0]:
                    missing.append(f"{privilege} on {table}")
        lines.append(
            CheckLine(
                "privileges",
                not missing,
                "a desk can do its work" if not missing else "missing " + ", ".join(missing),
            )
        )
    with conn.transaction():
        conn.execute(f"LISTEN {CHANNEL}")
        conn.execute(f"UNLISTEN {CHANNEL}")
    lines.append(CheckLine("listen", True, "live changes can be received"))
    return lines
