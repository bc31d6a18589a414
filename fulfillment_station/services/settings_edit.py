"""Editing the settings as the settings dialog asks for it, as typed functions without Qt:
the values of a form checked against the option table (:func:`apply_form_values`), every
connection's address against the HTTPS rule (:func:`refused_connection`), and the file
written with the tokens of removed connections forgotten (:func:`save_settings`).

Saving runs from the dialog's OK button on purpose: the modal dialog closes only once the file
is written, and says why when it is not.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from fulfillment_station.services.connection_setup import NotWritten, judge_base_url
from fulfillment_station.store.secrets import NoKeyringError, TokenStore
from fulfillment_station.store.settings import (
    ConnectionProfile,
    Settings,
    SettingsError,
    SettingsStore,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FieldProblem:
    """The first option whose value cannot be used (``key``) and the sentence saying why."""

    key: str
    message: str


def apply_form_values(
    settings: Settings, values: Iterable[tuple[str, object]]
) -> Settings | FieldProblem:
    """``settings`` with each (option key, value) of a form, in the form's order; the first
    value the option table refuses stops there."""
    for key, value in values:
        try:
            settings = settings.replace({key: value})
        except SettingsError as exc:
            return FieldProblem(key, str(exc))
    return settings


@dataclass(frozen=True)
class ConnectionProblem:
    """A connection whose address breaks the HTTPS rule, and the rule's sentence."""

    profile: ConnectionProfile
    message: str


def refused_connection(profiles: Iterable[ConnectionProfile]) -> ConnectionProblem | None:
    """The first of ``profiles`` whose base URL may not be used (a hand-edited file can hold
    one), or ``None`` when all may."""
    for profile in profiles:
        verdict = judge_base_url(profile.base_url)
        if verdict.problem is not None:
            return ConnectionProblem(profile, verdict.problem)
    return None


def save_settings(
    settings_store: SettingsStore,
    tokens: TokenStore,
    settings: Settings,
    removed: Iterable[str] = (),
) -> NotWritten | None:
    """Write ``settings``; then forget the tokens of the ``removed`` connection ids (a keyring
    that cannot be reached leaves them there, logged: the settings are saved all the same).
    ``None`` when the file is written."""
    try:
        settings_store.save(settings)
    except OSError as exc:
        return NotWritten(str(exc.strerror or exc))
    for profile_id in removed:
        try:
            tokens.delete(profile_id)
        except NoKeyringError as exc:
            log.warning(
                "token of removed connection %s not deleted: %s", profile_id, exc.user_message
            )
    return None
