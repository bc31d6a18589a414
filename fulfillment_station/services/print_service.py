"""Printing jobs for the packing desk: slips and labels go to their printers through the print
queue, so a job is never lost when a printer is down and never printed twice by accident.

This module owns two mappings and nothing else owns them:

- the settings store -> ``PrintSettings`` (:func:`print_settings_from`);
- a printer setting -> a printer back-end (:func:`parse_printer` / :func:`printer_from`).
  A printer setting is one string: ``tcp://host:9100`` (raw network printer),
  ``cups:QUEUE`` (a CUPS queue, raw for ZPL labels) or ``file:/some/folder`` (each job saved as
  a file). Empty means no printer is set up, which is a ``PrinterError`` the packer can act on.
  The setting may instead be the name of a printer the packer named in Settings → Printers
  (``printers.named``); the job then records the name, so a retry follows the name to the
  printer's current address.

``PrintService`` runs on a worker thread (it does blocking I/O and owns the queue's SQLite
connection) and imports no Qt. Every print is enqueue -> claim -> send -> done or failed; a
printer failure is recorded on the job (with the printer's own sentence) and returned, not
raised, so the slip of an order still prints when its label printer is off. The job then waits
for :meth:`PrintService.retry`. Printing again is always explicit (``reprint=True`` or
:meth:`PrintService.reprint`), and each job records which printer setting it was meant for, so
a retry goes to the same printer.

Choices written down:

- An existing *failed* job is not re-sent by a second ``print_slip``/``print_for_pack``: it
  might have half-printed (the app can stop mid-send), so only the packer's Retry sends it.
  A *pending* job (queued, never claimed, e.g. the app stopped just after queueing) is sent.
- A reprint from the panel sends the same bytes again (what the packer saw); ``print_slip(...,
  reprint=True)`` renders afresh from the order as it is now.
- Before a ZPL label goes to a network printer, the printer is asked ``~HS``
  (``hardware.printer_status``). When it answers that it cannot print (out of labels, head
  open, paused, ribbon out, ...) nothing is sent: the job is *held* in the queue with the
  printer's reason and :meth:`PrintService.release_held` sends it, once, when the printer says
  it can print again. A printer that does not answer ~HS (a ZPL-compatible printer without it)
  is sent the job as before; one that cannot be reached fails as before.
- The print queue keeps only the order id, so the order number shown in the panel comes from
  the orders this service has printed since it started (the id is shown otherwise).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

import babel

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.models import Address, Order, Shipment
from fulfillment_station.hardware.printer_status import PrinterState, query_zebra
from fulfillment_station.printing.errors import PrinterError, PrintingError
from fulfillment_station.printing.label_format import LabelFormat
from fulfillment_station.printing.printers import (
    CupsPrinter,
    FilePrinter,
    NetworkPrinter,
    Printer,
    send_document,
)
from fulfillment_station.store.print_queue import JobKind, JobState, PrintJob, PrintQueue
from fulfillment_station.store.settings import Settings

if TYPE_CHECKING:
    # The renderers (reportlab) are imported where a document is drawn, on the print
    # worker: the GUI imports this module before its window exists.
    from fulfillment_station.printing.settings import PrintSettings
    from fulfillment_station.services.boxes import PackedBox

PrinterKind = Literal["slip", "label"]
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]

DEFAULT_RAW_PORT = 9100
# Slip printers on a raw port are office printers that take PDF (PDF direct print).
_NETWORK_SLIP_FORMATS: frozenset[LabelFormat] = frozenset({"pdf"})
_KIND_NAMES: dict[str, str] = {"slip": "packing slip", "label": "label"}

# The packer's sentences, one per kind of document (a slip and a label differ in gender in
# Spanish and Portuguese, so the noun is never a parameter). Translated by the UI.
_NO_PRINTER: dict[str, Message] = {
    "slip": QT_TRANSLATE_NOOP(
        "Printing",
        "No slip printer is set up. Choose one in Settings → Printers, or save the slip as PDF.",
    ),
    "label": QT_TRANSLATE_NOOP(
        "Printing",
        "No label printer is set up. Choose one in Settings → Printers, or save the label as PDF.",
    ),
}
_NOT_UNDERSTOOD: dict[str, Message] = {
    "slip": QT_TRANSLATE_NOOP(
        "Printing",
        "The slip printer setting {spec} is not understood; use tcp://host:9100, "
        "cups:QUEUE or file:/folder in Settings → Printers.",
    ),
    "label": QT_TRANSLATE_NOOP(
        "Printing",
        "The label printer setting {spec} is not understood; use tcp://host:9100, "
        "cups:QUEUE or file:/folder in Settings → Printers.",
    ),
}
_DID_NOT_PRINT: dict[str, Message] = {
    "slip": QT_TRANSLATE_NOOP(
        "Printing",
        "The packing slip for order {order} did not print ({error}); it is waiting "
        "in the print queue for Retry.",
    ),
    "label": QT_TRANSLATE_NOOP(
        "Printing",
        "The label for order {order} did not print ({error}); it is waiting in the "
        "print queue for Retry.",
    ),
}
_ALREADY_PRINTED: dict[str, Message] = {
    "slip": QT_TRANSLATE_NOOP(
        "Printing",
        "The packing slip for order {order} was already printed; use Reprint to print it again.",
    ),
    "label": QT_TRANSLATE_NOOP(
        "Printing",
        "The label for order {order} was already printed; use Reprint to print it again.",
    ),
}
_HELD: dict[str, Message] = {
    "slip": QT_TRANSLATE_NOOP(
        "Printing",
        "The packing slip for order {order} is waiting in the print queue: "
        "{problem} It prints by itself when the printer is ready.",
    ),
    "label": QT_TRANSLATE_NOOP(
        "Printing",
        "The label for order {order} is waiting in the print queue: {problem} It "
        "prints by itself when the printer is ready.",
    ),
}
_SENT: dict[str, Message] = {
    "slip": QT_TRANSLATE_NOOP("Printing", "Packing slip {order} sent to {printer}."),
    "label": QT_TRANSLATE_NOOP("Printing", "Label {order} sent to {printer}."),
}


_NO_STORE_LABEL: Message = QT_TRANSLATE_NOOP(
    "Printing",
    "No label printed for order {order}: this store sells no labels, so stick on the "
    "carrier's label (address labels can be turned on in Settings → Printers).",
)


#: The sender printed on training labels while the desk has no return address of its own:
#: plainly not a real sender, so a training label can never go out as a real one.
TRAINING_SENDER = Address(
    name="TRAINING — NOT A REAL SENDER",
    line1="1 Practice Lane",
    city="Training",
    postal_code="00000",
    country="US",
)


def training_sender(language: str) -> Address:
    """:data:`TRAINING_SENDER` in the document's language (a Spanish label says so in
    Spanish)."""
    from fulfillment_station.printing.doc_text import doc, translator

    t = translator(language)
    return TRAINING_SENDER.model_copy(
        update={
            "name": t(doc("TRAINING — NOT A REAL SENDER")),
            "line1": t(doc("1 Practice Lane")),
            "city": t(doc("Training")),
        }
    )


def print_settings_from(settings: Settings) -> PrintSettings:
    """The store details and print choices the packer saved, as the printing layer takes them.

    In training (no active connection) a desk that has not set up its return address yet
    prints :data:`TRAINING_SENDER`, so practice is not stopped; with a real store the printing
    layer refuses a label without a real sender."""
    from fulfillment_station.printing.settings import PrintSettings

    logo = settings["station.logo_path"]
    return_address = Address(
        name=settings["station.return_name"],
        company=settings["station.return_company"] or None,
        line1=settings["station.return_line1"],
        line2=settings["station.return_line2"] or None,
        city=settings["station.return_city"],
        region=settings["station.return_region"] or None,
        postal_code=settings["station.return_postal_code"] or None,
        country=settings["station.return_country"],
    )
    language = document_language(settings)
    training = not settings["connections.active"]
    if training and [f for f in return_address.missing_required() if f != "name"]:
        return_address = training_sender(language)
    return PrintSettings(
        store_name=settings["station.store_name"],
        return_address=return_address,
        logo_path=Path(logo) if logo else None,
        page_size=settings["printers.page_size"],
        label_dpi=settings["printers.label_dpi"],
        document_language=language,
    )


def document_language(settings: Settings, connection_id: str | None = None) -> str:
    """The language the documents of connection ``connection_id`` (default: the active one)
    are printed in: the one chosen for that store, else the packer's UI language."""
    profile = settings.profile(
        settings["connections.active"] if connection_id is None else connection_id
    )
    if profile is not None and profile.document_language:
        return profile.document_language
    return _document_language(settings["general.language"])


