"""Sentences for the packer made below the UI, kept translatable: :class:`Message` and the
:func:`QT_TRANSLATE_NOOP` marker that makes one.

A lower layer (pack session, scanning, connectors, services, store) must not import Qt, yet
what it says reaches a Spanish or Brazilian desk through the views. So it does not format its
sentences itself; it writes an English template with named ``{placeholders}`` and hands over
the template plus the parameters::

    WRONG_ITEM = QT_TRANSLATE_NOOP("PackSession", "Wrong item: {scan} is not on order {order}.")
    raise Refused(WRONG_ITEM.format(scan=code, order=order.number))

``QT_TRANSLATE_NOOP`` is a plain function; PySide6's ``lupdate`` finds the templates by that
name (context and text must be string literals, never f-strings), so the catalogs can list
them. The UI translates with ``ui.common.i18n.translate_message``: the template is looked up in the
catalog under its context, then formatted with the parameters (parameters that are messages
themselves are translated first).

Why a ``str`` subclass: a message *is* its English text, so the CLI, logs, audit rows,
``exc.user_message`` and every existing ``str`` consumer keep working unchanged; only the views
look at :attr:`Message.template` and :attr:`Message.params`. Anything that builds a new string
from a message (``+``, f-strings, ``str()``) gets plain English, never a wrong translation.
:meth:`Message.to_json` / :meth:`Message.from_json` keep one across a restart (the outbox
stores failed actions' messages this way).
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from typing import Any

from fulfillment_station.domain.models import OrderStatus

#: What a parameter may be: text from the API or the packer (shown as is), a number, or
#: another message (translated in turn, e.g. an error's own sentence inside "Gave up ...").
Param = str | int


class Message(str):
    """An English sentence that remembers the template and parameters it was made from."""

    __slots__ = ("context", "params", "template")

    context: str
    template: str
    params: Mapping[str, Param]

    def __new__(
        cls, context: str, template: str, params: Mapping[str, Param] | None = None
    ) -> Message:
        values = dict(params or {})
        for name, value in values.items():
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise TypeError(
                    f"message parameter {name!r} must be text, a number or a "
                    f"message, not {type(value).__name__}"
                )
        wanted = placeholders(template)
        if values and set(values) != wanted:
            raise ValueError(f"template {template!r} takes {sorted(wanted)}, got {sorted(values)}")
        english = (
            template.format(**{k: _english(v) for k, v in values.items()}) if values else template
        )
        self = super().__new__(cls, english)
        self.context = context
        self.template = template
        self.params = values
        return self

    def format(self, *args: Any, **params: Param) -> Message:  # type: ignore[override]
        """This template filled in: a new message whose English text is formatted and which
        still carries the template. Named placeholders only, so translators can reorder."""
        if args:
            raise TypeError("message templates take named parameters only")
        return Message(self.context, self.template, {**self.params, **params})

    def __repr__(self) -> str:
        return f"Message({self.context!r}, {self.template!r}, {dict(self.params)!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (Message, (self.context, self.template, dict(self.params)))

    # --- keeping one -----------------------------------------------------------------------

    def to_data(self) -> dict[str, Any]:
        return {
            "context": self.context,
            "template": self.template,
            "params": {
                k: v.to_data() if isinstance(v, Message) else v for k, v in self.params.items()
            },
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Message:
        params = {
            k: cls.from_data(v) if isinstance(v, Mapping) else v
            for k, v in dict(data.get("params") or {}).items()
        }
        return cls(str(data["context"]), str(data["template"]), params)

    def to_json(self) -> str:
        return json.dumps(self.to_data(), sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Message:
        """The message :meth:`to_json` wrote; ``ValueError`` if ``text`` is not one."""
        try:
            data = json.loads(text)
            return cls.from_data(data)
        except (KeyError, TypeError, AttributeError, json.JSONDecodeError) as exc:
            raise ValueError(f"not a stored message: {exc}") from None


def stored_data(text: str) -> str | None:
    """What a store keeps beside ``text`` so it can be rebuilt as a message: its JSON when it
    is a :class:`Message`, ``None`` for plain text."""
    return text.to_json() if isinstance(text, Message) else None


def from_store(text: str, data: str | None) -> str:
    """``text`` as a store gives it back: the :class:`Message` ``data`` describes, or the
    English text itself when there is none (plain text, a row older than the column, or data
    this build cannot read)."""
    if data is None:
        return text
    try:
        return Message.from_json(data)
    except ValueError:
        return text


# The upper-case name is lupdate's: it finds templates by this exact function name.
def QT_TRANSLATE_NOOP(context: str, source: str) -> Message:
    """Mark ``source`` as a template of ``context`` for ``lupdate``; returns it as a
    :class:`Message` (call ``.format(...)`` on it to fill in its placeholders)."""
    return Message(context, source)


def placeholders(template: str) -> set[str]:
    """The names of a template's ``{placeholders}``."""
    return {
        name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None
    }


def _english(value: Param) -> str | int:
    return str.__str__(value) if isinstance(value, str) else value


#: An order status as a word inside a sentence ("Order #12 is {status}"), lower case.
STATUS_WORDS: dict[OrderStatus, Message] = {
    OrderStatus.PENDING: QT_TRANSLATE_NOOP("OrderStatus", "pending"),
    OrderStatus.CONFIRMED: QT_TRANSLATE_NOOP("OrderStatus", "confirmed"),
    OrderStatus.PROCESSING: QT_TRANSLATE_NOOP("OrderStatus", "processing"),
    OrderStatus.SHIPPED: QT_TRANSLATE_NOOP("OrderStatus", "shipped"),
    OrderStatus.DELIVERED: QT_TRANSLATE_NOOP("OrderStatus", "delivered"),
    OrderStatus.COMPLETED: QT_TRANSLATE_NOOP("OrderStatus", "completed"),
    OrderStatus.CANCELLED: QT_TRANSLATE_NOOP("OrderStatus", "cancelled"),
    OrderStatus.UNKNOWN: QT_TRANSLATE_NOOP("OrderStatus", "unknown"),
}


def status_word(status: OrderStatus) -> Message:
    return STATUS_WORDS[status]


#: The sentence for a failure that brings none of its own (a disk or database error, a bug).
SOMETHING_WENT_WRONG = QT_TRANSLATE_NOOP(
    "MainWindow", "Something went wrong: {error}. The details are in the log."
)


def error_sentence(exc: BaseException) -> str:
    """The one sentence a failure shows the packer, wherever it is shown.

    Errors made for the packer carry theirs: ``user_message`` (connector, keyring, outbox and
    service errors) or ``message`` (domain, printing and scale errors), a :class:`Message`
    where it was written below the UI, so the view can translate it. Any other error gets
    :data:`SOMETHING_WENT_WRONG` around its text; its traceback is for the log, not the desk.
    """
    for name in ("user_message", "message"):
        text = getattr(exc, name, None)
        if isinstance(text, str) and text:
            return text
    return SOMETHING_WENT_WRONG.format(error=str(exc) or type(exc).__name__)
