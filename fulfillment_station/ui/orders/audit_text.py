"""This desk's audit rows as timeline lines in the packer's language.

The audit log keeps each action's summary as its English text (a spreadsheet export must not
depend on the language of whoever looked last). For the order timeline the summary is read
back against the outbox's own summary templates (``services.actions``, context
``ActionSummary``): a summary that matches one is shown through the catalog with its values;
anything else (an older wording, free text) is shown as it was written. Outcomes ("done",
"queued", ...) are translated words.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.services import actions
from fulfillment_station.services.tracking_reuse import OVERRIDE_SUMMARY
from fulfillment_station.ui.common.i18n import translate_message

OUTCOMES: dict[str, str] = {
    "queued": QT_TRANSLATE_NOOP("AuditOutcome", "queued"),
    "done": QT_TRANSLATE_NOOP("AuditOutcome", "done"),
    "retrying": QT_TRANSLATE_NOOP("AuditOutcome", "will try again"),
    "failed": QT_TRANSLATE_NOOP("AuditOutcome", "failed"),
    "dismissed": QT_TRANSLATE_NOOP("AuditOutcome", "dismissed"),
    "retried": QT_TRANSLATE_NOOP("AuditOutcome", "sent again"),
    "interrupted": QT_TRANSLATE_NOOP("AuditOutcome", "interrupted"),
    "narrowed": QT_TRANSLATE_NOOP("AuditOutcome", "narrowed"),
    "override": QT_TRANSLATE_NOOP("AuditOutcome", "shipped anyway"),
}


def _templates() -> list[Message]:
    found = [
        value
        for value in vars(actions).values()
        if isinstance(value, Message) and value.context == "ActionSummary"
    ]
    return [*found, OVERRIDE_SUMMARY]


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[re.Pattern[str], Message]]:
    """Each template as a regex, longest first (so "Mark fulfilled: {items}, tracking
    {numbers}" wins over "Mark fulfilled: {items}")."""
    out: list[tuple[re.Pattern[str], Message]] = []
    for template in sorted(_templates(), key=lambda m: len(m.template), reverse=True):
        regex = ""
        for literal, field, _spec, _conv in string.Formatter().parse(template.template):
            regex += re.escape(literal)
            if field:
                regex += f"(?P<{field}>.+?)"
        out.append((re.compile(f"^{regex}$", re.DOTALL), template))
    return out


def _inner(value: str) -> str:
    """A summary's parameter that is itself a summary message ("2 item(s)")."""
    for pattern, template in _patterns():
        if template.template in ("{count} item(s)", "all remaining items"):
            match = pattern.match(value)
            if match:
                return translate_message(
                    Message(template.context, template.template, match.groupdict() or None)
                )
    return value


def summary_text(summary: str) -> str:
    for pattern, template in _patterns():
        match = pattern.match(summary)
        if match:
            params = {name: _inner(value) for name, value in match.groupdict().items()}
            return translate_message(Message(template.context, template.template, params or None))
    return summary


def outcome_text(outcome: str) -> str:
    word = OUTCOMES.get(outcome)
    return QCoreApplication.translate("AuditOutcome", word) if word else outcome


def audit_timeline_line(entry: Any) -> str:
    """One ``AuditEntry`` (station, packer, summary, outcome, message) for the timeline."""
    who = " · ".join(p for p in (entry.station, entry.packer) if p)
    text = f"{summary_text(entry.summary)} — {outcome_text(entry.outcome)}"
    if entry.message:
        text += f": {entry.message}"
    return f"{who}: {text}" if who else text
