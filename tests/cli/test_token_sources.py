"""The command line takes the token from a file, stdin or the environment, so it never has to
be on the command line where ``ps`` shows it; ``--token`` still works and says its risk."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from fulfillment_station.sandbox.server import SandboxServer

pytestmark = [pytest.mark.e2e, pytest.mark.integration]
CLI = [sys.executable, "-m", "fulfillment_station.cli.main"]


def check(
    server: SandboxServer,
    *token_args: str,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *CLI,
            "check",
            "--dialect",
            server.dialect,
            "--base-url",
            server.base_url,
            *token_args,
            "--json",
        ],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_every_token_source_authenticates(
    shared_sandbox: Callable[[str], SandboxServer], tmp_path: Path
) -> None:
    server = shared_sandbox("nexus")
    token_file = tmp_path / "token"
    token_file.write_text(f"\ufeff{server.token}\n")  # a BOM from an editor is no part of it
    for done in (
        check(server, "--token-file", str(token_file)),
        check(server, "--token-stdin", stdin=server.token + "\n"),
        check(server, env={"FULFILLMENT_STATION_TOKEN": server.token}),
        check(server, "--token", server.token),
    ):
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["authenticated"]


def test_a_bad_token_source_is_one_line_not_a_traceback(
    shared_sandbox: Callable[[str], SandboxServer], tmp_path: Path
) -> None:
    server = shared_sandbox("nexus")
    empty = tmp_path / "empty"
    empty.write_text("\n")
    binary = tmp_path / "binary"
    binary.write_bytes(b"abc\x1b[2Jdef\n")
    for args, stdin, said in (
        (["--token-file", str(tmp_path / "missing")], None, "cannot be read"),
        (["--token-file", str(empty)], None, "No token was found"),
        (["--token-file", str(binary)], None, "is not an API token"),
        (["--token-stdin"], "", "No token was found on standard input"),
    ):
        done = check(server, *args, stdin=stdin)
        assert done.returncode == 2
        assert said in done.stderr and "Traceback" not in done.stderr
        assert len(done.stderr.strip().splitlines()) == 1


def test_help_warns_about_a_token_on_the_command_line() -> None:
    shown = subprocess.run(
        [*CLI, "check", "--help"], capture_output=True, text=True, timeout=60
    ).stdout
    assert "--token-file" in shown and "--token-stdin" in shown
    assert "ps" in shown and "Unsafe" in shown
