"""A lying Orders API on loopback: a real HTTP server on 127.0.0.1 that stands in front of a
real sandbox (``upstream``) and, for the requests a test names, lies the way a proxy, a moved
API or a broken store does: bare or body-carrying redirects, an HTML "200 Sign in" page, a 502
page, huge or endless answers, a gzip bomb, one byte a second, repeated pages, rewritten JSON
(lone surrogates, controls, absurd numbers). Everything else is passed to the sandbox as is.

It speaks HTTP/1.1 over plain sockets itself (no framework), so it can send what no framework
would. Every loop is bounded (``MAX_LIE_SECONDS``), so a test that forgets it still ends.
"""

from __future__ import annotations

import json
import re
import socket
import socketserver
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit

import httpx

#: No lie lasts longer than this, whatever the client does.
MAX_LIE_SECONDS = 30.0


@dataclass
class Seen:
    """One request as it reached the hostile server."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class Reply:
    """An answer to send: status, headers, and a body given whole or as chunks (an iterator
    is sent as it comes, chunked unless ``length`` is set); ``pause`` seconds between chunks."""

    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | Iterator[bytes] = b""
    length: int | None = None
    pause: float = 0.0
    reason: str = "Lie"


#: (request, forward) -> reply; ``forward()`` passes the request to the sandbox (applying a
#: write) and returns its answer, so a lie can come after the effect, or instead of it.
Lie = Callable[[Seen, Callable[[], httpx.Response]], Reply]


def relay(answer: httpx.Response) -> Reply:
    headers = {
        k: v
        for k, v in answer.headers.items()
        if k.lower()
        not in ("content-length", "transfer-encoding", "connection", "content-encoding")
    }
    return Reply(answer.status_code, headers, answer.content, reason=answer.reason_phrase)


# -- the lies ---------------------------------------------------------------------------------


def redirect(status: int, location: str, *, apply: bool = False, body: bytes = b"") -> Lie:
    """A 3xx to ``location`` (after applying the request upstream when ``apply``)."""

    def lie(_: Seen, forward: Callable[[], httpx.Response]) -> Reply:
        if apply:
            forward()
        headers = {"Location": location}
        if body:
            headers["Content-Type"] = "application/json"
        return Reply(status, headers, body)

    return lie


def redirect_with_upstream_body(status: int, location: str) -> Lie:
    """The write is applied upstream and its real JSON answer comes back under a 3xx."""

    def lie(_: Seen, forward: Callable[[], httpx.Response]) -> Reply:
        answer = forward()
        return Reply(
            status, {"Location": location, "Content-Type": "application/json"}, answer.content
        )

    return lie


SIGN_IN_PAGE = (
    b"<!DOCTYPE html><html><head><title>Sign in</title></head><body>"
    b"<h1>Sign in</h1><form><input name=user></form></body></html>"
)
BAD_GATEWAY_PAGE = (
    b"<html><head><title>502 Bad Gateway</title></head><body><center>"
    b"<h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body>"
    b"</html>" + b"<!-- padding -->" * 200
)


def html(status: int, page: bytes = SIGN_IN_PAGE, *, apply: bool = False) -> Lie:
    def lie(_: Seen, forward: Callable[[], httpx.Response]) -> Reply:
        if apply:
            forward()
        return Reply(status, {"Content-Type": "text/html; charset=utf-8"}, page)

    return lie


def huge(megabytes: int) -> Lie:
    """A JSON-looking answer of ``megabytes`` MB, announced with its Content-Length."""
    size = megabytes * 2**20

    def chunks() -> Iterator[bytes]:
        block = b" " * 2**16
        yield b'{"data": ['
        sent = 10
        while sent + len(block) < size - 2:
            yield block
            sent += len(block)
        yield b" " * (size - 2 - sent) + b"]}"

    return lambda _s, _f: Reply(200, {"Content-Type": "application/json"}, chunks(), length=size)


def gzip_bomb(megabytes_inflated: int) -> Lie:
    """A small gzip body that inflates to ``megabytes_inflated`` MB of JSON-ish spaces."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)  # gzip framing
    block = b" " * 2**20
    packed = packer.compress(b"[") + b"".join(
        packer.compress(block) for _ in range(megabytes_inflated)
    )
    packed += packer.compress(b"]") + packer.flush()
    return lambda _s, _f: Reply(
        200, {"Content-Type": "application/json", "Content-Encoding": "gzip"}, packed
    )


def endless() -> Lie:
    """A chunked answer that never ends (until MAX_LIE_SECONDS or the client leaves)."""

    def chunks() -> Iterator[bytes]:
        yield b'{"data": ["'
        block = b"x" * 2**16
        while True:
            yield block

    return lambda _s, _f: Reply(200, {"Content-Type": "application/json"}, chunks())


def trickle(*, apply: bool = False, per_second: int = 1, body: bytes = b'{"data": []}') -> Lie:
    """The real answer (applied upstream first when ``apply``; else ``body``), one byte at a
    time."""
    fallback = body

    def lie(_: Seen, forward: Callable[[], httpx.Response]) -> Reply:
        answer = forward() if apply else None
        body = answer.content if answer is not None else fallback

        def chunks() -> Iterator[bytes]:
            for i in range(len(body)):
                yield body[i : i + 1]

        return Reply(
            200,
            {"Content-Type": "application/json"},
            chunks(),
            length=len(body),
            pause=1.0 / per_second,
        )

    return lie


