"""Addresses in each country's own order, as its post reads them, on slips and labels."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fulfillment_station.domain.models import Address
from fulfillment_station.printing.postal import country_code, country_name, format_address
from fulfillment_station.printing.samples import sample_order, sample_settings
from fulfillment_station.printing.slip import render_slip

from .conftest import pdf_pages_text

CASES = [
    (
        Address(
            name="John Doe",
            line1="1600 Amphitheatre Pkwy",
            line2="Apt 5",
            city="Mountain View",
            region="CA",
            postal_code="94043",
            country="US",
        ),
        ("John Doe", "1600 Amphitheatre Pkwy", "Apt 5", "MOUNTAIN VIEW, CA 94043", "United States"),
    ),
    (
        Address(
            name="Max Mustermann",
            company="Muster GmbH",
            line1="Marienplatz 1",
            city="München",
            region="BY",
            postal_code="80331",
            country="DE",
        ),
        ("Max Mustermann", "Muster GmbH", "Marienplatz 1", "80331 MÜNCHEN", "Germany"),
    ),
    (
        # Japan: postcode first under 〒, prefecture, then the city with the street, the name last.
        Address(
            name="山田太郎",
            line1="丸の内1-1",
            city="千代田区",
            region="東京都",
            postal_code="100-0005",
            country="JP",
        ),
        ("〒100-0005", "東京都", "千代田区", "丸の内1-1", "山田太郎", "Japan"),
    ),
    (
        Address(
            name="João Silva",
            line1="Av. Paulista, 1000",
            line2="Bela Vista",
            city="São Paulo",
            region="SP",
            postal_code="01310-100",
            country="BR",
        ),
        ("João Silva", "Av. Paulista, 1000", "Bela Vista", "SÃO PAULO-SP", "01310-100", "Brazil"),
    ),
    (
        Address(
            name="Jane Smith",
            line1="10 Downing Street",
            city="London",
            postal_code="SW1A 2AA",
            country="GB",
        ),
        ("Jane Smith", "10 Downing Street", "LONDON", "SW1A 2AA", "United Kingdom"),
    ),
    (
        Address(
            name="Juan Pérez",
            line1="Av. Corrientes 1234",
            city="Buenos Aires",
            region="C",
            postal_code="C1043AAZ",
            country="AR",
        ),
        ("Juan Pérez", "AV. CORRIENTES 1234", "C1043AAZ BUENOS AIRES", "C", "Argentina"),
    ),
]


@pytest.mark.parametrize(("address", "expected"), CASES, ids=[c[0].country for c in CASES])
def test_each_country_in_its_posts_order(address: Address, expected: tuple[str, ...]) -> None:
    assert format_address(address) == expected


def test_country_named_in_the_documents_language() -> None:
    munich = CASES[1][0]
    assert format_address(munich, language="es")[-1] == "Alemania"
    assert format_address(munich, language="pt_BR")[-1] == "Alemanha"
    assert country_name("DE", "ja") == "ドイツ"
    # A language Babel does not know falls back to English, never to the bare code.
    assert country_name("DE", "xx") == "Germany"


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("US", "US"),
        ("us", "US"),
        ("USA", "US"),
        ("United States", "US"),
        ("germany", "DE"),
        ("UK", "GB"),
        ("Brasil", None),
        ("", None),
        ("ZZ", None),
    ],
)
def test_country_as_stores_write_it(written: str, code: str | None) -> None:
    assert country_code(written) == code


def test_unknown_country_keeps_every_field() -> None:
    address = Address(
        name="A. Person",
        line1="1 Road",
        city="Town",
        region="Reg",
        postal_code="123",
        country="Atlantis",
    )
    assert format_address(address) == ("A. Person", "1 Road", "Town Reg 123", "Atlantis")


def test_slip_prints_a_german_address_in_german_order_named_in_spanish() -> None:
    order = sample_order("1001").model_copy(update={"ship_to": CASES[1][0]})
    pdf = render_slip(order, replace(sample_settings("a4"), document_language="es"))
    text = " ".join(pdf_pages_text(pdf))
    assert "Marienplatz 1 80331 MÜNCHEN Alemania" in text


@pytest.mark.parametrize(
    ("language", "total"),
    [
        ("en", "€1,234.50"),
        ("es", "1.234,50\xa0€"),
        ("de", "1.234,50\xa0€"),
        ("pt_BR", "€\xa01.234,50"),
    ],
)
def test_slip_amounts_read_as_the_documents_language_writes_money(
    language: str, total: str
) -> None:
    """A Spanish slip does not print "€12.50": amounts go through the one money formatter in
    the document's language, like its captions and country names."""
    from decimal import Decimal

    from fulfillment_station.domain.money import format_money

    order = sample_order("1001").model_copy(update={"currency": "EUR", "total": Decimal("1234.50")})
    assert format_money(Decimal("1234.50"), "EUR", language) == total  # the formatter's own
    pdf = render_slip(order, replace(sample_settings("a4"), document_language=language))
    assert total.replace("\xa0", " ") in " ".join(pdf_pages_text(pdf)).replace("\xa0", " ")
