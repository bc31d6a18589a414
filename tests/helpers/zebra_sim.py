"""A Zebra-type label printer on a loopback TCP port: it answers ``~HS`` with the three
host-status strings in the ZPL II Programming Guide's format, and keeps every other
connection's bytes as a printed job. The test sets ``paper_out``, ``head_open``, ``paused`` or
``ribbon_out`` at any time, or ``mute`` for a ZPL printer that ignores ~HS.
"""

from __future__ import annotations

import contextlib
import socket
import threading


class ZebraSimulator:
    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port: int = self.sock.getsockname()[1]
        self.paper_out = False
        self.head_open = False
        self.paused = False
        self.ribbon_out = False
        self.thermal_transfer = True
        self.mute = False
        self.jobs: list[bytes] = []
        self.status_queries = 0
        self._printed = threading.Condition()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> ZebraSimulator:
        self.sock.settimeout(10)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(OSError):
            self.sock.shutdown(socket.SHUT_RDWR)
        self.sock.close()
        self._thread.join(timeout=5)

    def host_status(self) -> bytes:
        def flag(value: bool) -> str:
            return "1" if value else "0"

        one = f"030,{flag(self.paper_out)},{flag(self.paused)},1218,000,0,0,0,000,0,0,0"
        two = (
            f"001,0,{flag(self.head_open)},{flag(self.ribbon_out)},"
            f"{flag(self.thermal_transfer)},2,6,0,00000000,1,000"
        )
        three = "1234,0"
        return b"".join(b"\x02" + s.encode() + b"\x03\r\n" for s in (one, two, three))

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                data = b""
                with contextlib.suppress(OSError):
                    while chunk := conn.recv(65536):
                        data += chunk
                        if data == b"~HS":
                            self.status_queries += 1
                            if not self.mute:
                                conn.sendall(self.host_status())
            if data and data != b"~HS":
                with self._printed:
                    self.jobs.append(data)
                    self._printed.notify_all()

    def wait_for_jobs(self, count: int, timeout: float = 5.0) -> bool:
        with self._printed:
            return self._printed.wait_for(lambda: len(self.jobs) >= count, timeout)
