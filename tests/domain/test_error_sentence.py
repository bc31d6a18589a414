"""Every failure reaches the packer as one sentence made the same way (pack mode, the order
actions, the shift report, the headless driver): the error's own sentence where it was written
for the packer, else a plain "something went wrong" whose details are in the log."""

from __future__ import annotations

import sqlite3

from fulfillment_station.connectors.errors import ConnectorError
from fulfillment_station.domain.errors import NotShippable
from fulfillment_station.domain.messages import SOMETHING_WENT_WRONG, Message, error_sentence
from fulfillment_station.hardware.scale import ScaleError
from fulfillment_station.store.db import DiskFull, StoreError


def test_an_api_error_shows_its_sentence_for_the_packer_not_the_api_text() -> None:
    exc = ConnectorError(
        "HTTP 422 {'detail': 'bad'}", user_message="The store refused the tracking number."
    )
    assert error_sentence(exc) == "The store refused the tracking number."


def test_domain_scale_and_store_errors_show_their_own_sentence() -> None:
    assert error_sentence(NotShippable("Order 1001 is cancelled.")) == "Order 1001 is cancelled."
    assert (
        error_sentence(ScaleError("The scale is not answering.")) == "The scale is not answering."
    )
    full = DiskFull("No room left on the disk in /data: free some space.")
    assert error_sentence(full) == "No room left on the disk in /data: free some space."
    assert isinstance(full, StoreError)


def test_a_message_stays_a_message_so_the_desk_can_translate_it() -> None:
    template = Message("PackSession", "Wrong item: {scan}.")
    said = error_sentence(NotShippable(template.format(scan="123")))
    assert isinstance(said, Message) and said.template == "Wrong item: {scan}."


def test_an_error_with_no_sentence_of_its_own_says_so_plainly() -> None:
    said = error_sentence(sqlite3.OperationalError("database is locked"))
    assert said == "Something went wrong: database is locked. The details are in the log."
    assert isinstance(said, Message) and said.template == SOMETHING_WENT_WRONG.template
    assert error_sentence(RuntimeError()) == (
        "Something went wrong: RuntimeError. The details are in the log."
    )
