"""The 4x6 PDF label: addresses readable, tracking barcode scanning back to what it encodes."""

from __future__ import annotations

import io

import pypdf
import pytest
import zxingcpp

from fulfillment_station.domain.models import Shipment
from fulfillment_station.printing.errors import DocumentError
from fulfillment_station.printing.label_pdf import render_label_pdf
from fulfillment_station.printing.samples import sample_order, sample_shipment
from fulfillment_station.printing.settings import PrintSettings

from .conftest import decode_barcodes, pdf_pages_text

GS = "\x1d"


def test_label_is_one_4x6_page_with_addresses_and_reference(settings: PrintSettings) -> None:
    order = sample_order("1001", customer="Юлия Γιώργος 王小明")
    pdf = render_label_pdf(order, sample_shipment(), settings)
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages
    assert len(page) == 1
    assert (float(page[0].mediabox.width), float(page[0].mediabox.height)) == (288.0, 432.0)
    (text,) = pdf_pages_text(pdf)
    for expected in (
        "Юлия Γιώργος 王小明",
        "1600 Amphitheatre Pkwy",
        "MOUNTAIN VIEW, CA 94043",
        "Fulfillment Station Demo Store",
        "12 Harbour Road",
        "USPS",
        "Priority Mail",
        "Order 1001",
        "Weight: 2.8 lb",  # 0.8x1 + 0.25x2 + 0.3x3 + 0.6x1
    ):
        assert expected in text


def test_usps_tracking_is_gs1_128_with_420_and_zip(settings: PrintSettings) -> None:
    pdf = render_label_pdf(sample_order(), sample_shipment("USPS"), settings)
    (code,) = decode_barcodes(pdf)
    assert code.content_type == zxingcpp.ContentType.GS1
    assert code.symbology_identifier == "]C1"
    assert code.text == "420" + "94043" + GS + "9400111899223100012345"


def test_usps_zip_plus_four_goes_into_the_420(settings: PrintSettings) -> None:
    order = sample_order()
    assert order.ship_to is not None
    order = order.model_copy(
        update={"ship_to": order.ship_to.model_copy(update={"postal_code": "94043-1351"})}
    )
    (code,) = decode_barcodes(render_label_pdf(order, sample_shipment("usps"), settings))
    assert code.text == "420940431351" + GS + "9400111899223100012345"


@pytest.mark.parametrize(
    ("carrier", "tracking", "country"),
    [
        ("UPS", "1Z999AA10123456784", "US"),
        ("FedEx", "123456789012", "US"),
        ("USPS", "EA123456789US", "US"),  # international USPS numbers are not GS1
        ("USPS", "9400111899223100012345", "DE"),  # no US ZIP to route on
    ],
)
def test_other_tracking_is_plain_code128(
    settings: PrintSettings, carrier: str, tracking: str, country: str
) -> None:
    order = sample_order(country=country)
    pdf = render_label_pdf(order, sample_shipment(carrier, tracking), settings)
    (code,) = decode_barcodes(pdf)
    assert code.format == zxingcpp.BarcodeFormat.Code128
    assert code.content_type != zxingcpp.ContentType.GS1
    assert code.text == tracking


def test_label_without_tracking_says_so(settings: PrintSettings) -> None:
    pdf = render_label_pdf(sample_order(), Shipment(carrier="Local courier"), settings)
    assert decode_barcodes(pdf) == []
    assert "NO TRACKING NUMBER" in pdf_pages_text(pdf)[0]


def test_hostile_name_prints_literally_on_the_pdf_label(settings: PrintSettings) -> None:
    hostile = "^XZ~JA <b>x</b> & Co"
    pdf = render_label_pdf(sample_order(customer=hostile), sample_shipment(), settings)
    assert hostile in pdf_pages_text(pdf)[0]


def test_missing_address_or_bad_tracking_is_a_clear_error(settings: PrintSettings) -> None:
    order = sample_order("55")
    with pytest.raises(DocumentError, match="no shipping address"):
        render_label_pdf(order.model_copy(update={"ship_to": None}), sample_shipment(), settings)
    with pytest.raises(DocumentError, match="barcode cannot carry"):
        render_label_pdf(order, sample_shipment("UPS", "1Z^XZ"), settings)


def test_label_names_the_carrier_as_a_customer_reads_it(settings: PrintSettings) -> None:
    shipment = sample_shipment("ups", "1Z999AA10123456784")
    (text,) = pdf_pages_text(render_label_pdf(sample_order("1001"), shipment, settings))
    assert "UPS Ground" in text
    assert "UPS TRACKING # 1Z999AA10123456784" in text
    assert "ups" not in text