def _document_language(setting: str) -> str:
    """The packer's language for documents; "system" reads the desk's locale as Qt would."""
    if setting != "system":
        return setting
    return babel.default_locale("LC_MESSAGES") or "en"


def named_printers(settings: Settings) -> dict[str, str]:
    """The printers the packer named in Settings → Printers: name -> address."""
    return {row["name"]: row["uri"] for row in settings["printers.named"]}


def parse_printer(
    spec: str,
    kind: PrinterKind,
    label_format: LabelFormat = "pdf",
    *,
    named: Mapping[str, str] | None = None,
) -> Printer:
    """The printer back-end a printer setting names (see the module docstring). ``spec`` may
    be one of the ``named`` printers (any case): its address is used and the printer is
    called by its name in every sentence."""
    spec = spec.strip()
    chosen = next((name for name in (named or {}) if name.casefold() == spec.casefold()), None)
    if chosen is not None and named is not None:
        printer = parse_printer(named[chosen], kind, label_format)
        printer.name = chosen
        return printer
    if not spec:
        raise PrinterError(_NO_PRINTER[kind])
    zpl_label = kind == "label" and label_format == "zpl"
    scheme, _, rest = spec.partition(":")
    scheme = scheme.lower()
    if scheme == "tcp":
        parts = urlsplit(spec)
        try:
            host, port = parts.hostname, parts.port or DEFAULT_RAW_PORT
        except ValueError:
            host, port = None, 0
        if not host or parts.path not in ("", "/"):
            raise _not_understood(spec, kind)
        accepts: frozenset[LabelFormat] = (
            frozenset({label_format}) if kind == "label" else _NETWORK_SLIP_FORMATS
        )
        return NetworkPrinter(host, host, port, accepts=accepts)
    if scheme == "cups" and rest.strip():
        queue = rest.strip()
        return CupsPrinter(queue, queue, raw=zpl_label)
    if scheme == "file" and rest.strip():
        folder = Path(rest.strip().removeprefix("//")).expanduser()
        return FilePrinter(str(folder), folder)
    raise _not_understood(spec, kind)


