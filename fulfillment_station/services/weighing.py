"""Weighing at the desk, without Qt: the scale the packer chose in Settings, the box types of
the desk, the weight a box should have, and the verdict on what the scale says it has.

Pack mode's weigh step plugs in here (it is built elsewhere): when a box is closed it calls
:func:`read_stable` on :func:`open_scale`'s scale (on the worker thread), then
:func:`check_box` with the box's lines and type. The :class:`WeightVerdict` says whether to go
on (``ok``), to stop the packer with ``verdict.message`` ("heavier by 0.400 kg than expected:
an extra item?"), or that there is nothing to compare with (an item without a weight). An
override of a stop is the packer's decision and goes to the audit log with the verdict's
figures (:func:`record_override`).

Tolerance is per desk: the larger of ``scale.tolerance_g`` grams and
``scale.tolerance_percent`` of the expected weight (a 20 kg box is not weighed to 50 g).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.models import LineItem
from fulfillment_station.domain.weight import Weight
from fulfillment_station.hardware.hid_scale import HidScale, find_hid_scales
from fulfillment_station.hardware.scale import Scale, ScaleError, ScaleStatus
from fulfillment_station.hardware.serial_scale import SerialScale
from fulfillment_station.store.audit import AuditEntry, AuditLog
from fulfillment_station.store.settings import Settings

HEAVIER = QT_TRANSLATE_NOOP(
    "Weighing",
    "Heavier by {difference} than expected ({measured} on the scale, {expected} "
    "expected): an extra item?",
)
LIGHTER = QT_TRANSLATE_NOOP(
    "Weighing",
    "Lighter by {difference} than expected ({measured} on the scale, {expected} "
    "expected): a missing item?",
)
WITHIN = QT_TRANSLATE_NOOP("Weighing", "Weight {measured} matches the expected {expected}.")
NOT_COMPARED = QT_TRANSLATE_NOOP(
    "Weighing",
    "Weight {measured} taken; it cannot be checked because {item} has no weight in the store.",
)

NO_USB_SCALE = QT_TRANSLATE_NOOP(
    "Weighing",
    "No USB scale is plugged in; plug it in, or choose another scale in Settings → Scale.",
)
NO_SERIAL_PORT = QT_TRANSLATE_NOOP(
    "Weighing", "No serial port is chosen for the scale; choose one in Settings → Scale."
)


@dataclass(frozen=True, slots=True)
class BoxType:
    """A box this desk packs into: inner dimensions (cm) and the empty box's weight."""

    name: str
    length_cm: Decimal | None
    width_cm: Decimal | None
    height_cm: Decimal | None
    tare: Weight
    barcode: str = ""

    @property
    def dimensions_cm(self) -> tuple[Decimal, Decimal, Decimal] | None:
        if self.length_cm is None or self.width_cm is None or self.height_cm is None:
            return None
        return (self.length_cm, self.width_cm, self.height_cm)


def _number(text: str) -> Decimal | None:
    return Decimal(text) if text.strip() else None


def box_types_from(settings: Settings) -> list[BoxType]:
    """The desk's box types (already checked when the settings were read or saved)."""
    return [
        BoxType(
            name=row["name"],
            length_cm=_number(row.get("length_cm", "")),
            width_cm=_number(row.get("width_cm", "")),
            height_cm=_number(row.get("height_cm", "")),
            tare=Weight.of(row.get("tare_g", "") or "0", "g"),
            barcode=row.get("barcode", ""),
        )
        for row in settings["scale.box_types"]
    ]


def box_for_scan(settings: Settings, scan: str) -> BoxType | None:
    """The box type whose barcode (or name) the packer scanned, if any."""
    code = scan.strip().casefold()
    return next(
        (
            box
            for box in box_types_from(settings)
            if code and code in (box.barcode.strip().casefold(), box.name.casefold())
        ),
        None,
    )


def open_scale(settings: Settings) -> Scale | None:
    """The scale chosen in Settings, opened; ``None`` when weights are typed by hand.
    Raises ``ScaleError`` (a sentence for the packer) when it cannot be opened."""
    source = settings["scale.source"]
    device = str(settings["scale.device"]).strip()
    if source == "hid":
        if not device:
            found = find_hid_scales()
            if not found:
                raise ScaleError(NO_USB_SCALE, ScaleStatus.NO_ANSWER)
            device, name = found[0].path, found[0].label
            return HidScale(device, name)
        return HidScale(device)
    if source == "serial":
        if not device:
            raise ScaleError(NO_SERIAL_PORT, None)
        return SerialScale(
            device, settings["scale.protocol"], baudrate=int(settings["scale.baud_rate"])
        )
    return None


