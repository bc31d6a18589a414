"""The HTTP client every connector talks through: one ``httpx.Client`` per connection with
timeouts, keep-alive, a User-Agent naming the app, Bearer auth and TLS verification.

Reads (``get_json``) are retried on connection errors, timeouts, 5xx and 429 with exponential
backoff and full jitter, honouring Retry-After. Writes (``send_json``) are never retried here:
a write whose answer did not arrive raises ``UnknownOutcome`` and the outbox decides (it re-reads
the order first). The token lives only in the client's default headers; it is never logged and
never part of an error message.
"""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import random
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC
from typing import Any

import httpx

from fulfillment_station import USER_AGENT
from fulfillment_station.connectors.errors import (
    BadResponse,
    ConnectionFailed,
    ConnectorError,
    InsecureConnection,
    UnknownOutcome,
    error_for,
)
from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP

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


def is_loopback(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_base_url(url: str) -> httpx.URL:
    """Refuse anything but https, except plain http to this computer (the sandbox)."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError) as exc:
        raise InsecureConnection(user_message=QT_TRANSLATE_NOOP(
            "Connectors", "{url} is not a valid URL.").format(url=repr(url))) from exc
    if parsed.scheme == "https" and parsed.host:
        return parsed
    if parsed.scheme == "http" and parsed.host and is_loopback(parsed.host):
        return parsed
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise InsecureConnection(user_message=QT_TRANSLATE_NOOP(
            "Connectors", "{url} is not a web address; it should start with https://.").format(
                url=repr(url)))
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


def _request_key(path: str, params: Mapping[str, Any] | None
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
            return (str(err["code"]) if err.get("code") else None,
                    str(err.get("message") or body.get("message") or ""),
                    err.get("details"))
        if isinstance(err, str):
            return None, err, None
    return None, str(body)[:300], None


class ApiClient:
    def __init__(self, base_url: str, token: str | None, *,
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
                 extra_headers: Mapping[str, str] | None = None) -> None:
        self.base_url = check_base_url(base_url)
        self.error_parser = error_parser
        self.max_read_attempts = max(1, max_read_attempts)
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.max_retry_after = max_retry_after
        self.prefetch_fresh_s = prefetch_fresh_s
        self.sleep = sleep
        self.rng = rng or random.Random()
        headers = {"User-Agent": user_agent, "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        headers.update(extra_headers or {})
        self._pool: ThreadPoolExecutor | None = None
        self._prefetched: dict[tuple[str, tuple[tuple[str, str], ...]],
                               tuple[float, Future[Any]]] = {}
        self._client = httpx.Client(base_url=self.base_url, headers=headers, timeout=timeout,
                                    transport=transport, verify=verify, follow_redirects=False,
                                    limits=httpx.Limits(max_keepalive_connections=4))

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

    def get_json(self, path: str, params: Mapping[str, Any] | None = None, *,
                 order_id: str | None = None) -> Any:
        """GET and decode JSON, retrying what is safe to retry (or take what ``prefetch``
        already fetched for the same path and parameters)."""
        ahead = self._prefetched.pop(_request_key(path, params), None)
        if ahead is not None:
            started, future = ahead
            if time.monotonic() - started <= self.prefetch_fresh_s:
                return future.result()
            future.cancel()  # left by an abandoned walk: read it again, fresh
        response = self.get(path, params, order_id=order_id)
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

        future = self._pool.submit(lambda: self.decode(self.get(path, params, trace=trace)))
        future.add_done_callback(lambda _: sent.set())
        self._prefetched[key] = (time.monotonic(), future)
        # The caller parses next, holding the GIL: the read-ahead thread would get it back
        # only every switch interval (5 ms) at each step of sending, so the request would
        # leave late and the server would idle while we parse. Let it leave first.
        sent.wait(PREFETCH_SEND_WAIT_S)

    def get(self, path: str, params: Mapping[str, Any] | None = None, *,
            order_id: str | None = None, headers: Mapping[str, str] | None = None,
            trace: Callable[[str, dict[str, Any]], None] | None = None) -> httpx.Response:
        clean = {k: v for k, v in (params or {}).items() if v is not None}
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._send("GET", path, params=clean, headers=headers, trace=trace)
            except ConnectorError as exc:
                if attempt >= self.max_read_attempts:
                    raise
                self._wait(attempt, None, exc)
                continue
            if response.status_code in RETRYABLE_STATUS and attempt < self.max_read_attempts:
                retry_after = parse_retry_after(response.headers.get("Retry-After"))
                if retry_after is None or retry_after <= self.max_retry_after:
                    self._wait(attempt, retry_after, None)
                    continue
            if response.is_error:
                raise self._error(response, order_id=order_id, write=False)
            return response

    def _wait(self, attempt: int, retry_after: float | None,
              exc: ConnectorError | None) -> None:
        delay = self.rng.uniform(0, min(self.backoff_cap, self.backoff_base * 2 ** (attempt - 1)))
        if retry_after is not None:
            delay = max(delay, retry_after)
        log.info("retrying in %.2f s (attempt %d)%s", delay, attempt,
                 f": {type(exc).__name__}" if exc else "")
        self.sleep(delay)

    # -- writes -------------------------------------------------------------------------------

    def send_json(self, method: str, path: str, *, json: Any = None,
                  params: Mapping[str, Any] | None = None,
                  headers: Mapping[str, str] | None = None,
                  order_id: str | None = None) -> httpx.Response:
        """One attempt at a write. Raises typed errors; never retries."""
        try:
            response = self._send(method, path, json=json, params=params, headers=headers,
                                  write=True)
        except ConnectorError as exc:
            exc.order_id = exc.order_id or order_id
            raise
        if response.is_error:
            raise self._error(response, order_id=order_id, write=True)
        return response

    # -- shared -------------------------------------------------------------------------------

    def _send(self, method: str, path: str, *, params: Mapping[str, Any] | None = None,
              json: Any = None, headers: Mapping[str, str] | None = None,
              write: bool = False,
              trace: Callable[[str, dict[str, Any]], None] | None = None) -> httpx.Response:
        started = time.perf_counter()
        try:
            response = self._client.request(method, path, params=params, json=json,
                                            headers=headers,
                                            extensions={"trace": trace} if trace else None)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            # Nothing reached the server: safe to try again later, reads and writes alike.
            log.warning("%s %s: cannot connect (%s)", method, path, type(exc).__name__)
            raise ConnectionFailed(f"cannot connect to {self.host}") from None
        except httpx.TimeoutException as exc:
            log.warning("%s %s: timed out (%s)", method, path, type(exc).__name__)
            if write:
                raise UnknownOutcome(f"no answer from {self.host} in time") from None
            raise ConnectionFailed(f"{self.host} did not answer in time") from None
        except httpx.TransportError as exc:
            log.warning("%s %s: connection broke (%s)", method, path, type(exc).__name__)
            if write:
                raise UnknownOutcome(f"the connection to {self.host} broke before the answer"
                                     ) from None
            raise ConnectionFailed(f"the connection to {self.host} broke") from None
        log.debug("%s %s -> %d in %.0f ms", method, path, response.status_code,
                  (time.perf_counter() - started) * 1000)
        return response

    def _error(self, response: httpx.Response, *, order_id: str | None,
               write: bool) -> ConnectorError:
        try:
            code, message, details = self.error_parser(response)
        except Exception:  # a broken error body must still give a typed error
            code, message, details = None, response.text[:300], None
        retry_after = parse_retry_after(response.headers.get("Retry-After"))
        err = error_for(response.status_code, code, message or response.reason_phrase,
                        retry_after=retry_after, order_id=order_id, details=details,
                        unknown_outcome=write)
        log.info("%s %s -> %d %s", response.request.method, response.request.url.path,
                 response.status_code, code or "")
        return err

    @staticmethod
    def decode(response: httpx.Response, *, order_id: str | None = None) -> Any:
        try:
            return response.json()
        except ValueError:
            raise BadResponse("the answer is not valid JSON", order_id=order_id) from None

