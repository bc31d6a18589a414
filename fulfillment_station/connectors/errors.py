"""Typed connector errors. Each carries the API's own code and message and one sentence a
packer can act on (``user_message``). The outbox reads exactly these attributes:
``transient`` (worth retrying later), ``unknown_outcome`` (the write may have been applied),
``retry_after`` (seconds the API asked us to wait), ``code``, ``api_message``,
``user_message``. No error text ever contains a token.

``user_message`` is a ``domain.messages.Message`` for every sentence written here (the class's
``user_text``, an ``Unsupported`` reason): English as a string, translated by the UI.
"""

from __future__ import annotations

from typing import Any, ClassVar

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.safe_text import short_message


class ConnectorError(Exception):
    """Base of everything a connector raises."""

    user_text: ClassVar[Message] = QT_TRANSLATE_NOOP(
        "ConnectorError", "The store's API reported a problem."
    )
    transient: ClassVar[bool] = False
    unknown_outcome: ClassVar[bool] = False

    def __init__(
        self,
        api_message: str = "",
        *,
        code: str | None = None,
        status: int | None = None,
        retry_after: float | None = None,
        order_id: str | None = None,
        details: Any = None,
        user_message: str | None = None,
    ) -> None:
        # The API's words reach logs, banners and terminals: one plain, short line.
        self.api_message = short_message(api_message, 400)
        self.code = code
        self.status = status
        self.retry_after = retry_after
        self.order_id = order_id
        self.details = details
        self.user_message = user_message or self.user_text
        super().__init__(self._text())

    @property
    def api_words(self) -> str:
        """The API's own code and message ("[CODE] message"), or "" when it gave neither."""
        return " ".join(p for p in (f"[{self.code}]" if self.code else "", self.api_message) if p)

    def _text(self) -> str:
        api = self.api_words
        return f"{self.user_message} The API said: {api}" if api else str(self.user_message)


class AuthenticationError(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store refused the API token. Check the token in the connection settings or ask for a "
        "new one.",
    )


class PermissionDenied(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The API token is not allowed to do this. Ask for a token with write access.",
    )


class NotFound(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store does not know this order. Refresh the list; it may have been removed.",
    )


class Conflict(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store refused because the order changed meanwhile. Refresh and check it.",
    )


class AlreadyShipped(Conflict):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store says this order already has a shipment. Refresh it before shipping again.",
    )


class AlreadyCancelled(Conflict):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store says this order is already cancelled: nothing more needs doing. Refresh it "
        "to see its status.",
    )


class SyncInProgress(Conflict):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store is still fetching orders from the marketplaces. Wait until it finishes, then "
        "start the channel sync again or refresh the orders.",
    )


class InvalidTransition(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store does not allow this change for the order in its current status. Refresh the "
        "order and check its status.",
    )


class MarketplaceRejection(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The marketplace rejected the shipment. Check the carrier and tracking number, then try "
        "again.",
    )


class OutOfStock(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError", "Some items are out of stock, so the store did not create the order."
    )

    @property
    def skus(self) -> list[str]:
        details = self.details
        if isinstance(details, dict):
            details = details.get("skus") or details.get("items")
        if isinstance(details, list):
            return [str(d.get("sku", d)) if isinstance(d, dict) else str(d) for d in details]
        return []


class ValidationFailed(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store rejected the request as invalid. Check the fields and try again.",
    )


class RateLimited(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError", "The store asked us to slow down. The app will retry by itself shortly."
    )
    transient = True


class ServerError(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError", "The store's server had a problem. The app will retry by itself shortly."
    )
    transient = True


class ServerErrorAfterWrite(ServerError):
    """A 5xx answer to a write: the server may have applied it before failing."""

    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store's server failed while saving this, so it is not known whether it went through. "
        "The app will check the order before trying again.",
    )
    unknown_outcome = True


class ConnectionFailed(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "Cannot reach the store. Check the network; the app will retry by itself when it is back.",
    )
    transient = True


class UnknownOutcome(ConnectorError):
    """The request left but no complete answer came back: it may have been applied."""

    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store did not answer in time, so it is not known whether this went through. The app "
        "will check the order before trying again.",
    )
    transient = True
    unknown_outcome = True


class UnprovenWrite(UnknownOutcome):
    """A write's answer that does not prove the effect (a redirect, an HTML page, a status or
    body the API does not document for success): the outbox re-reads the order to settle it."""

    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store's answer does not show that this was saved, so it is not known whether it "
        "went through. The app will check the order before trying again.",
    )


