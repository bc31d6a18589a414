"""The HTTP client every connector talks through: one ``httpx.Client`` per connection with
timeouts, keep-alive, a User-Agent naming the app, Bearer auth and TLS verification.

Reads (``get_json``) are retried on connection errors, timeouts, 5xx and 429 with exponential
backoff and full jitter, honouring Retry-After. Writes (``send_json``) are never retried here:
a write whose answer did not arrive raises ``UnknownOutcome`` and the outbox decides (it re-reads
the order first). The token lives only in the client's default headers; it is never logged and
never part of an error message.
"""

from __future__ import annotations

import contextlib
import dataclasses
import email.utils
import ipaddress
import json as jsonlib
import logging
import os
import random
import ssl
import threading
import time
import zlib
from collections.abc import Callable, Collection, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC
from enum import StrEnum
from typing import Any

import httpcore
import httpx

from fulfillment_station import USER_AGENT
from fulfillment_station.connectors.errors import (
    AnswerTooLarge,
    BadResponse,
    ConnectionFailed,
    ConnectorError,
    InsecureConnection,
    RedirectRefused,
    TlsFailed,
    UnknownOutcome,
    UnprovenWrite,
    error_for,
)
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP
from fulfillment_station.domain.safe_text import clean_api_text, looks_like_html

log = logging.getLogger(__name__)

#: (code, message, details) pulled out of an error answer by the dialect's parser.
ErrorParser = Callable[[httpx.Response], tuple[str | None, str, Any]]

DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})
#: A page read ahead is used only this soon after it was asked for; older, it is read again.
PREFETCH_FRESH_S = 10.0
#: ``prefetch`` returns once the read-ahead request has left, or after this long at most.
PREFETCH_SEND_WAIT_S = 0.05
#: Signal the HTTP stack's trace extension gives once a request is written to the socket.
_REQUEST_SENT = ".send_request_body.complete"
#: Same-origin redirects a read follows at most (writes and other origins: none).
MAX_REDIRECTS = 3
#: Deeper JSON than this is no order: refused before anything walks it.
MAX_JSON_DEPTH = 64
#: Raw bytes read from the socket at a time (before decompression).
_RAW_CHUNK = 64 * 1024
#: What we ask for, and so all we accept: nothing needs a decoder we do not bound ourselves.
ACCEPT_ENCODING = "gzip, deflate"


class Answer(StrEnum):
    """The kind of request, which sets how large its answer may be."""

    LIST = "list"
    DETAIL = "detail"
    LABEL = "label"
    WRITE = "write"


@dataclass(frozen=True)
class AnswerLimits:
    """Bounds on one request. Sizes are of the decoded body (after gzip), enforced while it
    streams in; the deadlines cover the whole request, answer included (a read's retries too),
    not each socket read. Writes get a shorter one so a slow store cannot hold the outbox."""

    list_bytes: int = 32 * 2**20
    detail_bytes: int = 4 * 2**20
    label_bytes: int = 10 * 2**20
    write_bytes: int = 4 * 2**20
    read_deadline_s: float = 60.0
    write_deadline_s: float = 20.0

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> AnswerLimits:
        """The defaults, with the deadlines taken from ``FULFILLMENT_STATION_READ_DEADLINE_S``
        and ``FULFILLMENT_STATION_WRITE_DEADLINE_S`` when set (a slow link, or a test)."""
        env = os.environ if environ is None else environ
        defaults = cls()

        def seconds(name: str, default: float) -> float:
            try:
                value = float(env.get(name, ""))
            except ValueError:
                return default
            return value if 0 < value <= 3600 else default

        return dataclasses.replace(
            defaults,
            read_deadline_s=seconds(
                "FULFILLMENT_STATION_READ_DEADLINE_S", defaults.read_deadline_s
            ),
            write_deadline_s=seconds(
                "FULFILLMENT_STATION_WRITE_DEADLINE_S", defaults.write_deadline_s
            ),
        )

    def max_bytes(self, kind: Answer) -> int:
        return {
            Answer.LIST: self.list_bytes,
            Answer.DETAIL: self.detail_bytes,
            Answer.LABEL: self.label_bytes,
            Answer.WRITE: self.write_bytes,
        }[kind]


