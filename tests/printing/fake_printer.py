"""A fake raw-TCP (port 9100) printer on loopback for tests."""

from __future__ import annotations

import contextlib
import socket
import threading

# A ready printer's answer to ~HS (ZPL II Programming Guide, Host Status Return): the print
# service asks before it sends a ZPL label. tests/helpers/zebra_sim.py has the printer with
# paper-out and head-open states.
READY_HOST_STATUS = (
    b"\x02030,0,0,1218,000,0,0,0,000,0,0,0\x03\r\n"
    b"\x02001,0,0,0,1,2,6,0,00000000,1,000\x03\r\n"
    b"\x021234,0\x03\r\n"
)


class FakeRawPrinter:
    """Accepts connections on ``sock`` in a thread and keeps each job's bytes (a connection
    that only asks ``~HS`` is answered "ready" and is no job).

    Pass a socket that is bound but not yet listening to simulate a printer that is off
    (connections are refused) and call ``start`` to switch it on.
    """

    def __init__(self, sock: socket.socket | None = None) -> None:
        self.sock = sock or socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.jobs: list[bytes] = []
        self._thread: threading.Thread | None = None
        self._received = threading.Semaphore(0)

    @classmethod
    def switched_off(cls) -> FakeRawPrinter:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.bind(("127.0.0.1", 0))
        return cls(sock)

    def start(self) -> FakeRawPrinter:
        self.sock.listen()  # a no-op for a socket that already listens
        self.sock.settimeout(10)
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()
        return self

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
                    if b"".join(chunks) == b"~HS":
                        conn.sendall(READY_HOST_STATUS)
            if b"".join(chunks) == b"~HS":
                continue
            self.jobs.append(b"".join(chunks))
            self._received.release()

    def wait_for_job(self, timeout: float = 5.0) -> bool:
        return self._received.acquire(timeout=timeout)

    def close(self) -> None:
        # shutdown wakes a thread blocked in accept(); close alone would leave it waiting.
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        if self._thread is not None:
            self._thread.join(timeout=5)
