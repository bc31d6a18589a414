"""Errors the printing layer raises; each message is one plain sentence a packer can act on."""

from __future__ import annotations


class PrintingError(Exception):
    """Base class: ``message`` is what the packer is shown."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DocumentError(PrintingError):
    """A slip or label cannot be made from this order or these settings."""


class LabelFormatError(PrintingError):
    """Label bytes from the store are not a PDF, PNG or ZPL file."""


class PrinterError(PrintingError):
    """The printer is missing, refused the job, or failed while printing."""


class BatchCancelled(PrintingError):
    """The packer cancelled a batch; nothing was produced."""
