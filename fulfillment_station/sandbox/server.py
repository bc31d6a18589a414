"""Runs a dialect's sandbox with uvicorn, in-process on a background thread (training mode,
tests) or in the foreground (``fulfillment-station sandbox``)."""

from __future__ import annotations

import logging
import secrets
import socket
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path
from types import TracebackType

import uvicorn

from fulfillment_station.sandbox.app import create_app
from fulfillment_station.sandbox.data import generate_records_parallel
from fulfillment_station.sandbox.db import SandboxDB
from fulfillment_station.sandbox.dialects import DIALECTS
from fulfillment_station.sandbox.dialects.base import Faults, SandboxContext

log = logging.getLogger(__name__)


class SandboxServer:
    """One dialect's training API on a loopback port, backed by a SQLite file.

    The database is seeded with ``orders`` generated orders the first time; restarting on the
    same ``db_path`` keeps every write. ``port=0`` picks a free port.
    """

    def __init__(
        self,
        dialect: str,
        *,
        db_path: str | Path | None = None,
        token: str | None = None,
        orders: int = 300,
        seed: int = 1,
        host: str = "127.0.0.1",
        port: int = 0,
        faults: Faults | None = None,
        now: datetime | None = None,
    ) -> None:
        if dialect not in DIALECTS:
            raise ValueError(f"unknown dialect {dialect!r}; choose one of {', '.join(DIALECTS)}")
        self.spec = DIALECTS[dialect]
        self.dialect = dialect
        if db_path is None:
            self._tmpdir: tempfile.TemporaryDirectory[str] | None = tempfile.TemporaryDirectory(
                prefix="fs-sandbox-"
            )
            db_path = Path(self._tmpdir.name) / f"{dialect}.sqlite"
        else:
            self._tmpdir = None
        self.db_path = Path(db_path)
        self.token = token or f"sandbox-{secrets.token_urlsafe(12)}"
        self.host = host
        self.port = port
        self.faults = faults or Faults()
        self.db = SandboxDB(self.db_path)
        if not self.db.is_seeded():
            self.db.seed(generate_records_parallel(dialect, orders, seed, now))
        self.ctx = SandboxContext(
            dialect=dialect, db=self.db, token=self.token, faults=self.faults, seed=seed
        )
        self.app = create_app(self.spec, self.ctx)
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def auth_headers(self) -> dict[str, str]:
        """The Bearer header the API and the ``/_sandbox/`` journal and faults want."""
        return {"Authorization": f"Bearer {self.token}"}

    @property
    def root_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """What a connector is configured with: the server root plus the API's prefix."""
        return self.root_url + self.spec.base_path

    def bind(self) -> None:
        """Take the listening port now (``port=0`` resolves to a free one)."""
        if self._socket is None:
            # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on accepted sockets when
            # the listening socket says so, and without it every answer waits ~40 ms (Nagle).
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                sock.bind((self.host, self.port))
            except OSError:
                sock.close()
                raise
            self.port = sock.getsockname()[1]
            self._socket = sock

    def _config(self) -> uvicorn.Config:
        return uvicorn.Config(
            self.app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            timeout_graceful_shutdown=2,
        )

    def start(self) -> str:
        """Start on a background thread; returns the base URL once it accepts connections."""
        self.bind()
        # uvicorn (>= 0.29) installs no signal handlers off the main thread.
        self._server = uvicorn.Server(self._config())
        self._thread = threading.Thread(
            target=self._server.run,
            kwargs={"sockets": [self._socket]},
            name=f"sandbox-{self.dialect}",
            daemon=True,
        )
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the {self.dialect} sandbox did not start")
            time.sleep(0.01)
        return self.base_url

    def serve_forever(self) -> None:
        """Run in the foreground until Ctrl-C."""
        self.bind()
        self._server = uvicorn.Server(self._config())
        assert self._socket is not None  # bind() made it
        self._server.run(sockets=[self._socket])

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        if self._socket is not None:
            self._socket.close()
        self._server = self._thread = self._socket = None

    def close(self) -> None:
        self.stop()
        self.db.close()
        if self._tmpdir is not None:
            self._tmpdir.cleanup()

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
