"""A real, throwaway PostgreSQL server for the station database's tests and benchmark: initdb
and ``postgres`` from the Debian ``postgresql`` binaries, on a random 127.0.0.1 port, its data
in a temporary directory removed on close. Run as root, the server runs as the ``postgres``
user (PostgreSQL refuses root). ``stop()``/``start()`` keep the data and the port, for the
outage tests. No mock: if the binaries are missing, ``.ci/run`` installs them."""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def _bindir() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3])
    )
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise RuntimeError("PostgreSQL server binaries are missing: apt-get install postgresql")


def free_port() -> int:
    """A loopback port nothing listens on (as the operating system hands it out now)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ThrowawayPostgres:
    """``with ThrowawayPostgres() as pg: psycopg.connect(pg.url)``."""

    def __init__(self, *, max_connections: int = 100, tls: bool = False) -> None:
        self.bindir = _bindir()
        #: The superuser ``station``'s password (also in :attr:`url`).
        self.password = secrets.token_hex(8)
        self.port = free_port()
        self.root = Path(tempfile.mkdtemp(prefix="fs-station-pg-"))
        self.data = self.root / "data"
        self._as_user: list[str] = []
        self._owner: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            self._owner = pwd.getpwnam("postgres")
            os.chown(self.root, self._owner.pw_uid, self._owner.pw_gid)
            self._as_user = ["runuser", "-u", "postgres", "--"]
        # TCP logins need a password (SCRAM), as on a real server, so the keyring path is
        # exercised for real; the unix socket in the private directory is for pg_ctl only.
        pwfile = self.root / "pw"
        pwfile.write_text(self.password, encoding="utf-8")
        if self._owner is not None:
            os.chown(pwfile, self._owner.pw_uid, self._owner.pw_gid)
        self._run(
            [
                str(self.bindir / "initdb"),
                "-D",
                str(self.data),
                "-U",
                "station",
                "--auth-local=trust",
                "--auth-host=scram-sha-256",
                f"--pwfile={pwfile}",
                "-E",
                "UTF8",
                "--no-sync",
                "--locale=C",
            ]
        )
        pwfile.unlink()
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                f"listen_addresses = '127.0.0.1'\nport = {self.port}\n"
                f"unix_socket_directories = '{self.root}'\n"
                f"max_connections = {max_connections}\n"
                # Fast and still crash-safe for a killed server (the machine keeps
                # running): a commit is written before it is acknowledged, only the
                # fsync is skipped. No synchronous_commit = off, which loses the last
                # acknowledged commits when the server is stopped with -m immediate.
                "fsync = off\nfull_page_writes = off\n"
            )
        #: The CA that signed the server's certificate (``tls=True``), for ``sslrootcert``.
        self.ca_file: Path | None = None
        if tls:
            self._make_certificates()
        self.start()

    def _make_certificates(self) -> None:
        """A throwaway CA and a server certificate for 127.0.0.1 (openssl, from Debian)."""
        certs = self.root / "certs"
        certs.mkdir()
        ext = certs / "san.ext"
        ext.write_text("subjectAltName=IP:127.0.0.1\n", encoding="utf-8")

        def openssl(*argv: str) -> None:
            subprocess.run(
                ["openssl", *argv], check=True, capture_output=True, timeout=60, cwd=certs
            )

        openssl(
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-days",
            "2",
            "-subj",
            "/CN=Throwaway station CA",
        )
        openssl(
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "server.key",
            "-out",
            "server.csr",
            "-subj",
            "/CN=127.0.0.1",
        )
        openssl(
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "server.crt",
            "-days",
            "2",
            "-extfile",
            "san.ext",
        )
        key = certs / "server.key"
        key.chmod(0o600)
        if self._owner is not None:
            for path in (certs, key, certs / "server.crt"):
                os.chown(path, self._owner.pw_uid, self._owner.pw_gid)
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write(
                f"ssl = on\nssl_cert_file = '{certs / 'server.crt'}'\nssl_key_file = '{key}'\n"
            )
        self.ca_file = certs / "ca.pem"

    @property
    def url(self) -> str:
        return (
            f"postgresql://station:{self.password}@127.0.0.1:{self.port}/postgres?sslmode=disable"
        )

    def _run(self, argv: list[str]) -> None:
        subprocess.run(
            [*self._as_user, *argv], check=True, capture_output=True, timeout=60, cwd=self.root
        )

    def start(self) -> None:
        self._run(
            [
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-l",
                str(self.root / "log"),
                "-w",
                "-t",
                "30",
                "start",
            ]
        )

    def stop(self) -> None:
        self._run(
            [
                str(self.bindir / "pg_ctl"),
                "-D",
                str(self.data),
                "-m",
                "immediate",
                "-w",
                "-t",
                "30",
                "stop",
            ]
        )

    def close(self) -> None:
        try:
            if (self.data / "postmaster.pid").exists():
                self.stop()
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> ThrowawayPostgres:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