def expected_weight(
    lines: Iterable[tuple[LineItem, int]], item_unit: str, box: BoxType | None = None
) -> Weight | LineItem:
    """What a box holding ``quantity`` of each line should weigh: the items' store weights
    (in ``item_unit``) plus the box's tare. Returns the first line without a weight instead
    when there is one (nothing to compare with then)."""
    total = box.tare if box is not None else Weight.zero()
    for line, quantity in lines:
        if quantity <= 0:
            continue
        if line.weight is None:
            return line
        total = total + Weight.of(line.weight, item_unit) * quantity
    return total


class Verdict(StrEnum):
    OK = "ok"
    HEAVIER = "heavier"
    LIGHTER = "lighter"
    NOT_COMPARED = "not compared"


@dataclass(frozen=True, slots=True)
class WeightVerdict:
    verdict: Verdict
    measured: Weight
    expected: Weight | None
    tolerance: Weight
    message: Message

    @property
    def stops_packer(self) -> bool:
        return self.verdict in (Verdict.HEAVIER, Verdict.LIGHTER)

    @property
    def difference(self) -> Weight | None:
        return None if self.expected is None else self.measured - self.expected

    def audit_details(self) -> dict[str, str]:
        """Figures for the audit row of an override, in grams (exact)."""

        def grams(weight: Weight) -> str:
            return format(weight.grams.normalize(), "f")

        details = {
            "verdict": self.verdict.value,
            "measured_g": grams(self.measured),
            "tolerance_g": grams(self.tolerance),
        }
        if self.expected is not None:
            details["expected_g"] = grams(self.expected)
        return details


def tolerance_for(expected: Weight, tolerance_g: int, tolerance_percent: int) -> Weight:
    by_percent = Weight(expected.grams * Decimal(tolerance_percent) / 100)
    return max(Weight.of(tolerance_g, "g"), abs(by_percent))


def check_weight(
    measured: Weight,
    expected: Weight | LineItem,
    *,
    tolerance_g: int,
    tolerance_percent: int,
    display_unit: str = "kg",
) -> WeightVerdict:
    """Compare a stable scale weight with what the box should weigh."""
    shown = measured.display(display_unit)
    if isinstance(expected, LineItem):
        item = expected.name or expected.sku or expected.id
        return WeightVerdict(
            Verdict.NOT_COMPARED,
            measured,
            None,
            Weight.zero(),
            NOT_COMPARED.format(measured=shown, item=item),
        )
    tolerance = tolerance_for(expected, tolerance_g, tolerance_percent)
    difference = measured - expected
    params = {
        "measured": shown,
        "expected": expected.display(display_unit),
        "difference": abs(difference).display(display_unit),
    }
    if difference.grams > tolerance.grams:
        return WeightVerdict(
            Verdict.HEAVIER, measured, expected, tolerance, HEAVIER.format(**params)
        )
    if -difference.grams > tolerance.grams:
        return WeightVerdict(
            Verdict.LIGHTER, measured, expected, tolerance, LIGHTER.format(**params)
        )
    return WeightVerdict(
        Verdict.OK,
        measured,
        expected,
        tolerance,
        WITHIN.format(measured=shown, expected=params["expected"]),
    )


def check_box(
    settings: Settings,
    measured: Weight,
    lines: Sequence[tuple[LineItem, int]],
    item_unit: str,
    box: BoxType | None = None,
    display_unit: str = "kg",
) -> WeightVerdict:
    """:func:`check_weight` with the desk's tolerance from Settings."""
    return check_weight(
        measured,
        expected_weight(lines, item_unit, box),
        tolerance_g=settings["scale.tolerance_g"],
        tolerance_percent=settings["scale.tolerance_percent"],
        display_unit=display_unit,
    )


WEIGHT_OVERRIDE = "weight_override"


def record_override(
    audit: AuditLog,
    verdict: WeightVerdict,
    *,
    order_id: str,
    order_number: str = "",
    packer: str = "",
    connection_id: str = "",
    box_number: int = 1,
) -> AuditEntry:
    """The packer went on although the weight did not match: one audit row with the figures
    (grams, exact), so a supervisor sees who overrode what."""
    figures = verdict.audit_details()
    summary = (
        f"Box {box_number}: {figures['measured_g']} g on the scale, "
        f"{figures.get('expected_g', '?')} g expected, tolerance "
        f"{figures['tolerance_g']} g"
    )
    return audit.record(
        order_id=order_id,
        order_number=order_number,
        kind=WEIGHT_OVERRIDE,
        summary=summary,
        outcome="overridden",
        message=str(verdict.message),
        packer=packer,
        connection_id=connection_id,
    )
