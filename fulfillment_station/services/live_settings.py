"""The settings as the running app holds them: one observable object per process.

``settings.json`` is read once at start. Whatever needs a setting reads it from memory
(``live["station.packer_name"]``), never from the disk on the GUI thread, and whatever must
follow a change subscribes to the keys it uses; :meth:`LiveSettings.adopt` (the settings
dialog saved) or :meth:`LiveSettings.save` tells exactly the subscribers whose keys changed, so
every option applies when saved (the UI language too: ``session.AppSession`` installs its
catalogs and builds the window again). The few that cannot (:data:`NEEDS_RESTART`) are named, with
the reason, in what the packer is told. No Qt: the callbacks run on the thread that saved,
which in the app is the GUI thread.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.store.settings import Settings, SettingsStore

log = logging.getLogger(__name__)

Listener = Callable[[Settings, frozenset[str]], None]
"""Called with the new settings and the keys (of those it asked for) that changed."""

#: Options that apply only from the next start, and why (shown when one of them changes).
NEEDS_RESTART: dict[str, Message] = {
    "station.station_name": QT_TRANSLATE_NOOP(
        "LiveSettings",
        "The station name is used in the audit log from the next start "
        "(the outbox of the open connection keeps the name it opened with).",
    ),
    "station.database_url": QT_TRANSLATE_NOOP(
        "LiveSettings",
        "The station database is used from the next start (the open connection keeps "
        "the claims it holds until then).",
    ),
    "station.claim_lease_s": QT_TRANSLATE_NOOP(
        "LiveSettings", "The claim lease applies from the next start."
    ),
}


@dataclass
class _Subscription:
    keys: frozenset[str] | None
    listener: Listener


class LiveSettings:
    """The current :class:`Settings` of the process, and who wants to hear of changes."""

    def __init__(self, store: SettingsStore, initial: Settings | None = None) -> None:
        self.store = store
        self._current = initial if initial is not None else store.load()
        self._subscriptions: list[_Subscription] = []

    @property
    def current(self) -> Settings:
        return self._current

    def __getitem__(self, key: str) -> Any:
        return self._current[key]

    def subscribe(self, keys: Iterable[str] | None, listener: Listener) -> Callable[[], None]:
        """Call ``listener`` when one of ``keys`` (any key if ``None``) changes. Returns the
        function that unsubscribes it (a closed connection's parts call it)."""
        subscription = _Subscription(None if keys is None else frozenset(keys), listener)
        self._subscriptions.append(subscription)

        def unsubscribe() -> None:
            if subscription in self._subscriptions:
                self._subscriptions.remove(subscription)

        return unsubscribe

    def save(self, settings: Settings) -> frozenset[str]:
        """Write ``settings`` to the file, then adopt them. Raises what the store raises (the
        old settings stay current)."""
        self.store.save(settings)
        return self.adopt(settings)

    def adopt(self, settings: Settings) -> frozenset[str]:
        """``settings`` were written to the file by someone else (the settings dialog): make
        them current and tell the subscribers. Returns the keys that changed."""
        before, self._current = self._current, settings
        changed = frozenset(k for k, v in settings.values.items() if before.values.get(k) != v)
        if not changed:
            return changed
        for subscription in list(self._subscriptions):
            keys = changed if subscription.keys is None else changed & subscription.keys
            if not keys:
                continue
            try:
                subscription.listener(settings, keys)
            except Exception:  # one broken listener must not keep the others stale
                log.exception("a settings listener failed for %s", sorted(keys))
        return changed


def restart_notes(changed: Iterable[str]) -> list[Message]:
    """Why some of the ``changed`` options apply only after a restart, one sentence each."""
    return [NEEDS_RESTART[key] for key in sorted(set(changed)) if key in NEEDS_RESTART]
