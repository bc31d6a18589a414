"""ZPL labels: structure, bounds at both resolutions, and untrusted text kept harmless."""

from __future__ import annotations

import re

import pytest

from fulfillment_station.printing.label_content import label_content
from fulfillment_station.printing.samples import sample_order, sample_shipment
from fulfillment_station.printing.settings import PrintSettings
from fulfillment_station.printing.zpl import render_label_zpl, zpl_escape

SIZES = {203: (812, 1218), 300: (1200, 1800)}
HOSTILE = "^XZ~JA <b> & Ünïcødé Юлия 王_"


def field_data(zpl: str) -> list[str]:
    return re.findall(r"\^FD(.*?)\^FS", zpl, flags=re.S)


def unescape(data: str) -> str:
    """Undo ^FH_ escaping: _XX is a byte in hex; the result is UTF-8 (^CI28)."""
    raw = bytearray()
    i = 0
    while i < len(data):
        if data[i] == "_":
            raw.append(int(data[i + 1 : i + 3], 16))
            i += 3
        else:
            raw += data[i].encode("ascii")
            i += 1
    return raw.decode("utf-8")


@pytest.mark.parametrize("dpi", [203, 300])
def test_one_label_per_job_and_every_field_inside_4x6(settings: PrintSettings, dpi: int) -> None:
    zpl = render_label_zpl(sample_order(customer=HOSTILE), sample_shipment(), settings, dpi=dpi)
    width, height = SIZES[dpi]

    assert zpl.count("^XA") == 1 and zpl.count("^XZ") == 1
    assert zpl.lstrip().startswith("^XA") and zpl.rstrip().endswith("^XZ")
    assert f"^PW{width}" in zpl and f"^LL{height}" in zpl
    origins = [(int(x), int(y)) for x, y in re.findall(r"\^FO(\d+),(\d+)", zpl)]
    assert len(origins) > 10
    for x, y in origins:
        assert 0 <= x < width and 0 <= y < height
    # Field blocks and boxes end inside the label too.
    for x, _y, w in re.findall(r"\^FO(\d+),(\d+)\^A0N,\d+,\d+\^FB(\d+)", zpl):
        assert int(x) + int(w) <= width
    for x, y, w, h in re.findall(r"\^FO(\d+),(\d+)\^GB(\d+),(\d+)", zpl):
        assert int(x) + int(w) <= width and int(y) + int(h) <= height


def test_hostile_name_cannot_break_the_label_or_the_printer(settings: PrintSettings) -> None:
    zpl = render_label_zpl(sample_order(customer=HOSTILE), sample_shipment(), settings)

    assert "~" not in zpl  # no tilde command can reach the printer
    assert zpl.count("^XZ") == 1
    assert "^CI28" in zpl
    for data in field_data(zpl):
        assert "^" not in data and "~" not in data
    texts = re.findall(r"\^FH_\^FD(.*?)\^FS", zpl)
    assert HOSTILE in [unescape(t) for t in texts]
    # Every text field is hex-escaped; the only unescaped ^FD is the barcode.
    assert len(texts) == len(field_data(zpl)) - 1


def test_text_fields_round_trip(settings: PrintSettings) -> None:
    order = sample_order("#A_1", customer="Zoë Ñandú")
    zpl = render_label_zpl(order, sample_shipment(), settings)
    texts = [unescape(t) for t in re.findall(r"\^FH_\^FD(.*?)\^FS", zpl)]
    content = label_content(order, sample_shipment(), settings)
    for line in (*content.to_lines, *content.from_lines, "Order #A_1"):
        assert line in texts


def test_escape_keeps_only_safe_ascii() -> None:
    assert zpl_escape("^XZ~JA_") == "_5EXZ_7EJA_5F"
    assert zpl_escape("é") == "_C3_A9"
    assert zpl_escape("a\nb\x00c") == "a b c"


def test_usps_barcode_is_gs1_with_420_zip_then_tracking(settings: PrintSettings) -> None:
    zpl = render_label_zpl(sample_order(), sample_shipment(), settings)
    # Mode N: >; starts subset C, >8 is FNC1; 420+ZIP and the tracking are even digit runs.
    assert "^BCN,193,N,N,N,N^FD>;>842094043>89400111899223100012345^FS" in zpl


def test_odd_digit_run_finishes_in_subset_b(settings: PrintSettings) -> None:
    zpl = render_label_zpl(
        sample_order(), sample_shipment("USPS", "940011189922310001234"), settings
    )
    assert "^FD>;>842094043>894001118992231000123>64^FS" in zpl


def test_other_carriers_use_plain_code128(settings: PrintSettings) -> None:
    zpl = render_label_zpl(sample_order(), sample_shipment("UPS", "1Z999AA10123456784"), settings)
    assert re.search(r"\^BCN,\d+,N,N,N,A\^FD1Z999AA10123456784\^FS", zpl)


def test_dpi_defaults_to_the_settings(settings: PrintSettings) -> None:
    from dataclasses import replace

    zpl = render_label_zpl(sample_order(), sample_shipment(), replace(settings, label_dpi=300))
    assert "^PW1200" in zpl


def test_very_long_lines_are_shortened_not_run_off_the_label(settings: PrintSettings) -> None:
    name = "Bartholomew " * 30
    zpl = render_label_zpl(sample_order(customer=name), sample_shipment(), settings)
    (field,) = [unescape(t) for t in re.findall(r"\^FH_\^FD(.*?)\^FS", zpl) if "Bartholomew" in t]
    assert field.startswith("Bartholomew Bartholomew") and field.endswith("...")
    assert len(field) < len(name) / 2
