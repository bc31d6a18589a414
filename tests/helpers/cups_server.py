"""A private CUPS scheduler for tests: the Debian ``cupsd`` binary with its own configuration,
spool and logs in a temporary folder, listening on a free loopback port (never the system's
CUPS, never a socket outside the folder). Clients reach it through ``CUPS_SERVER``.

``add_socket_queue`` makes a raw queue to a printer simulator on a loopback port, so a test
sees exactly what CUPS delivered; ``add_pdf_queue`` makes a cups-pdf virtual PDF printer
(printer-driver-cups-pdf) when that driver is installed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

CUPSD = shutil.which("cupsd") or "/usr/sbin/cupsd"
SERVER_BIN = Path("/usr/lib/cups")
DATA_DIR = Path("/usr/share/cups")
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPS_PDF_ANONYMOUS = Path("/var/spool/cups-pdf/ANONYMOUS")

CUPSD_CONF = """\
Listen 127.0.0.1:{port}
LogLevel debug
MaxLogSize 0
Browsing No
WebInterface No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow from 127.0.0.1
</Location>
<Location /admin>
  Order allow,deny
  Allow from 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""

CUPS_FILES_CONF = """\
ServerRoot {root}/etc
RequestRoot {root}/spool
StateDir {root}/run
CacheDir {root}/cache
TempDir {root}/tmp
ErrorLog {root}/log/error_log
AccessLog {root}/log/access_log
PageLog {root}/log/page_log
Printcap {root}/run/printcap
ServerBin {server_bin}
DataDir {data_dir}
Sandboxing Relaxed
{user}
"""


def cupsd_missing() -> str | None:
    """Why no private cupsd can run here, or ``None`` when one can."""
    if not Path(CUPSD).exists():
        return "cupsd is not installed (Debian package cups-daemon)"
    for tool in ("lp", "lpstat", "lpadmin", "cupsenable", "cupsaccept"):
        if shutil.which(tool) is None and not Path(f"/usr/sbin/{tool}").exists():
            return f"{tool} is not installed (Debian packages cups-client, cups-bsd)"
    return None


def cups_pdf_missing() -> str | None:
    """Why no cups-pdf virtual printer can run here, or ``None``."""
    if not CUPS_PDF_PPD.exists() or not (SERVER_BIN / "backend" / "cups-pdf").exists():
        return "cups-pdf is not installed (Debian package printer-driver-cups-pdf)"
    if os.getuid() != 0:
        # Its backend is mode 0700 root: only a cupsd started as root can run it.
        return "the cups-pdf backend runs only under a cupsd started as root"
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class PrivateCups:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.port = _free_port()
        self.server = f"127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None
        for name in ("etc", "etc/ppd", "spool", "spool/tmp", "run", "cache", "tmp", "log", "out"):
            (root / name).mkdir(parents=True, exist_ok=True)
        # As root, cupsd runs filters as lp: they must reach the spool and the output folder.
        user = "User lp\nGroup lp" if os.getuid() == 0 else ""
        (root / "etc" / "cupsd.conf").write_text(CUPSD_CONF.format(port=self.port))
        (root / "etc" / "cups-files.conf").write_text(
            CUPS_FILES_CONF.format(root=root, server_bin=SERVER_BIN, data_dir=DATA_DIR, user=user)
        )
        if os.getuid() == 0:
            for path in [root, *root.rglob("*")]:
                os.chmod(path, 0o755 if path.is_dir() else 0o644)
            # Filters running as lp write their temporary files here and the file device here.
            for shared in ("out", "tmp"):
                os.chmod(root / shared, 0o1777)

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": self.server, "LC_ALL": "C"}

    def start(self, timeout: float = 15.0) -> PrivateCups:
        self.process = subprocess.Popen(
            [
                CUPSD,
                "-f",
                "-c",
                str(self.root / "etc" / "cupsd.conf"),
                "-s",
                str(self.root / "etc" / "cups-files.conf"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"cupsd stopped at once: {self.why()}")
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2),
            ):
                return self
            time.sleep(0.05)
        raise RuntimeError(f"cupsd did not listen within {timeout:g} s: {self.why()}")

    def why(self) -> str:
        stderr = b""
        if (
            self.process is not None
            and self.process.poll() is not None
            and self.process.stderr
            and not self.process.stderr.closed
        ):
            stderr = self.process.stderr.read() or b""
        log = self.root / "log" / "error_log"
        tail = log.read_text(errors="replace").splitlines()[-15:] if log.exists() else []
        return (stderr.decode(errors="replace") + "\n".join(tail)).strip()

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            command, env=self.env, capture_output=True, text=True, timeout=30, check=False
        )

    def add_socket_queue(self, name: str, port: int) -> None:
        """A raw queue to a printer on a loopback TCP port (CUPS's socket backend, as a Zebra
        on port 9100 is set up in CUPS): the bytes reach that port unchanged."""
        result = self.run(
            "lpadmin", "-p", name, "-v", f"socket://127.0.0.1:{port}", "-m", "raw", "-E"
        )
        if result.returncode != 0:
            raise RuntimeError(f"lpadmin failed: {result.stderr.strip()}")

    def add_pdf_queue(self, name: str) -> None:
        """A cups-pdf queue: what it prints becomes a PDF in cups-pdf's output folder (for a
        job whose user has no account: /var/spool/cups-pdf/ANONYMOUS)."""
        result = self.run("lpadmin", "-p", name, "-v", "cups-pdf:/", "-P", str(CUPS_PDF_PPD), "-E")
        if result.returncode != 0:
            raise RuntimeError(f"lpadmin failed: {result.stderr.strip()}")

    def stop_queue(self, name: str) -> None:
        result = self.run("cupsdisable", name)
        if result.returncode != 0:
            raise RuntimeError(f"cupsdisable failed: {result.stderr.strip()}")

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process is not None and self.process.stderr:
            self.process.stderr.close()