class BadResponse(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store sent an answer the app cannot read. Try again; if it keeps happening, copy the "
        "diagnostics for support.",
    )

    def __init__(
        self,
        api_message: str = "",
        *,
        field: str | None = None,
        order_id: str | None = None,
        **kwargs: Any,
    ) -> None:
        self.field = field
        where = " ".join(
            p
            for p in (f"order {order_id}" if order_id else "", f"field {field}" if field else "")
            if p
        )
        super().__init__(
            f"{where}: {api_message}" if where else api_message, order_id=order_id, **kwargs
        )


class Unsupported(ConnectorError):
    """The API documents no way to do this; the reason says so in the packer's words."""

    user_text = QT_TRANSLATE_NOOP("ConnectorError", "This store's API cannot do that.")

    def __init__(self, reason: str) -> None:
        super().__init__(user_message=reason)


class TlsFailed(ConnectorError):
    """The server's certificate or TLS handshake was refused: retrying cannot help."""

    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store's secure connection could not be verified (its certificate is not trusted "
        "or does not match the address). Check the base URL, or ask the store's IT about the "
        "certificate.",
    )


class RedirectRefused(BadResponse):
    """A 3xx answer: its body is never data, and another origin is never followed."""

    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store's API answered from a different address than the one configured. Check the "
        "base URL in the connection settings.",
    )


class AnswerTooLarge(BadResponse):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store sent a far larger answer than expected, so the app stopped reading it. Try "
        "again later; if it keeps happening, copy the diagnostics for support.",
    )


class PagingLoop(BadResponse):
    """The list's paging does not progress (pages repeat, a cursor repeats, or more orders came
    than the API announced): the walk stops instead of running forever."""

    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The store kept sending the same pages of orders, so the app stopped reading the list. "
        "The orders read so far are kept; try again later.",
    )


class InsecureConnection(ConnectorError):
    user_text = QT_TRANSLATE_NOOP(
        "ConnectorError",
        "The connection must use HTTPS; plain HTTP is only allowed to this computer (127.0.0.1 or "
        "localhost). Change the base URL to https://.",
    )


#: API error codes shared by the seeds -> error class.
CODE_TO_ERROR: dict[str, type[ConnectorError]] = {
    "ORDER_NOT_FOUND": NotFound,
    "NOT_FOUND": NotFound,
    "INVALID_STATUS_TRANSITION": InvalidTransition,
    "ALREADY_SHIPPED": AlreadyShipped,
    "ALREADY_CANCELLED": AlreadyCancelled,
    "SYNC_IN_PROGRESS": SyncInProgress,
    "MARKETPLACE_REJECTION": MarketplaceRejection,
    "OUT_OF_STOCK": OutOfStock,
    "INVALID_AUTH": AuthenticationError,
    "UNAUTHENTICATED": AuthenticationError,
    "UNAUTHORIZED": AuthenticationError,
    "AUTHORIZATION_ERROR": AuthenticationError,
    "FORBIDDEN": PermissionDenied,
    "RATE_LIMITED": RateLimited,
    "TOO_MANY_REQUESTS": RateLimited,
    "BAD_REQUEST": ValidationFailed,
    "VALIDATION_ERROR": ValidationFailed,
    "INVALID_REQUEST_ERROR": ValidationFailed,
    "CONFLICT": Conflict,
}


def error_for(
    status: int,
    code: str | None,
    message: str,
    *,
    retry_after: float | None = None,
    order_id: str | None = None,
    details: Any = None,
    unknown_outcome: bool = False,
) -> ConnectorError:
    """The typed error for an HTTP error answer: by the API's code first, then by status.
    ``unknown_outcome`` marks the answer to a write, where a 5xx leaves the outcome open."""
    cls = CODE_TO_ERROR.get((code or "").upper())
    if cls is None:
        if status == 401:
            cls = AuthenticationError
        elif status == 403:
            cls = PermissionDenied
        elif status == 404:
            cls = NotFound
        elif status == 409:
            cls = Conflict
        elif status == 429:
            cls = RateLimited
        elif status >= 500:
            cls = ServerError
        else:
            cls = ValidationFailed
    if unknown_outcome and cls is ServerError:
        cls = ServerErrorAfterWrite
    return cls(
        message,
        code=code,
        status=status,
        retry_after=retry_after,
        order_id=order_id,
        details=details,
    )