# The deadline of the request this thread is sending (monotonic seconds), read by the socket
# wrapper below on every read and write. Thread-local: the read-ahead thread has its own.
_deadline = threading.local()


def _budget(timeout: float | None, error: type[Exception]) -> float | None:
    until: float | None = getattr(_deadline, "until", None)
    if until is None:
        return timeout
    left = until - time.monotonic()
    if left <= 0:
        raise error("the request's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A socket whose every read and write waits no longer than the request has left, so a
    server trickling one byte a second cannot stretch a request past its deadline."""

    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _budget(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _budget(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._stream.start_tls(
                ssl_context, server_hostname, _budget(timeout, httpcore.ConnectTimeout)
            )
        )

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _PinnedBackend(httpcore.NetworkBackend):
    """Opens sockets under the request's deadline; ``localhost`` and ``*.localhost`` go to
    127.0.0.1 without asking DNS (which could send them anywhere)."""

    def __init__(self, inner: httpcore.NetworkBackend) -> None:
        self._inner = inner

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        if is_localhost_name(host):
            host = "127.0.0.1"
        stream = self._inner.connect_tcp(
            host, port, _budget(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(
            self._inner.connect_unix_socket(
                path, _budget(timeout, httpcore.ConnectTimeout), socket_options
            )
        )

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def bounded_transport(
    verify: bool | ssl.SSLContext = True, limits: httpx.Limits | None = None
) -> httpx.HTTPTransport:
    """httpx's transport with the deadline-aware, localhost-pinning socket layer."""
    transport = httpx.HTTPTransport(verify=verify, limits=limits or httpx.Limits())
    pool = transport._pool  # httpx builds the pool; only its network backend is swapped
    pool._network_backend = _PinnedBackend(pool._network_backend)
    return transport


def is_localhost_name(host: str) -> bool:
    host = host.strip("[]").lower().rstrip(".")
    return host == "localhost" or host.endswith(".localhost")


def _tls_failure(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    for _ in range(8):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError | ssl.CertificateError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _decompressor(encoding: str) -> Any:
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if encoding == "deflate":
        return zlib.decompressobj(zlib.MAX_WBITS)
    raise BadResponse(f"the answer uses a compression the app did not ask for ({encoding[:40]})")


def read_bounded(response: httpx.Response, max_bytes: int, until: float) -> bytes:
    """The decoded body of a streamed ``response``, refused (``AnswerTooLarge``) the moment it
    passes ``max_bytes`` (a gzip bomb included: at most ``max_bytes`` + 1 ever leave the
    decompressor), and cut (``httpx.ReadTimeout``) when the deadline passes."""
    try:
        read_already = response.content  # a test transport may hand over a read answer
    except httpx.ResponseNotRead:
        pass
    else:
        if len(read_already) > max_bytes:
            raise AnswerTooLarge(f"the answer passed the {max_bytes} bytes allowed")
        return read_already
    encoding = response.headers.get("content-encoding", "").strip().lower()
    decoder = _decompressor(encoding)
    declared = response.headers.get("content-length", "")
    if decoder is None and declared.isdigit() and int(declared) > max_bytes:
        raise AnswerTooLarge(
            f"the answer announces {int(declared)} bytes, more than the {max_bytes} allowed"
        )
    chunks: list[bytes] = []
    size = 0

    def add(data: bytes) -> None:
        nonlocal size
        size += len(data)
        if size > max_bytes:
            raise AnswerTooLarge(f"the answer passed the {max_bytes} bytes allowed")
        chunks.append(data)

    for raw in response.iter_raw(_RAW_CHUNK):
        if time.monotonic() > until:
            raise httpx.ReadTimeout("the request's deadline passed")
        if decoder is None:
            add(raw)
            continue
        pending = raw
        while pending:
            try:
                add(decoder.decompress(pending, max_bytes - size + 1))
            except zlib.error:
                raise BadResponse("the compressed answer is damaged") from None
            pending = decoder.unconsumed_tail
    if decoder is not None:
        try:
            add(decoder.flush())
        except zlib.error:
            raise BadResponse("the compressed answer is damaged") from None
    return b"".join(chunks)


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def loads(content: bytes | str, *, order_id: str | None = None) -> Any:
    """JSON from an API, with every text made safe (see ``domain.safe_text``): lone
    surrogates, controls and absurd lengths never get past here. Too deep, NaN or a
    number of thousands of digits is ``BadResponse``."""
    try:
        data = jsonlib.loads(content, parse_constant=_reject_constant)
    except RecursionError:
        raise BadResponse("the answer is nested too deeply", order_id=order_id) from None
    except (ValueError, UnicodeDecodeError):
        raise BadResponse("the answer is not valid JSON", order_id=order_id) from None
    if isinstance(data, str):
        return clean_api_text(data)
    if isinstance(data, dict | list):
        _clean_in_place(data, 0, order_id)
    return data


def _clean_in_place(value: dict[str, Any] | list[Any], depth: int, order_id: str | None) -> None:
    if depth > MAX_JSON_DEPTH:
        raise BadResponse("the answer is nested too deeply", order_id=order_id)
    if type(value) is dict:
        bad_keys: list[str] = []
        for key, item in value.items():
            kind = type(item)
            if kind is str:
                if len(item) > 200 or not item.isprintable():
                    value[key] = clean_api_text(item)
            elif kind is dict or kind is list:
                _clean_in_place(item, depth + 1, order_id)
            if not key.isprintable() or len(key) > 200:
                bad_keys.append(key)
        for key in bad_keys:
            value[clean_api_text(key, 200)] = value.pop(key)
        return
    assert type(value) is list
    for i, item in enumerate(value):
        kind = type(item)
        if kind is str:
            if len(item) > 200 or not item.isprintable():
                value[i] = clean_api_text(item)
        elif kind is dict or kind is list:
            _clean_in_place(item, depth + 1, order_id)


@contextlib.contextmanager
def write_proof(order_id: str | None = None) -> Iterator[None]:
    """Reading a write's answer: whatever cannot be understood leaves the outcome open."""
    try:
        yield
    except BadResponse as exc:
        raise UnprovenWrite(
            f"the answer does not prove the write: {exc.api_message}",
            order_id=order_id or exc.order_id,
        ) from None


def is_loopback(host: str) -> bool:
    """Whether ``host`` is this computer: a loopback address, or a ``localhost`` name (which
    the HTTP layer pins to 127.0.0.1 instead of resolving)."""
    if is_localhost_name(host):
        return True
    host = host.strip("[]").lower()
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> httpx.URL:
    """Refuse anything but https, except plain http to this computer (the sandbox)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise InsecureConnection(
            user_message=QT_TRANSLATE_NOOP("Connectors", "{url} is not a valid URL.").format(
                url=repr(url)
            )
        ) from exc
    if parsed.userinfo:
        # user:pass@ would replace the Bearer token with Basic auth, and lands in logs.
        raise InsecureConnection(
            user_message=QT_TRANSLATE_NOOP(
                "Connectors",
                "The base URL must not contain a user name or password; put the API "
                "token in the token field instead.",
            )
        )
    if parsed.scheme == "https" and parsed.host:
        return parsed
    if parsed.scheme == "http" and parsed.host and is_loopback(parsed.host):
        return parsed
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InsecureConnection(
            user_message=QT_TRANSLATE_NOOP(
                "Connectors", "{url} is not a web address; it should start with https://."
            ).format(url=repr(url))
        )
    raise InsecureConnection()


def parse_retry_after(value: str | None, now: Callable[[], float] = time.time) -> float | None:
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - now())


def _request_key(
    path: str, params: Mapping[str, Any] | None
) -> tuple[str, tuple[tuple[str, str], ...]]:
    return path, tuple(sorted((k, str(v)) for k, v in (params or {}).items() if v is not None))


def connector_options(ca_bundle: str | None) -> dict[str, Any]:
    """Client options for a connection: a custom CA bundle becomes an SSL context (httpx no
    longer takes a bundle path for ``verify``). TLS verification always stays on."""
    if not ca_bundle:
        return {}
    return {"verify": ssl.create_default_context(cafile=ca_bundle)}


def default_error_parser(response: httpx.Response) -> tuple[str | None, str, Any]:
    """Understands ``{"error": {"code", "message"}}`` and ``{"code", "message"}`` bodies."""
    try:
        body = response.json()
    except ValueError:
        return None, response.text[:300], None
    if isinstance(body, dict):
        err = body.get("error", body)
        if isinstance(err, dict):
            return (
                str(err["code"]) if err.get("code") else None,
                str(err.get("message") or body.get("message") or ""),
                err.get("details"),
            )
        if isinstance(err, str):
            return None, err, None
    return None, str(body)[:300], None


class ApiClient:
    def __init__(
        self,
        base_url: str,
        token: str | None,
        *,
        error_parser: ErrorParser = default_error_parser,
        user_agent: str = USER_AGENT,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        max_read_attempts: int = 5,
        backoff_base: float = 0.5,
        backoff_cap: float = 30.0,
        max_retry_after: float = 60.0,
        prefetch_fresh_s: float = PREFETCH_FRESH_S,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
        transport: httpx.BaseTransport | None = None,
        verify: bool | ssl.SSLContext = True,
        extra_headers: Mapping[str, str] | None = None,
        limits: AnswerLimits | None = None,
    ) -> None:
        self.base_url = check_base_url(base_url)
        self.limits = limits or AnswerLimits.from_env()
        self.error_parser = error_parser
        self.max_read_attempts = max(1, max_read_attempts)
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.max_retry_after = max_retry_after
        self.prefetch_fresh_s = prefetch_fresh_s
        self.sleep = sleep
        self.rng = rng or random.Random()
        headers = {
            "User-Agent": user_agent,
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
        }
        if token:
            headers["Authorization"] = f"Bearer {token}"
        headers.update(extra_headers or {})
        self._pool: ThreadPoolExecutor | None = None
        self._prefetched: dict[
            tuple[str, tuple[tuple[str, str], ...]], tuple[float, Future[Any]]
        ] = {}
        pool_limits = httpx.Limits(max_keepalive_connections=4)
        if transport is None:
            transport = bounded_transport(verify, pool_limits)
        self._client = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=timeout,
            transport=transport,
            verify=verify,
            follow_redirects=False,
            limits=pool_limits,
        )

    @property
    def host(self) -> str:
        return self.base_url.host

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        self._prefetched.clear()
        self._client.close()

    # -- reads --------------------------------------------------------------------------------

    def get_json(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        order_id: str | None = None,
        kind: Answer = Answer.DETAIL,
    ) -> Any:
        """GET and decode JSON, retrying what is safe to retry (or take what ``prefetch``
        already fetched for the same path and parameters)."""
        ahead = self._prefetched.pop(_request_key(path, params), None)
        if ahead is not None:
            started, future = ahead
            if time.monotonic() - started <= self.prefetch_fresh_s:
                return future.result()
            future.cancel()  # left by an abandoned walk: read it again, fresh
        response = self.get(path, params, order_id=order_id, kind=kind)
        return self.decode(response, order_id=order_id)

    def prefetch(self, path: str, params: Mapping[str, Any] | None = None) -> None:
        """Start reading the next page in the background while the caller parses this one;
        the next ``get_json`` with the same arguments takes the result (or its error).
        Reads only: writes are never sent ahead."""
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="read-ahead")
        key = _request_key(path, params)
        if key in self._prefetched:
            return
        while len(self._prefetched) >= 2:  # an abandoned walk leaves at most this many
            self._prefetched.pop(next(iter(self._prefetched)))[1].cancel()
        sent = threading.Event()

        def trace(event: str, _info: dict[str, Any]) -> None:
            if event.endswith(_REQUEST_SENT):
                sent.set()

        future = self._pool.submit(
            lambda: self.decode(self.get(path, params, trace=trace, kind=Answer.LIST))
        )
        future.add_done_callback(lambda _: sent.set())
        self._prefetched[key] = (time.monotonic(), future)
        # The caller parses next, holding the GIL: the read-ahead thread would get it back
        # only every switch interval (5 ms) at each step of sending, so the request would
        # leave late and the server would idle while we parse. Let it leave first.
        sent.wait(PREFETCH_SEND_WAIT_S)

    def get(
        self,
        path: str,
        params: Mapping[str, Any] | None = None,
        *,
        order_id: str | None = None,
        headers: Mapping[str, str] | None = None,
        trace: Callable[[str, dict[str, Any]], None] | None = None,
        kind: Answer = Answer.DETAIL,
    ) -> httpx.Response:
        """GET with retries, all within one deadline. A redirect is followed only to the same
        origin (a few hops); anything else 3xx is ``RedirectRefused``, never data."""
        clean: Mapping[str, Any] | None = {k: v for k, v in (params or {}).items() if v is not None}
        until = time.monotonic() + self.limits.read_deadline_s
        attempt = 0
        hops = 0
        target = path
        while True:
            attempt += 1
            try:
                response = self._send(
                    "GET",
                    target,
                    params=clean,
                    headers=headers,
                    trace=trace,
                    kind=kind,
                    until=until,
                )
            except ConnectorError as exc:
                if (
                    not exc.transient
                    or attempt >= self.max_read_attempts
                    or not self._wait(attempt, None, exc, until)
                ):
                    raise
                continue
            if response.status_code in RETRYABLE_STATUS and attempt < self.max_read_attempts:
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                if (retry_after is None or retry_after <= self.max_retry_after) and self._wait(
                    attempt, retry_after, None, until
                ):
                    continue
            if 300 <= response.status_code < 400:
                moved = self._same_origin_location(response)
                if moved is None or hops >= MAX_REDIRECTS:
                    raise RedirectRefused(
                        f"the answer was a redirect ({response.status_code}) "
                        f"{'to another address' if moved is None else 'loop'}",
                        order_id=order_id,
                        status=response.status_code,
                    )
                hops += 1
                target, clean = moved, None
                continue
            if response.is_error:
                raise self._error(response, order_id=order_id, write=False)
            if response.status_code < 200:
                raise BadResponse(
                    f"the answer has status {response.status_code}", order_id=order_id
                )
            return response

    def _same_origin_location(self, response: httpx.Response) -> str | None:
        location = response.headers.get("location")
        if not location:
            return None
        try:
            target = response.request.url.join(location)
        except (httpx.InvalidURL, ValueError):
            return None
        base = self.base_url
        if (target.scheme, target.host, target.port) != (
            base.scheme,
            base.host,
            base.port,
        ) or target.userinfo:
            log.warning("refused a redirect to another origin (%s)", target.host)
            return None
        return str(target)

    def _wait(
        self, attempt: int, retry_after: float | None, exc: ConnectorError | None, until: float
    ) -> bool:
        """Sleep before the next attempt; False (no sleep) when it would pass the deadline."""
        delay = self.rng.uniform(0, min(self.backoff_cap, self.backoff_base * 2 ** (attempt - 1)))
        if retry_after is not None:
            delay = max(delay, retry_after)
        if time.monotonic() + delay >= until:
            log.info("not retrying: the request's deadline would pass")
            return False
        log.info(
            "retrying in %.2f s (attempt %d)%s",
            delay,
            attempt,
            f": {type(exc).__name__}" if exc else "",
        )
        self.sleep(delay)
        return True

    # -- writes -------------------------------------------------------------------------------

    def send_json(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        order_id: str | None = None,
        proof: Collection[int] = (200, 201),
        json_answer: bool = True,
    ) -> httpx.Response:
        """One attempt at a write. Raises typed errors; never retries, never follows a
        redirect. Only a status in ``proof`` (the ones the API documents for this write's
        success) counts, and with ``json_answer`` only a JSON body: anything else, a 3xx or an
        HTML "200 Sign in" page included, is ``UnprovenWrite`` (the outbox re-reads the order).
        The caller then checks the body's shape inside :func:`write_proof`."""
        try:
            response = self._send(
                method,
                path,
                json=json,
                params=params,
                headers=headers,
                write=True,
                kind=Answer.WRITE,
            )
        except BadResponse as exc:  # too large, damaged: it came back, but proves nothing
            raise UnprovenWrite(
                f"the answer could not be read: {exc.api_message}", order_id=order_id
            ) from None
        except ConnectorError as exc:
            exc.order_id = exc.order_id or order_id
            raise
        if response.is_error:
            raise self._error(response, order_id=order_id, write=True)
        status = response.status_code
        if status not in proof:
            log.warning(
                "%s %s -> %d, not one of %s: outcome unknown", method, path, status, sorted(proof)
            )
            raise UnprovenWrite(
                f"the store answered {status}, which does not prove the write",
                order_id=order_id,
                status=status,
            )
        if json_answer and status != 204:
            ctype = response.headers.get("content-type", "").lower()
            if "json" not in ctype or looks_like_html(response.text[:200]):
                log.warning(
                    "%s %s -> %d with %r, not JSON: outcome unknown",
                    method,
                    path,
                    status,
                    ctype[:60],
                )
                raise UnprovenWrite(
                    f"the store answered {status} with "
                    f"{ctype.split(';')[0] or 'an untyped body'}, not JSON",
                    order_id=order_id,
                    status=status,
                )
        return response

    # -- shared -------------------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        write: bool = False,
        trace: Callable[[str, dict[str, Any]], None] | None = None,
        kind: Answer = Answer.DETAIL,
        until: float | None = None,
    ) -> httpx.Response:
        """One request, its answer read whole but within the size of ``kind`` and before the
        deadline (``until``, or now + the read or write deadline)."""
        started = time.monotonic()
        deadline = self.limits.write_deadline_s if write else self.limits.read_deadline_s
        until = min(until, started + deadline) if until is not None else started + deadline
        outer = getattr(_deadline, "until", None)
        _deadline.until = until
        try:
            request = self._client.build_request(
                method,
                path,
                params=params,
                json=json,
                headers=headers,
                extensions={"trace": trace} if trace else None,
            )
            streamed = self._client.send(request, stream=True)
            try:
                body = read_bounded(streamed, self.limits.max_bytes(kind), until)
            finally:
                streamed.close()
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            if _tls_failure(exc):
                log.warning("%s %s: TLS failed (%s)", method, path, exc)
                raise TlsFailed(f"the secure connection to {self.host} failed") from None
            # Nothing reached the server: safe to try again later, reads and writes alike.
            log.warning("%s %s: cannot connect (%s)", method, path, type(exc).__name__)
            raise ConnectionFailed(f"cannot connect to {self.host}") from None
        except httpx.TimeoutException as exc:
            log.warning(
                "%s %s: timed out (%s) after %.1f s",
                method,
                path,
                type(exc).__name__,
                time.monotonic() - started,
            )
            if write:
                raise UnknownOutcome(f"no answer from {self.host} in time") from None
            raise ConnectionFailed(f"{self.host} did not answer in time") from None
        except httpx.TransportError as exc:
            if _tls_failure(exc):
                log.warning("%s %s: TLS failed (%s)", method, path, exc)
                raise TlsFailed(f"the secure connection to {self.host} failed") from None
            log.warning("%s %s: connection broke (%s)", method, path, type(exc).__name__)
            if write:
                raise UnknownOutcome(
                    f"the connection to {self.host} broke before the answer"
                ) from None
            raise ConnectionFailed(f"the connection to {self.host} broke") from None
        finally:
            _deadline.until = outer
        log.debug(
            "%s %s -> %d in %.0f ms",
            method,
            path,
            streamed.status_code,
            (time.monotonic() - started) * 1000,
        )
        kept = [
            (k, v)
            for k, v in streamed.headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")
        ]
        return httpx.Response(
            streamed.status_code,
            headers=kept,
            content=body,
            request=request,
            extensions={"reason_phrase": streamed.extensions.get("reason_phrase", b"")},
        )

    def _error(
        self, response: httpx.Response, *, order_id: str | None, write: bool
    ) -> ConnectorError:
        try:
            code, message, details = self.error_parser(response)
        except Exception:  # a broken error body must still give a typed error
            code, message, details = None, response.text[:300], None
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        err = error_for(
            response.status_code,
            code,
            message or response.reason_phrase,
            retry_after=retry_after,
            order_id=order_id,
            details=details,
            unknown_outcome=write,
        )
        log.info(
            "%s %s -> %d %s",
            response.request.method,
            response.request.url.path,
            response.status_code,
            code or "",
        )
        return err

    @staticmethod
    def decode(response: httpx.Response, *, order_id: str | None = None) -> Any:
        """The answer's JSON with every text made safe; a 3xx is never data."""
        if 300 <= response.status_code < 400:
            raise RedirectRefused(
                f"the answer was a redirect ({response.status_code})",
                order_id=order_id,
                status=response.status_code,
            )
        return loads(response.content, order_id=order_id)