def _not_understood(spec: str, kind: PrinterKind) -> PrinterError:
    return PrinterError(_NOT_UNDERSTOOD[kind].format(spec=repr(spec)))


def printer_spec(settings: Settings, kind: PrinterKind) -> str:
    return str(settings[f"printers.{kind}_printer"]).strip()


def printer_from(settings: Settings, kind: PrinterKind) -> Printer:
    """The slip or label printer the packer chose in Settings → Printers."""
    return parse_printer(
        printer_spec(settings, kind),
        kind,
        settings["printers.label_format"],
        named=named_printers(settings),
    )


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    """What became of one document: its job (``None`` if none was queued), whether this call
    sent it to the printer, and one sentence for the packer."""

    kind: PrinterKind
    job: PrintJob | None
    sent: bool
    message: str

    @property
    def printed(self) -> bool:
        return self.job is not None and self.job.state is JobState.DONE


@dataclass(frozen=True, slots=True)
class QueuedJob:
    """A print job as the print queue panel shows it."""

    job: PrintJob
    order_number: str


class PrintService:
    """Slips, labels, batches and pick lists for one desk; call it from the worker thread."""

    def __init__(
        self,
        queue: PrintQueue,
        settings: Settings | Callable[[], Settings],
        *,
        ask_zebra: Callable[[NetworkPrinter], PrinterState] | None = None,
    ) -> None:
        self.queue = queue
        self._ask_zebra = ask_zebra or _ask_zebra
        # A callable lets the service see settings the packer saves while the app runs.
        self._settings = settings if callable(settings) else (lambda: settings)
        self._numbers: dict[str, str] = {}

    @property
    def settings(self) -> Settings:
        return self._settings()

    # -- single documents -----------------------------------------------------------------

    def print_slip(
        self, order: Order, *, reprint: bool = False, boxes: Sequence[PackedBox] = ()
    ) -> PrintOutcome:
        """Print the order's packing slip once (again only with ``reprint``); ``boxes``: the
        order is packed in several, and the slip says which items are in which (box n of m,
        its type and weight)."""
        from fulfillment_station.printing.slip import SlipBox, render_slip

        settings = self.settings
        slip_boxes: list[SlipBox] = [
            (
                packed.box.name if packed.box is not None else "",
                dict(packed.lines),
                packed.weight.display("kg") if packed.weight is not None else "",
            )
            for packed in boxes
        ]
        spec = printer_spec(settings, "slip")
        printer = parse_printer(spec, "slip", named=named_printers(settings))
        return self._print(
            "slip",
            order,
            printer,
            spec,
            lambda: (render_slip(order, print_settings_from(settings), slip_boxes), "pdf"),
            reprint=reprint,
        )

    def print_label(
        self,
        order: Order,
        shipment: Shipment,
        *,
        reprint: bool = False,
        label_bytes: bytes | None = None,
    ) -> PrintOutcome:
        """Print the shipment's label once (again only with ``reprint``).

        ``label_bytes`` is a label the store made (e.g. Price2b's ``label_url``): it is printed
        exactly as it came (a PDF or PNG label for a ZPL printer is rasterised into a ZPL
        graphic of the same dots). Without it the app draws an address label marked NO
        POSTAGE, and only when the desk's settings ask for one (``printers.address_labels``);
        otherwise nothing is queued and the outcome says to use the carrier's label.
        """
        settings = self.settings
        label_format: LabelFormat = settings["printers.label_format"]
        if label_bytes is None and not settings["printers.address_labels"]:
            self._numbers[order.id] = order.number
            return PrintOutcome("label", None, False, _NO_STORE_LABEL.format(order=order.number))
        spec = printer_spec(settings, "label")
        printer = parse_printer(spec, "label", label_format, named=named_printers(settings))

        def document() -> tuple[bytes, LabelFormat]:
            if label_bytes is not None:
                from fulfillment_station.printing.label_raster import label_for_printer

                return label_for_printer(label_bytes, label_format, settings["printers.label_dpi"])
            from fulfillment_station.printing.label_pdf import render_label_pdf
            from fulfillment_station.printing.zpl import render_label_zpl

            print_settings = print_settings_from(settings)
            if label_format == "zpl":
                # ^CI28 in the ZPL says UTF-8.
                zpl = render_label_zpl(order, shipment, print_settings)
                return zpl.encode("utf-8"), "zpl"
            return render_label_pdf(order, shipment, print_settings), "pdf"

        return self._print("label", order, printer, spec, document, reprint=reprint)

    def print_for_pack(
        self, order: Order, shipment: Shipment, *, label_bytes: bytes | None = None
    ) -> tuple[PrintOutcome, PrintOutcome]:
        """The slip and the label of a packed order, each at most once per order.

        One document's trouble (no label printer set up, the printer off) does not stop the
        other; each outcome says what happened.
        """
        outcomes: list[PrintOutcome] = []
        for kind in ("slip", "label"):
            try:
                if kind == "slip":
                    outcome = self.print_slip(order)
                else:
                    outcome = self.print_label(order, shipment, label_bytes=label_bytes)
            except PrintingError as exc:
                outcome = PrintOutcome(kind, None, False, exc.message)
            outcomes.append(outcome)
        return outcomes[0], outcomes[1]

    # -- the queue --------------------------------------------------------------------------

    def retry(self, job_id: int) -> PrintOutcome:
        """Send a failed (or never sent) job again, to the printer it was meant for."""
        job = self.queue.get(job_id)
        kind: PrinterKind = "slip" if job.kind is JobKind.SLIP else "label"
        printer = parse_printer(
            job.printer,
            kind,
            self.settings["printers.label_format"],
            named=named_printers(self.settings),
        )
        return self._send(kind, job, printer)

    def reprint(self, job_id: int) -> PrintOutcome:
        """Print a job's document once more, as a new job on the same printer."""
        original = self.queue.get(job_id)
        kind: PrinterKind = "slip" if original.kind is JobKind.SLIP else "label"
        printer = parse_printer(
            original.printer,
            kind,
            self.settings["printers.label_format"],
            named=named_printers(self.settings),
        )
        return self._send(kind, self.queue.reprint(job_id), printer)

    def release_held(self) -> list[PrintOutcome]:
        """Send each held job whose printer now says it can print (each at most once)."""
        outcomes: list[PrintOutcome] = []
        for job in self.queue.held():
            kind: PrinterKind = "slip" if job.kind is JobKind.SLIP else "label"
            try:
                printer = parse_printer(
                    job.printer,
                    kind,
                    job.format,  # type: ignore[arg-type]
                    named=named_printers(self.settings),
                )
            except PrinterError as exc:
                outcomes.append(PrintOutcome(kind, job, False, exc.message))
                continue
            outcomes.append(self._send(kind, job, printer))
        return outcomes

    def jobs(self, limit: int = 200) -> list[QueuedJob]:
        """The newest ``limit`` jobs, newest first, for the print queue panel."""
        newest = self.queue.jobs()[-limit:]
        return [
            QueuedJob(job, self._numbers.get(job.order_id, job.order_id))
            for job in reversed(newest)
        ]

    # -- documents that are not queued ----------------------------------------------------

    def batch_slips(
        self,
        orders: Sequence[Order],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> bytes:
        """All the orders' packing slips in one PDF (``BatchCancelled`` if cancelled)."""
        from fulfillment_station.printing.slip import render_slips_batch

        return render_slips_batch(orders, print_settings_from(self.settings), progress, cancelled)

    def pick_list(self, orders: Sequence[Order]) -> bytes:
        from fulfillment_station.printing.pick_list import render_pick_list

        return render_pick_list(orders, print_settings_from(self.settings))

    # -- internals ---------------------------------------------------------------------------

    def _print(
        self,
        kind: PrinterKind,
        order: Order,
        printer: Printer,
        spec: str,
        document: Callable[[], tuple[bytes, LabelFormat]],
        *,
        reprint: bool,
    ) -> PrintOutcome:
        self._numbers[order.id] = order.number
        earlier = [j for j in self.queue.jobs(order_id=order.id) if j.kind.value == kind]
        if earlier and not reprint:
            job = earlier[-1]
            if job.state is JobState.PENDING:
                return self._send(kind, job, printer)
            if job.state is JobState.FAILED:
                return PrintOutcome(
                    kind,
                    job,
                    False,
                    _DID_NOT_PRINT[kind].format(order=order.number, error=job.last_error or ""),
                )
            return PrintOutcome(
                kind,
                job,
                False,
                _ALREADY_PRINTED[kind].format(order=order.number),
            )
        data, fmt = document()
        job = self.queue.enqueue(
            kind,
            order.id,
            fmt,
            spec,
            data=data,
            reprint_of=earlier[-1].id if earlier else None,
        )
        return self._send(kind, job, printer)

    def _send(self, kind: PrinterKind, job: PrintJob, printer: Printer) -> PrintOutcome:
        number = self._numbers.get(job.order_id, job.order_id)
        title = f"{_KIND_NAMES[kind].capitalize()} {number}"
        fmt: LabelFormat = job.format  # type: ignore[assignment]
        if fmt == "zpl" and isinstance(printer, NetworkPrinter):
            state = self._ask_zebra(printer)
            if state.reachable and state.can_print is False:
                problem = state.problems[0]
                held = self.queue.hold(job.id, problem)
                return PrintOutcome(
                    kind, held, False, _HELD[kind].format(order=number, problem=problem)
                )
        try:
            self.queue.print_job(
                job.id, lambda data: send_document(printer, data, title=title, fmt=fmt)
            )
        except PrintingError as exc:
            # The queue has recorded the failure on the job; the job waits for Retry.
            return PrintOutcome(kind, self.queue.get(job.id), False, exc.message)
        return PrintOutcome(
            kind,
            self.queue.get(job.id),
            True,
            _SENT[kind].format(order=number, printer=printer.name),
        )


def _ask_zebra(printer: NetworkPrinter) -> PrinterState:
    return query_zebra(printer.name, printer.host, printer.port, timeout=min(printer.timeout, 2.0))
