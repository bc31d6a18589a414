"""Paperwork a customer reads: quantities that never break apart, the document's own words in
the store's document language, labels that never say "Shipped: -" and never leave the desk
without a sender."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime

import pypdf
import pytest

from fulfillment_station.domain.models import Address, Order, Shipment
from fulfillment_station.printing.doc_text import translator
from fulfillment_station.printing.errors import DocumentError
from fulfillment_station.printing.label_content import label_content
from fulfillment_station.printing.label_pdf import render_label_pdf
from fulfillment_station.printing.samples import sample_order, sample_settings
from fulfillment_station.printing.slip import render_slip
from fulfillment_station.printing.zpl import render_label_zpl

from .conftest import pdf_pages_text


def partly_sent(order: Order, sent: int) -> Order:
    lines = [
        line.model_copy(
            update={"quantity": max(line.quantity, sent + 1), "quantity_fulfilled": sent}
        )
        for line in order.lines
    ]
    return order.model_copy(update={"lines": lines})


@pytest.mark.parametrize("page_size", ["letter", "a4", "4x6"])
@pytest.mark.parametrize(
    ("language", "sent"),
    [
        ("en", "(1 sent)"),
        ("en", "(12 sent)"),
        ("es", "(1 enviado(s))"),
        ("pt_BR", "(1 enviado(s))"),
    ],
)
def test_a_partly_sent_quantity_is_printed_in_one_piece(
    page_size: str, language: str, sent: str
) -> None:
    count = int(sent.strip("(").split()[0])
    order = partly_sent(sample_order("1001", lines=3), count)
    pdf = render_slip(order, sample_settings(page_size, document_language=language))  # type: ignore[arg-type]
    # Text lines as laid out on the page: a wrapped cell comes back as two lines.
    lines = [
        line
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages
        for line in page.extract_text().splitlines()
    ]
    assert sum(sent in line for line in lines) == 3, lines


def test_a_spanish_store_gets_a_spanish_slip_whatever_the_screen_says() -> None:
    order = sample_order("1001", lines=2, notes="Dejar en la puerta.")
    text = " ".join(pdf_pages_text(render_slip(order, sample_settings(document_language="es"))))
    for spanish in (
        "Enviar a",
        "Facturar a",
        "Albarán",
        "Pedido 1001",
        "Página 1 de 1",
        "Artículo",
        "Subtotal",
        "Envío",
        "Notas",
    ):
        assert spanish in text
    for english in ("Ship to", "Bill to", "Packing slip", "Page 1 of 1", "Shipping"):
        assert english not in text


def test_an_unknown_document_language_prints_english() -> None:
    t = translator("xx")
    assert t("Ship to") == "Ship to"
    assert translator("es_ES")("Ship to") == "Enviar a"  # a region falls back to its language


def shipment(**fields: object) -> Shipment:
    values: dict[str, object] = {"carrier": "ups", "tracking_number": "1Z999AA10123456784"}
    values.update(fields)
    return Shipment(**values)  # type: ignore[arg-type]


def test_a_label_without_a_ship_date_says_when_it_was_printed() -> None:
    content = label_content(
        sample_order("1001"), shipment(), sample_settings(), today=date(2026, 12, 4)
    )
    assert content.date_text == "Printed: 2026-12-04"
    zpl = render_label_zpl(sample_order("1001"), shipment(), sample_settings())
    assert "Shipped: -" not in zpl and "Printed: " in zpl
    dated = label_content(
        sample_order("1001"),
        shipment(shipped_at=datetime(2026, 12, 3, 9, tzinfo=UTC)),
        sample_settings(),
    )
    assert dated.date_text == "Shipped: 2026-12-03"
    text = " ".join(
        pdf_pages_text(render_label_pdf(sample_order("1001"), shipment(), sample_settings()))
    )
    assert "Shipped: -" not in text and "Printed: " in text


def test_a_spanish_label_speaks_spanish() -> None:
    settings = sample_settings(document_language="es")
    text = " ".join(pdf_pages_text(render_label_pdf(sample_order("1001"), shipment(), settings)))
    for spanish in ("REMITENTE:", "DESTINATARIO:", "SEGUIMIENTO UPS", "Pedido 1001", "Impreso:"):
        assert spanish in text
    assert "SHIP TO" not in text and "FROM:" not in text


@pytest.mark.parametrize(
    "return_address",
    [
        Address(),  # nothing set up
        Address(name="Fulfillment Station"),  # the app's own name is no sender
        Address(name="Harbour Teas", line1="12 Harbour Road", city="Portland"),  # no country
    ],
)
def test_no_label_without_a_real_sender_and_the_packer_is_told_where_to_set_it(
    return_address: Address,
) -> None:
    settings = sample_settings(store_name="", return_address=return_address)
    with pytest.raises(DocumentError) as caught:
        render_label_zpl(sample_order("1001"), shipment(), settings)
    assert "Settings → Station" in caught.value.message
    with pytest.raises(DocumentError):
        render_label_pdf(sample_order("1001"), shipment(), settings)


def test_the_store_name_stands_in_for_the_senders_name() -> None:
    address = Address(
        line1="12 Harbour Road", city="Portland", region="OR", postal_code="97201", country="US"
    )
    content = label_content(
        sample_order("1001"),
        shipment(),
        sample_settings(store_name="Harbour Teas", return_address=address),
    )
    assert content.from_lines[0] == "Harbour Teas"


def test_yen_are_printed_without_decimals() -> None:
    from decimal import Decimal

    from fulfillment_station.printing.slip import money

    assert money(Decimal("1300"), "JPY") == "¥1,300"
    assert money(Decimal("12.5"), "EUR") == "€12.50"


def test_training_prints_a_plain_practice_sender_and_a_real_store_does_not() -> None:
    from fulfillment_station.services.print_service import TRAINING_SENDER, print_settings_from
    from fulfillment_station.store.settings import Settings

    training = print_settings_from(Settings.defaults())
    assert training.return_address == TRAINING_SENDER
    zpl = render_label_zpl(sample_order("1001"), shipment(), training)
    assert "TRAINING" in zpl
    real = Settings.defaults().replace({"connections.active": "shop-1"})
    with pytest.raises(DocumentError):
        render_label_zpl(sample_order("1001"), shipment(), print_settings_from(real))
