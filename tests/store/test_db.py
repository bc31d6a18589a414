"""The shared SQLite helpers: connection settings, transactions and the migrations runner."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fulfillment_station.store.db import (
    StoreError,
    connect,
    migrate,
    schema_version,
    split_statements,
    transaction,
)

WIDGETS = [
    "CREATE TABLE widget (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
    "ALTER TABLE widget ADD COLUMN colour TEXT; INSERT INTO widget (name) VALUES ('seed');",
]


def test_connect_sets_wal_foreign_keys_and_busy_timeout(tmp_path: Path) -> None:
    conn = connect(tmp_path / "sub" / "a.sqlite3")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    conn.close()


def test_migrate_empty_file_then_reopen_applies_each_step_once(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    conn = connect(path)
    assert schema_version(conn, "widgets") == 0
    assert migrate(conn, "widgets", WIDGETS) == 2
    conn.close()

    conn = connect(path)
    assert migrate(conn, "widgets", WIDGETS) == 2
    assert schema_version(conn, "widgets") == 2
    # the seed row of step 2 was inserted once, not on every open
    assert conn.execute("SELECT name, colour FROM widget").fetchall() == [("seed", None)]
    conn.close()


def test_new_steps_are_applied_to_an_older_file(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.sqlite3")
    migrate(conn, "widgets", WIDGETS[:1])
    assert migrate(conn, "widgets", WIDGETS) == 2
    assert [r[1] for r in conn.execute("PRAGMA table_info(widget)")] == ["id", "name", "colour"]


def test_components_share_a_file_with_their_own_versions(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.sqlite3")
    migrate(conn, "widgets", WIDGETS)
    migrate(conn, "gadgets", ["CREATE TABLE gadget (id INTEGER PRIMARY KEY);"])
    assert schema_version(conn, "widgets") == 2
    assert schema_version(conn, "gadgets") == 1
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 3


def test_callable_step_runs_inside_the_migration(tmp_path: Path) -> None:
    def step(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE made_by_code (x)")

    conn = connect(tmp_path / "a.sqlite3")
    migrate(conn, "code", [step])
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'made_by_code'").fetchone()


def test_failed_step_leaves_file_at_previous_version(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.sqlite3")
    broken = [WIDGETS[0], "CREATE TABLE half (x); INSERT INTO no_such_table VALUES (1);"]
    with pytest.raises(sqlite3.OperationalError):
        migrate(conn, "widgets", broken)
    assert schema_version(conn, "widgets") == 1
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'half'").fetchone() is None


def test_file_from_a_newer_app_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.sqlite3")
    migrate(conn, "widgets", WIDGETS)
    with pytest.raises(StoreError, match="newer version"):
        migrate(conn, "widgets", WIDGETS[:1])


def test_unreadable_file_gives_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError, match="cannot be opened"):
        connect(path)


def test_transaction_commits_or_rolls_back_the_whole_block(tmp_path: Path) -> None:
    conn = connect(tmp_path / "a.sqlite3")
    migrate(conn, "widgets", WIDGETS[:1])
    with transaction(conn):
        conn.execute("INSERT INTO widget (name) VALUES ('kept')")
    with pytest.raises(RuntimeError), transaction(conn):
        conn.execute("INSERT INTO widget (name) VALUES ('lost')")
        raise RuntimeError("sync failed half-way")
    assert [r[0] for r in conn.execute("SELECT name FROM widget")] == ["kept"]


def test_split_statements_keeps_triggers_whole() -> None:
    script = """
    CREATE TABLE t (x);
    CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN
        UPDATE t SET x = x + 1; SELECT 1;
    END;
    """
    statements = split_statements(script)
    assert len(statements) == 2
    assert statements[1].startswith("CREATE TRIGGER") and statements[1].endswith("END;")


def test_split_statements_rejects_an_unfinished_statement() -> None:
    with pytest.raises(ValueError, match="incomplete"):
        split_statements("CREATE TABLE t (x);\nCREATE TABLE u (")
