"""Reading the bulk-ship CSV (``order number, carrier, tracking[, LINE:QTY;LINE:QTY]``) into
rows for the bulk ship dialog, without Qt.

The file comes from anywhere (a carrier's export, a spreadsheet, a colleague), so it is read
as hostile: it never raises, whatever the bytes. Each bad row gives one plain sentence with its
row number and the good rows still count. Refused in a carrier or tracking number: control
characters (NUL, ESC, BEL...: they reach labels, logs and terminals), a leading ``=``, ``+``,
``-`` or ``@`` (a spreadsheet runs such a cell as a formula when the audit log is exported and
opened), and anything longer than a tracking number can be. A quantity is ASCII digits only
(``²`` is a digit to Python but no quantity), and a field of 128 KB is a problem of its row,
not of the file.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.domain.models import Order

#: Longer than any carrier's tracking number or name; a longer field is not one.
MAX_FIELD_CHARS = 100
#: The line-quantity column lists a few lines; a few thousand characters is plenty.
MAX_LINES_CHARS = 2000
#: Characters of one row: the four columns at their longest, with room to spare.
MAX_LINE_CHARS = 4 * MAX_FIELD_CHARS + MAX_LINES_CHARS + 100
#: Rows read from one file (the dialog holds the selected orders, a few hundred at most).
MAX_ROWS = 10_000
#: Characters of a whole file; a bigger file is refused as a whole.
MAX_TEXT_CHARS = 5_000_000
FORMULA_STARTS = ("=", "+", "-", "@")
HEADER_NAMES = frozenset({"order", "order number", "order_number", "number"})

_C = "BulkShipCsv"
ROW = QT_TRANSLATE_NOOP(_C, "Row {n}: {problem}")
TOO_FEW = QT_TRANSLATE_NOOP(_C, "expected order number, carrier, tracking number.")
NOT_SELECTED = QT_TRANSLATE_NOOP(_C, "order {number} is not one of the selected orders.")
NO_LINE = QT_TRANSLATE_NOOP(_C, "order {number} has no line {line}.")
BAD_QUANTITY = QT_TRANSLATE_NOOP(_C, "{part} is not a quantity between 1 and {n}.")
CONTROL = QT_TRANSLATE_NOOP(_C, "the {column} holds a control character; type it again.")
FORMULA = QT_TRANSLATE_NOOP(
    _C, "the {column} starts with {sign}, which a spreadsheet would run as a formula."
)
TOO_LONG = QT_TRANSLATE_NOOP(_C, "the {column} is longer than {n} characters.")
LINE_TOO_LONG = QT_TRANSLATE_NOOP(_C, "the row is longer than {n} characters.")
UNREADABLE = QT_TRANSLATE_NOOP(_C, "the row cannot be read as CSV.")
FILE_TOO_BIG = QT_TRANSLATE_NOOP(_C, "The file is too large to be a list of tracking numbers.")
TOO_MANY_ROWS = QT_TRANSLATE_NOOP(_C, "Only the first {n} rows were read.")
CARRIER = QT_TRANSLATE_NOOP(_C, "carrier")
TRACKING = QT_TRANSLATE_NOOP(_C, "tracking number")
ORDER = QT_TRANSLATE_NOOP(_C, "order number")
LINES = QT_TRANSLATE_NOOP(_C, "line list")


@dataclass(frozen=True)
class CsvShipment:
    """One good row: which dialog row it fills (the order's index in ``orders``) and what."""

    row: int
    order_index: int
    carrier: str
    tracking: str
    lines: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class CsvImport:
    shipments: list[CsvShipment]
    #: one sentence per bad row (or about the whole file), in file order
    problems: list[Message]


def parse_bulk_ship_csv(text: str, orders: Sequence[Order]) -> CsvImport:
    """The shipments and problems in CSV ``text`` for the selected ``orders``. Never raises."""
    if len(text) > MAX_TEXT_CHARS:
        return CsvImport([], [FILE_TOO_BIG])
    by_number = {order.number: i for i, order in enumerate(orders)}
    shipments: list[CsvShipment] = []
    problems: list[Message] = []
    for number, line in enumerate(io.StringIO(text), start=1):
        if number > MAX_ROWS:
            problems.append(TOO_MANY_ROWS.format(n=MAX_ROWS))
            break
        if len(line) > MAX_LINE_CHARS:  # before the reader, which has a size limit of its own
            problems.append(ROW.format(n=number, problem=LINE_TOO_LONG.format(n=MAX_LINE_CHARS)))
            continue
        fields = _fields(line)
        if fields is None:
            problems.append(ROW.format(n=number, problem=UNREADABLE))
            continue
        if not any(f.strip() for f in fields):
            continue
        if number == 1 and fields[0].strip().lower() in HEADER_NAMES:
            continue
        result = _row(number, fields, orders, by_number)
        if isinstance(result, CsvShipment):
            shipments.append(result)
        else:
            problems.append(ROW.format(n=number, problem=result))
    return CsvImport(shipments, problems)


def _fields(line: str) -> list[str] | None:
    """The fields of one physical line; ``None`` when it is not CSV. NUL is taken out of the
    reader's way (Python's reader refuses it, which would stop the file) and put back, so the
    row is refused for it with its row number."""
    line = line.rstrip("\r\n").replace("\0", "\ufffe")
    if line.count('"') % 2:
        # A quoted field running over the line end: no column of this file holds a line
        # break, and reading it as two rows would cut a tracking number in half.
        return None
    try:
        rows = list(csv.reader([line]))
    except csv.Error:
        return None
    return [f.replace("\ufffe", "\0") for f in rows[0]] if rows else []


def _row(
    number: int, fields: list[str], orders: Sequence[Order], by_number: dict[str, int]
) -> CsvShipment | Message:
    if len(fields) < 3 or not fields[2].strip():
        return TOO_FEW
    order_text, carrier, tracking = (f.strip() for f in fields[:3])
    spec = fields[3].strip() if len(fields) > 3 else ""
    for column, value, limit in (
        (ORDER, order_text, MAX_FIELD_CHARS),
        (CARRIER, carrier, MAX_FIELD_CHARS),
        (TRACKING, tracking, MAX_FIELD_CHARS),
        (LINES, spec, MAX_LINES_CHARS),
    ):
        problem = _field_problem(column, value, limit)
        if problem is not None:
            return problem
    index = by_number.get(order_text.lstrip("#"))
    if index is None:
        return NOT_SELECTED.format(number=order_text)
    order = orders[index]
    lines: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        line_id, _, qty = part.partition(":")
        line = order.line(line_id.strip())
        if line is None:
            return NO_LINE.format(number=order.number, line=line_id.strip())
        qty = qty.strip()
        # ASCII digits only: "²".isdigit() is True and int("²") raises.
        if not (
            qty.isascii() and qty.isdigit() and len(qty) <= 6 and 0 < int(qty) <= line.remaining
        ):
            return BAD_QUANTITY.format(part=part, n=line.remaining)
        lines[line.id] = int(qty)
    return CsvShipment(number, index, carrier, tracking, lines)


def _field_problem(column: Message, value: str, limit: int) -> Message | None:
    if len(value) > limit:
        return TOO_LONG.format(column=column, n=limit)
    if any(
        c in _INVISIBLE_DIRECTION or unicodedata.category(c) in _CONTROL_CATEGORIES for c in value
    ):
        return CONTROL.format(column=column)
    if column in (CARRIER, TRACKING) and value.startswith(FORMULA_STARTS):
        return FORMULA.format(column=column, sign=value[0])
    return None


#: Controls (NUL, ESC, BEL, tab...), lone surrogates, private-use and unassigned code points.
_CONTROL_CATEGORIES = frozenset({"Cc", "Cs", "Co", "Cn"})
#: Bidirectional overrides and isolates: they reorder what a label or log line shows.
_INVISIBLE_DIRECTION = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
