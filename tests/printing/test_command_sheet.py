"""The command sheet: every pack-mode command prints as a Code 128 a scanner reads back to the
exact payload pack mode acts on."""

from __future__ import annotations

import pytest
import zxingcpp

from fulfillment_station.printing.command_sheet import render_command_sheet
from fulfillment_station.services.pack_session import (
    PackCommand,
    command_sheet_entries,
    parse_command,
)
from tests.printing.conftest import decode_barcodes, pdf_pages_text


def test_every_command_decodes_back_from_the_printed_page():
    pdf = render_command_sheet(command_sheet_entries(), page_size="a4")
    codes = decode_barcodes(pdf)
    assert {c.format for c in codes} == {zxingcpp.BarcodeFormat.Code128}
    assert {parse_command(c.text) for c in codes} == set(PackCommand)
    text = pdf_pages_text(pdf)[0]
    assert "Undo last scan" in text
    assert "Ctrl+Z" in text


def test_many_entries_flow_onto_more_pages():
    entries = [(f"*FSCMD:T{i}", f"Test {i}", "x") for i in range(30)]
    pdf = render_command_sheet(entries)
    assert len(pdf_pages_text(pdf)) > 1
    assert {c.text for c in decode_barcodes(pdf, page=1)} <= {e[0] for e in entries}


def test_a_payload_code128_cannot_carry_is_refused():
    with pytest.raises(ValueError, match="cannot be printed"):
        render_command_sheet([("*FSCMD:ÜBER", "Bad", "x")])