def rewrite(change: Callable[[Any, Seen], Any], *, drop_query: tuple[str, ...] = ()) -> Lie:
    """The sandbox's real answer, its JSON changed by ``change`` (and the request's paging
    parameters in ``drop_query`` removed first: a store that ignores them)."""

    def lie(seen: Seen, forward: Callable[[], httpx.Response]) -> Reply:
        answer = forward()  # the server leaves out ``drop_query`` (see _answer)
        data = change(answer.json(), seen)
        # ensure_ascii: a lone surrogate goes out as the escape "\\ud83d", valid JSON.
        return Reply(
            answer.status_code, {"Content-Type": "application/json"}, json.dumps(data).encode()
        )

    lie.drop_query = drop_query  # type: ignore[attr-defined]
    return lie


# -- the server -------------------------------------------------------------------------------


class HostileServer:
    """``lies``: (method, path regex) -> Lie, tried in order; the rest goes upstream."""

    def __init__(self, upstream: str | None = None) -> None:
        self.upstream = upstream.rstrip("/") if upstream else None
        self.lies: list[tuple[str, re.Pattern[str], Lie]] = []
        self.seen: list[Seen] = []
        self.connections = 0
        self._lock = threading.Lock()
        self._client = httpx.Client(timeout=30.0)
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                with outer._lock:
                    outer.connections += 1
                outer._serve(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def lie(self, method: str, path_pattern: str, lie: Lie) -> None:
        self.lies.append((method.upper(), re.compile(path_pattern), lie))

    def requests_to(self, pattern: str, method: str | None = None) -> list[Seen]:
        return [
            s
            for s in self.seen
            if re.search(pattern, s.path) and (method is None or s.method == method)
        ]

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._client.close()

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    # -- one connection ---------------------------------------------------------------------

    def _serve(self, sock: socket.socket) -> None:
        sock.settimeout(MAX_LIE_SECONDS)
        reader = sock.makefile("rb")
        try:
            while True:  # keep-alive: several requests per connection
                seen = self._read_request(reader)
                if seen is None:
                    return
                with self._lock:
                    self.seen.append(seen)
                reply = self._answer(seen)
                if not self._write(sock, reply):
                    return
        except (OSError, ValueError):
            return
        finally:
            reader.close()

    @staticmethod
    def _read_request(reader: Any) -> Seen | None:
        line = reader.readline(65536)
        if not line or not line.strip():
            return None
        try:
            method, target, _ = line.decode("latin-1").split(" ", 2)
        except ValueError:
            return None  # not HTTP (a TLS hello, for one)
        headers: dict[str, str] = {}
        while True:
            header = reader.readline(65536)
            if header in (b"\r\n", b"\n", b""):
                break
            name, _, value = header.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0") or 0)
        body = reader.read(length) if length else b""
        parts = urlsplit(target)
        return Seen(method.upper(), parts.path, dict(parse_qsl(parts.query)), headers, body)

    def _forward(self, seen: Seen, query: dict[str, str] | None = None) -> httpx.Response:
        if self.upstream is None:
            return httpx.Response(
                404, json={"error": {"code": "NOT_FOUND", "message": "no upstream"}}
            )
        headers = {
            k: v
            for k, v in seen.headers.items()
            if k in ("authorization", "content-type", "accept", "idempotency-key", "user-agent")
        }
        params = seen.query if query is None else query
        url = self.upstream + seen.path + (f"?{urlencode(params)}" if params else "")
        return self._client.request(seen.method, url, headers=headers, content=seen.body)

    def _answer(self, seen: Seen) -> Reply:
        for method, pattern, lie in self.lies:
            if method in (seen.method, "*") and pattern.search(seen.path):
                drop = getattr(lie, "drop_query", ())
                query = {k: v for k, v in seen.query.items() if k not in drop}
                return lie(seen, lambda q=query: self._forward(seen, q))  # type: ignore[misc]
        return relay(self._forward(seen))

    @staticmethod
    def _write(sock: socket.socket, reply: Reply) -> bool:
        """Send ``reply``; False when the connection must close after it."""
        deadline = time.monotonic() + MAX_LIE_SECONDS
        headers = dict(reply.headers)
        whole = isinstance(reply.body, bytes)
        if whole:
            headers["Content-Length"] = str(len(reply.body))  # type: ignore[arg-type]
        elif reply.length is not None:
            headers["Content-Length"] = str(reply.length)
        else:
            headers["Transfer-Encoding"] = "chunked"
        head = (
            f"HTTP/1.1 {reply.status} {reply.reason}\r\n"
            + "".join(f"{k}: {v}\r\n" for k, v in headers.items())
            + "\r\n"
        )
        try:
            if whole and not reply.pause:
                sock.sendall(head.encode("latin-1") + reply.body)  # type: ignore[operator]
                return True
            sock.sendall(head.encode("latin-1"))
            chunks = iter([reply.body]) if whole else reply.body
            chunked = "Transfer-Encoding" in headers
            for chunk in chunks:  # type: ignore[union-attr]
                if time.monotonic() > deadline:
                    return False
                if reply.pause:
                    time.sleep(reply.pause)  # the lie itself: a store that trickles
                if chunked:
                    sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                else:
                    sock.sendall(chunk)
            if chunked:
                sock.sendall(b"0\r\n\r\n")
            return True
        except OSError:
            return False
