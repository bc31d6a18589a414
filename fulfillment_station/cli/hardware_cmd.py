"""``fulfillment-station scale read`` and ``fulfillment-station printer status``: setting up a
desk's hardware from a terminal. Without device flags both use what Settings chose."""

from __future__ import annotations

import argparse

from fulfillment_station.cli.common import CliError, print_json
from fulfillment_station.hardware.scale import Scale, ScaleError, read_stable
from fulfillment_station.hardware.serial_scale import PROTOCOLS, SerialScale
from fulfillment_station.store.settings import Settings, SettingsStore

EXIT_CANNOT_PRINT = 1
EXIT_UNKNOWN = 2


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    scale = sub.add_parser("scale", help="read the desk's scale")
    ssub = scale.add_subparsers(dest="scale_command", metavar="ACTION", required=True)
    p = ssub.add_parser("read", help="print the stable weight on the scale and its unit")
    device = p.add_mutually_exclusive_group()
    device.add_argument(
        "--hid", metavar="DEVICE", help="USB HID scale by its device path (see --list)"
    )
    device.add_argument("--serial", metavar="DEVICE", help="serial port, e.g. /dev/ttyUSB0")
    device.add_argument("--list", action="store_true", help="list the scales and ports found")
    p.add_argument(
        "--protocol",
        choices=list(PROTOCOLS),
        default=None,
        help="serial protocol: sics (Mettler Toledo), cas, avery (Weigh-Tronix NCI)",
    )
    p.add_argument("--baud", type=int, default=None, help="serial speed (default 9600)")
    p.add_argument(
        "--timeout", type=float, default=5.0, help="seconds to wait for a stable weight (default 5)"
    )
    p.add_argument("--json", action="store_true", help="print the reading as JSON")
    p.set_defaults(handler=cmd_scale_read)

    printer = sub.add_parser("printer", help="ask a printer whether it can print")
    psub = printer.add_subparsers(dest="printer_command", metavar="ACTION", required=True)
    p = psub.add_parser(
        "status",
        help="the printer's state in plain words; exit 1 when it cannot print, 2 "
        "when it cannot tell",
    )
    p.add_argument(
        "printer",
        metavar="PRINTER",
        help="a printer named in Settings, tcp://host:9100 (asked ~HS), cups:QUEUE or file:/folder",
    )
    p.add_argument("--timeout", type=float, default=3.0, help="seconds to wait for an answer")
    p.add_argument("--json", action="store_true", help="print the state as JSON")
    p.set_defaults(handler=cmd_printer_status)


def _settings() -> Settings:
    return SettingsStore().load()


# -- scale read ------------------------------------------------------------------------------


def _open_scale(args: argparse.Namespace, settings: Settings) -> Scale:
    from fulfillment_station.hardware.hid_scale import HidScale
    from fulfillment_station.services.weighing import open_scale

    if args.hid:
        return HidScale(args.hid)
    if args.serial:
        protocol = args.protocol or settings["scale.protocol"]
        return SerialScale(
            args.serial, protocol, baudrate=args.baud or int(settings["scale.baud_rate"])
        )
    if args.protocol:
        raise CliError("--protocol goes with --serial DEVICE")
    scale = open_scale(settings)
    if scale is None:
        raise CliError(
            "no scale is set up: pass --hid DEVICE or --serial DEVICE --protocol P, "
            "or choose one in Settings → Scale (--list shows what is plugged in)"
        )
    return scale


def _list_devices() -> int:
    from fulfillment_station.hardware.hid_scale import find_hid_scales
    from fulfillment_station.hardware.serial_scale import list_serial_ports

    scales = find_hid_scales()
    ports = list_serial_ports()
    for found in scales:
        print(f"hid     {found.path}  {found.label} ({found.vendor_id:04x}:{found.product_id:04x})")
    for device, description in ports:
        print(f"serial  {device}  {description}")
    if not scales and not ports:
        print("No USB scale or serial port found.")
    return 0


def cmd_scale_read(args: argparse.Namespace) -> int:
    if args.list:
        return _list_devices()
    if args.timeout <= 0 or args.timeout > 600:
        raise CliError("--timeout must be between 0 and 600 seconds")
    settings = _settings()
    try:
        scale = _open_scale(args, settings)
    except ScaleError as exc:
        raise CliError(str(exc.message)) from None
    try:
        reading = read_stable(scale, args.timeout)
    except ScaleError as exc:
        if args.json:
            print_json(
                {
                    "status": exc.status.value if exc.status else "unavailable",
                    "weight": None,
                    "unit": None,
                    "message": str(exc.message),
                }
            )
        raise CliError(str(exc.message)) from None
    finally:
        scale.close()
    weight = reading.stable_weight
    assert weight is not None  # read_stable returns only a stable reading
    unit = reading.unit or "kg"
    shown = format(weight.in_unit(unit), "f")
    if args.json:
        print_json(
            {
                "status": reading.status.value,
                "weight": shown,
                "unit": unit,
                "grams": format(weight.grams.normalize(), "f"),
            }
        )
    else:
        print(f"{shown} {unit} ({reading.status.value})")
    return 0


# -- printer status ----------------------------------------------------------------------------


def cmd_printer_status(args: argparse.Namespace) -> int:
    from fulfillment_station.services.printer_check import (
        UnknownPrinter,
        printer_state,
        resolve,
    )

    name, address = resolve(_settings(), args.printer)
    try:
        state = printer_state(name, address, timeout=args.timeout)
    except UnknownPrinter:
        raise CliError(
            f"printer {args.printer!r} is neither a printer named in Settings nor "
            "tcp://host:9100, cups:QUEUE or file:/folder"
        ) from None
    if args.json:
        print_json(
            {
                "printer": name,
                "address": address,
                "can_print": state.can_print,
                "problems": [str(p) for p in state.problems],
                "warnings": [str(w) for w in state.warnings],
                "detail": state.detail,
            }
        )
    else:
        verdict = {
            True: "can print",
            False: "cannot print",
            None: "did not say whether it can print",
        }[state.can_print]
        print(f"{name}: {verdict}.")
        for line in (*state.problems, *state.warnings):
            print(f"  {line}")
    if state.can_print is None:
        return EXIT_UNKNOWN
    return 0 if state.can_print else EXIT_CANNOT_PRINT
