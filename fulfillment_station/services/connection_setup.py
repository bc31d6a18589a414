"""Setting a desk up with a store: what the connection dialog and the first-run wizard ask for,
as typed functions without Qt.

* :func:`judge_base_url` — the HTTPS rule (``connectors.http.check_base_url``: https, or
  plain http only to this computer) as a :class:`UrlVerdict` holding the packer's one sentence,
  so no screen has to catch the connector's exception.
* :func:`save_connection` — a profile to the settings file and its token to the keyring (a
  token is never written anywhere else), answered as :data:`SaveOutcome`: saved, no usable
  keyring (and whether keeping the token in a user-only file may be offered), or the disk
  refused.
* :func:`keep_tokens_in_file` — the explicit opt-in to that file, called only after the
  person accepted :data:`TOKEN_FILE_RISK`.
* :func:`is_first_run` / :func:`remember_first_run` — whether the first-run wizard is due, and
  that it was answered.

The keyring may wait (an unlock prompt) and the settings file is on disk; the dialogs call
these from their OK buttons on purpose (the modal dialog has nothing else to do until it
knows, and its tests rely on the answer being there when OK returns).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from fulfillment_station.connectors.errors import InsecureConnection
from fulfillment_station.connectors.http import check_base_url
from fulfillment_station.store.secrets import (
    TOKEN_FILE_RISK,
    NoKeyringError,
    TokenStore,
    enable_token_file,
)
from fulfillment_station.store.settings import ConnectionProfile, SettingsStore

log = logging.getLogger(__name__)

__all__ = [
    "TOKEN_FILE_RISK",
    "ConnectionForm",
    "ConnectionSaved",
    "KeyringUnavailable",
    "NotWritten",
    "SaveOutcome",
    "UrlVerdict",
    "is_first_run",
    "judge_base_url",
    "keep_tokens_in_file",
    "remember_first_run",
    "save_connection",
    "shown_host",
]


@dataclass(frozen=True)
class UrlVerdict:
    """What the HTTPS rule says of one base URL: its host when it may be used, otherwise the
    sentence (a translatable ``Message``) that says why not."""

    base_url: str
    host: str = ""
    problem: str | None = None

    @property
    def accepted(self) -> bool:
        return self.problem is None


def judge_base_url(base_url: str) -> UrlVerdict:
    """https to anywhere, plain http only to this computer (the sandbox); nothing is sent."""
    try:
        parsed = check_base_url(base_url)
    except InsecureConnection as exc:
        return UrlVerdict(base_url, problem=exc.user_message)
    return UrlVerdict(base_url, host=parsed.host)


def shown_host(base_url: str) -> str:
    """The host a connection is listed by, or the whole address when it is not a usable one."""
    verdict = judge_base_url(base_url)
    return verdict.host if verdict.accepted else base_url


@dataclass(frozen=True)
class ConnectionForm:
    """What the connection dialog holds when OK is pressed (already stripped). ``token`` is
    empty when an edited connection keeps the token it has."""

    label: str
    dialect: str
    base_url: str
    token: str
    ca_bundle: str | None = None
    document_language: str = ""


@dataclass(frozen=True)
class ConnectionSaved:
    """The profile now in the settings file (its token, if one was typed, in the keyring)."""

    profile: ConnectionProfile


@dataclass(frozen=True)
class KeyringUnavailable:
    """No safe place for the token: nothing was saved. ``message`` says what to do;
    ``file_offered`` is True when there is no keyring at all (not merely a locked one), the
    one case where the user-only token file may be offered."""

    message: str
    file_offered: bool


@dataclass(frozen=True)
class NotWritten:
    """The disk refused (the operating system's words in ``error``)."""

    error: str


SaveOutcome = ConnectionSaved | KeyringUnavailable | NotWritten


def _os_words(exc: OSError) -> str:
    return str(exc.strerror or exc)


def save_connection(
    settings_store: SettingsStore,
    tokens: TokenStore,
    form: ConnectionForm,
    *,
    profile_id: str | None = None,
) -> SaveOutcome:
    """Save ``form`` as the connection ``profile_id`` (a new one when ``None``): the token
    first, so a profile is never saved whose token has nowhere to go."""
    profile = ConnectionProfile(
        profile_id or ConnectionProfile.new_id(),
        form.label,
        form.dialect,
        form.base_url,
        form.ca_bundle,
        document_language=form.document_language,
    )
    try:
        if form.token:
            tokens.set(profile.id, form.token)
        settings_store.update(lambda settings: settings.with_profile(profile))
    except NoKeyringError as exc:
        return KeyringUnavailable(
            exc.user_message, file_offered=exc.user_message == NoKeyringError.NO_BACKEND
        )
    except OSError as exc:
        return NotWritten(_os_words(exc))
    log.info("connection %s saved (%s at %s)", profile.id, form.dialect, shown_host(form.base_url))
    return ConnectionSaved(profile)


def keep_tokens_in_file(tokens: TokenStore) -> NotWritten | None:
    """The explicit, informed choice to keep tokens in a user-only file next to where
    ``tokens`` looks for it; ``None`` when the file is there now."""
    try:
        enable_token_file(tokens.token_file.parent)
    except OSError as exc:
        return NotWritten(_os_words(exc))
    return None


def is_first_run(settings_store: SettingsStore) -> bool:
    """True until the desk has a settings file: the first-run wizard is due."""
    return not settings_store.path.exists()


def remember_first_run(settings_store: SettingsStore) -> None:
    """Write the settings as they are, so the first-run wizard is not asked again."""
    settings_store.save(settings_store.load())
