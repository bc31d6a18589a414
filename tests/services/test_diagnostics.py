"""Logs never hold a token; the diagnostics text and crash reports hold what support needs and
nothing secret."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

import pytest

from fulfillment_station import __version__
from fulfillment_station.services.diagnostics import (
    LOG_FILE,
    LoggingSetup,
    Redactor,
    configure_logging,
    diagnostics_text,
    write_crash_report,
)
from fulfillment_station.store.paths import log_dir
from fulfillment_station.store.secrets import TokenStore
from fulfillment_station.store.settings import ConnectionProfile, Settings
from tests.helpers.keyring import MemoryKeyring

TOKEN = "tok_live+9f8e7d6c5b4a3210/x"  # "+" and "/" change when URL-encoded
PROFILE = ConnectionProfile(
    "shop1", "Main shop", "nexus", "https://api.example.com/shops/s3cretshop/v2?key=abc"
)


@pytest.fixture
def logging_setup(tmp_path: Path) -> Iterator[LoggingSetup]:
    logger = logging.getLogger("tests.diagnostics")
    logger.propagate = False
    setup = configure_logging(tmp_path / "logs", logger=logger, level=logging.DEBUG)
    yield setup
    setup.close()
    logger.propagate = True


def test_log_dir_honours_explicit_then_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FULFILLMENT_STATION_LOG_DIR", str(tmp_path / "env-logs"))
    assert log_dir() == tmp_path / "env-logs"
    assert log_dir(tmp_path / "mine") == tmp_path / "mine"
    assert log_dir(env={}, create=False).name  # the platform's user log dir otherwise


def test_a_token_read_from_the_keyring_never_reaches_the_log_file(
    logging_setup: LoggingSetup,
) -> None:
    keyring_backend = MemoryKeyring()
    TokenStore(keyring_backend).set("shop1", TOKEN)  # saved earlier, without a redactor
    tokens = TokenStore(keyring_backend, on_secret=logging_setup.redactor.add)
    token = tokens.get("shop1")
    assert token == TOKEN

    log = logging_setup.logger
    log.info(f"sending Authorization: Bearer {token}")
    log.warning("token is %s, headers %r", token, {"Authorization": f"Bearer {token}"})
    log.info("url %s", f"https://x.example/?token={quote(token, safe='')}")
    try:
        raise RuntimeError(f"server echoed {token}")
    except RuntimeError:
        log.exception("request failed for %s", token)
    log.error("with stack %s", token, stack_info=True)
    for handler in logging_setup.handlers:
        handler.flush()

    text = logging_setup.log_file.read_text(encoding="utf-8")
    assert logging_setup.log_file.name == LOG_FILE
    lines = text.splitlines()
    assert len(lines) > 6  # the messages, the traceback and the stack are there
    assert [line for line in lines if "9f8e7d6c5b4a3210" in line] == []
    assert "Bearer ***" in text
    assert "RuntimeError: server echoed ***" in text
    assert "token=***" in text
    assert all(TOKEN not in line for line in logging_setup.recent.lines())
    assert any("request failed for ***" in line for line in logging_setup.recent.lines())


def test_short_strings_are_not_treated_as_secrets() -> None:
    redactor = Redactor()
    redactor.add("ab")
    redactor.add("")
    redactor.add(None)
    assert redactor.redact("ab cd") == "ab cd"


def test_diagnostics_text_has_versions_and_host_but_no_secrets() -> None:
    redactor = Redactor()
    redactor.add(TOKEN)
    settings = (
        Settings.defaults()
        .replace({"station.packer_name": "Ana Packer", "station.return_line1": "1 Secret Lane"})
        .with_profile(PROFILE)
    )
    text = diagnostics_text(
        settings,
        settings.active_profile(),
        [f"ERROR sync: refused token {TOKEN}"],
        redactor=redactor,
    )
    assert f"Fulfillment Station {__version__}" in text
    assert f"Python {sys.version_info.major}.{sys.version_info.minor}" in text
    assert "Qt " in text and "httpx " in text and "Platform " in text
    assert "nexus at https://api.example.com" in text
    assert "refused token ***" in text
    for secret in (TOKEN, "s3cretshop", "key=abc", "Ana Packer", "Secret Lane"):
        assert secret not in text


def test_diagnostics_text_in_training_mode() -> None:
    text = diagnostics_text(Settings.defaults(), None, [])
    assert "training mode" in text
    assert "Recent errors: none" in text


def test_crash_report_is_written_redacted_and_never_overwritten(tmp_path: Path) -> None:
    redactor = Redactor()
    redactor.add(TOKEN)
    try:
        raise ValueError(f"boom with {TOKEN}")
    except ValueError:
        exc_info = sys.exc_info()
    when = datetime(2026, 11, 23, 9, 30, tzinfo=UTC)
    first = write_crash_report(
        exc_info,
        tmp_path / "crashes",
        diagnostics="diag here",  # type: ignore[arg-type]
        redactor=redactor,
        now=when,
    )
    second = write_crash_report(exc_info, tmp_path / "crashes", now=when)  # type: ignore[arg-type]
    assert first != second
    text = first.read_text(encoding="utf-8")
    assert "ValueError: boom with ***" in text
    assert "diag here" in text
    assert TOKEN not in text
    assert TOKEN in second.read_text(encoding="utf-8")  # no redactor given: nothing hidden


def test_handlers_already_there_are_redacted_too(tmp_path: Path) -> None:
    logger = logging.getLogger("tests.diagnostics.console")
    logger.propagate = False
    console_file = tmp_path / "console.log"
    console = logging.FileHandler(console_file, encoding="utf-8")
    logger.addHandler(console)
    setup = configure_logging(tmp_path / "logs", logger=logger)
    try:
        setup.redactor.add(TOKEN)
        logger.warning("token %s", TOKEN)
    finally:
        setup.close()
        logger.removeHandler(console)
        console.close()
        logger.propagate = True
    assert console_file.read_text(encoding="utf-8") == "token ***\n"
    assert console.filters == []  # close() took the redactor off again
