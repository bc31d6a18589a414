"""Domain errors: one base class, each carrying the field it is about."""

from __future__ import annotations


class DomainError(ValueError):
    """A rule of the order model or workflow was broken. ``field`` names what was wrong."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


class InvalidTransition(DomainError):
    """The order may not move from its status to the requested one."""


class NotShippable(DomainError):
    """The requested shipment does not fit what the order still needs."""
