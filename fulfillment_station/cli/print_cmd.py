"""``fulfillment-station print slip|label ID ...``: render an order's packing slip (PDF) or
label (PDF or ZPL) to a file, fetching the order through any connection. Where the store sold
a label for the order's shipment (Price2b), ``print label`` writes that label; elsewhere it
draws the app's address label, which is marked NO POSTAGE."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from fulfillment_station.cli.common import CliError, add_connection_args
from fulfillment_station.cli.connection import open_connector, saved_profile
from fulfillment_station.connectors.errors import NotFound
from fulfillment_station.domain import Address, Order, Shipment
from fulfillment_station.printing import (
    PAGE_SIZES,
    PrintingError,
    PrintSettings,
    render_label_pdf,
    render_label_zpl,
    render_slip,
)
from fulfillment_station.printing.label_raster import label_for_printer
from fulfillment_station.services.print_service import document_language
from fulfillment_station.services.store_labels import (
    fetch_store_label,
    latest_labelled_shipment,
    sells_labels,
)
from fulfillment_station.store.settings import DOCUMENT_LANGUAGES, SettingsStore


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    printing = sub.add_parser("print", help="render a packing slip or shipping label to a file")
    psub = printing.add_subparsers(dest="print_command", metavar="DOCUMENT", required=True)

    p = psub.add_parser("slip", help="packing slip as PDF")
    p.add_argument("id")
    add_connection_args(p)
    p.add_argument("--out", required=True, help="PDF file to write")
    p.add_argument("--page-size", choices=list(PAGE_SIZES), default="letter")
    _add_store_args(p)
    p.set_defaults(handler=cmd_slip)

    p = psub.add_parser("label", help="4x6 shipping label as PDF or ZPL")
    p.add_argument("id")
    add_connection_args(p)
    p.add_argument("--format", choices=("pdf", "zpl"), required=True)
    p.add_argument("--out", required=True, help="file to write")
    p.add_argument("--dpi", type=int, choices=(203, 300), default=203, help="ZPL printer dpi")
    p.add_argument("--carrier", help="label a new shipment (default: the order's last one)")
    p.add_argument("--tracking", help="tracking number of that shipment")
    p.add_argument("--service", help="carrier service")
    _add_store_args(p)
    p.set_defaults(handler=cmd_label)


def _add_store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store-name", default="", help="store name printed on the document")
    # A label needs a sender a carrier can return the parcel to (printing refuses without).
    for name, text in (
        ("name", "name"),
        ("line1", "street"),
        ("city", "city"),
        ("postal-code", "postal code"),
        ("region", "state or region"),
        ("country", "country code, e.g. US"),
    ):
        p.add_argument(f"--from-{name}", default="", help=f"ship-from (return) {text}")
    p.add_argument(
        "--language",
        choices=[code for code, _name in DOCUMENT_LANGUAGES if code],
        help="language of the document's own words (default: the one chosen for the saved "
        "--connection in the app, else English)",
    )


def _settings(args: argparse.Namespace, page_size: str = "letter") -> PrintSettings:
    address = Address(
        name=args.from_name or args.store_name,
        line1=args.from_line1,
        city=args.from_city,
        postal_code=args.from_postal_code or None,
        region=args.from_region or None,
        country=args.from_country,
    )
    return PrintSettings(
        store_name=args.store_name,
        return_address=address,
        page_size=page_size,  # type: ignore[arg-type]
        label_dpi=getattr(args, "dpi", 203),
        document_language=_language(args),
    )


def _language(args: argparse.Namespace) -> str:
    """``--language``, else the saved connection's document language (which defaults to the
    app's language), else English."""
    if args.language:
        return str(args.language)
    name = getattr(args, "connection", None)
    if not name:
        return "en"
    saved = SettingsStore().load()
    profile = saved_profile(saved, name)
    return document_language(saved, profile.id) if profile is not None else "en"


def _fetch(args: argparse.Namespace) -> Order:
    with open_connector(args) as connector:
        return connector.get_order(args.id)


def _write(path_text: str, data: bytes) -> None:
    path = Path(path_text)
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise CliError(f"cannot write {path}: the folder {folder} does not exist")
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise CliError(f"cannot write {path}: {exc.strerror}") from None


def cmd_slip(args: argparse.Namespace) -> int:
    order = _fetch(args)
    try:
        pdf = render_slip(order, _settings(args, args.page_size))
    except PrintingError as exc:
        raise CliError(str(exc)) from None
    _write(args.out, pdf)
    print(f"Packing slip for order {order.number} written to {args.out}")
    return 0


def _store_label(args: argparse.Namespace) -> tuple[Order, bytes | None]:
    """The order, and the label its store sold for its newest shipment (None where the store
    sells no labels or this shipment has none)."""
    with open_connector(args) as connector:
        order = connector.get_order(args.id)
        shipment = latest_labelled_shipment(order)
        if args.carrier or not sells_labels(connector.capabilities) or shipment is None:
            return order, None
        try:
            return order, fetch_store_label(connector, shipment)
        except NotFound:
            return order, None  # shipped outside the store (a fulfillment): no label there


def cmd_label(args: argparse.Namespace) -> int:
    if bool(args.carrier) != bool(args.tracking):
        raise CliError("give --carrier and --tracking together, or neither")
    order, sold = _store_label(args)
    if sold is not None:
        # The store's own label, byte for byte (a faithful ZPL graphic for --format zpl).
        try:
            data, fmt = label_for_printer(sold, args.format, args.dpi)
        except PrintingError as exc:
            raise CliError(str(exc)) from None
        _write(args.out, data)
        print(
            f"The label the store sold for order {order.number} written to {args.out} "
            f"({fmt.upper()})"
        )
        return 0
    if args.carrier:
        shipment = Shipment(
            carrier=args.carrier, tracking_number=args.tracking, service=args.service
        )
    elif order.shipments:
        shipment = order.shipments[-1]
    else:
        raise CliError(
            f"order {order.number} has no shipment yet: ship it first, or pass "
            "--carrier and --tracking"
        )
    if order.ship_to is None:
        raise CliError(f"order {order.number} has no ship-to address; no label can be printed")
    settings = _settings(args)
    try:
        if args.format == "pdf":
            data = render_label_pdf(order, shipment, settings)
        else:
            data = render_label_zpl(order, shipment, settings, dpi=args.dpi).encode("utf-8")
    except PrintingError as exc:
        hint = (
            " On the command line: --from-name, --from-line1, --from-city, --from-country."
            if "ship-from" in exc.message
            else ""
        )
        raise CliError(str(exc) + hint) from None
    _write(args.out, data)
    print(
        f"{args.format.upper()} address label (NO POSTAGE) for order {order.number} "
        f"({shipment.carrier} {shipment.tracking_number or ''}) written to {args.out}"
    )
    return 0
