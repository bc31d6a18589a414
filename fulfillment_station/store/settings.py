"""The packer's saved settings: declared once as a table of options with defaults, kept in a
versioned JSON file in the config dir (no Qt here).

``OPTIONS`` is the single declaration: key, kind, default, label, description, section. The
settings dialog is generated from it and loading validates against it, so an option is added
in one place. API tokens are never part of settings; they live in the OS keyring
(``store.secrets``), keyed by the connection profile's id.

Choices made here:

- Unknown keys in the file are *kept* and written back unchanged, so a file touched by a newer
  version of the app survives being saved by an older one.
- A bad value (wrong type, out of range, not one of the choices) falls back to the option's
  default with a logged warning; a file that is not JSON at all is copied aside as
  ``settings.json.bad`` and defaults are used. A hand-edited file never stops the app.
- Writes are atomic: a temporary file in the same directory, fsynced, then ``os.replace``.
- The file is checked before it is believed: a UTF-8 byte order mark (Notepad's) is accepted;
  a file over ``MAX_SETTINGS_BYTES`` is set aside like one that is not JSON; a top-level entry
  nested deeper than ``MAX_DEPTH`` (hand-edited or hostile; deep enough it would crash the
  JSON reader) is dropped with a message while every other entry, the connections included,
  is still read. The messages are in ``SettingsStore.problems`` and the log.
- The folder is user-only and the file 0600 on POSIX (tightened when found looser).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any

from fulfillment_station.domain.messages import QT_TRANSLATE_NOOP, Message
from fulfillment_station.store.file_checks import make_private

# Re-exported for callers that still take it from here; the resolver is store.paths'.
from fulfillment_station.store.paths import config_dir as config_dir

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"
SETTINGS_VERSION = 2
#: Far above any real settings file (a few KB); a bigger one is not ours.
MAX_SETTINGS_BYTES = 1_000_000
#: Deeper than any real entry (a connection profile sits at depth 4).
MAX_DEPTH = 16

CANNOT_READ = QT_TRANSLATE_NOOP(
    "SettingsFile", "The settings file cannot be read ({error}); the defaults are used."
)
SET_ASIDE = QT_TRANSLATE_NOOP(
    "SettingsFile",
    "The settings file could not be read ({error}); "
    "it was copied to {backup} and the defaults are used.",
)
TOO_DEEP = QT_TRANSLATE_NOOP(
    "SettingsFile",
    "The settings entry {key} is nested too deeply "
    "and was ignored; the other settings and connections were read.",
)


class Kind(StrEnum):
    TEXT = "text"
    INT = "int"
    BOOL = "bool"
    CHOICE = "choice"
    PATH = "path"  # a file path; "" means none
    CONNECTIONS = "connections"  # the list of connection profiles
    TABLE = "table"  # rows of text cells under the option's ``columns``; "name" is the key


@dataclass(frozen=True)
class Option:
    """One setting: ``key`` is ``"<section>.<name>"`` and is also where it sits in the file."""

    key: str
    kind: Kind
    default: Any
    label: str
    description: str
    required: bool = False
    minimum: int | None = None
    maximum: int | None = None
    # (stored value, what the dialog shows)
    choices: tuple[tuple[Any, str], ...] = ()
    # Kind.TABLE: the columns (the first is "name"), what the dialog heads them with, and a
    # check of one row that raises SettingsError with a plain sentence.
    columns: tuple[tuple[str, str], ...] = ()
    row_check: Callable[[Mapping[str, str]], None] | None = None

    @property
    def section(self) -> str:
        return self.key.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.key.split(".", 1)[1]


#: Section id -> tab title, in the order the settings dialog shows them.
SECTIONS: dict[str, str] = {
    "connections": "Connections",
    "station": "Station",
    "printers": "Printers",
    "pack": "Pack mode",
    "scale": "Scale",
    "scanner": "Scanner",
    "sounds": "Sounds",
    "general": "General",
}


def _check_box_type(row: Mapping[str, str]) -> None:
    """A box type's dimensions (cm) and tare (g) are numbers of zero or more."""
    from decimal import Decimal, InvalidOperation

    for column, what in (
        ("length_cm", "length"),
        ("width_cm", "width"),
        ("height_cm", "height"),
        ("tare_g", "tare"),
    ):
        text = row.get(column, "").strip()
        if not text:
            continue
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = Decimal(-1)
        if not value.is_finite() or value < 0:
            raise SettingsError(
                f"Box {row['name']}: the {what} must be a number of zero or more, not {text!r}."
            )


def _check_named_printer(row: Mapping[str, str]) -> None:
    if not row.get("uri", "").strip():
        raise SettingsError(
            f"Printer {row['name']} has no address; use tcp://host:9100, "
            "cups:QUEUE or file:/folder."
        )


# The page sizes and label resolutions are the ones in printing/settings.py (PAGE_SIZES,
# LABEL_DPIS). They are not imported because importing the printing package loads reportlab and
# its fonts (~0.5 s) before the window appears; tests/store/test_settings.py fails if they drift.
OPTIONS: tuple[Option, ...] = (
    Option(
        "connections.profiles",
        Kind.CONNECTIONS,
        (),
        "Connections",
        "The stores this desk can connect to. Tokens are kept in the system keyring.",
    ),
    Option(
        "connections.active",
        Kind.TEXT,
        "",
        "Active connection",
        "Id of the connection the app opens; empty means training mode.",
    ),
    Option(
        "station.station_name",
        Kind.TEXT,
        "Packing desk 1",
        "Station name",
        "Name of this desk, shown in the title bar and in the audit log.",
        required=True,
    ),
    Option(
        "station.packer_name",
        Kind.TEXT,
        "",
        "Packer name",
        "Who is packing at this desk; written to the audit log with every action.",
    ),
    Option(
        "station.store_name", Kind.TEXT, "", "Store name", "Printed at the top of packing slips."
    ),
    Option(
        "station.logo_path",
        Kind.PATH,
        "",
        "Logo",
        "Image printed on packing slips (PNG or JPEG); empty for none.",
    ),
    Option("station.return_name", Kind.TEXT, "", "Return name", "Name on the return address."),
    Option(
        "station.return_company", Kind.TEXT, "", "Return company", "Company on the return address."
    ),
    Option("station.return_line1", Kind.TEXT, "", "Return address line 1", "Street and number."),
    Option(
        "station.return_line2", Kind.TEXT, "", "Return address line 2", "Suite, unit, building."
    ),
    Option("station.return_city", Kind.TEXT, "", "Return city", "City of the return address."),
    Option("station.return_region", Kind.TEXT, "", "Return region", "State, province or region."),
    Option("station.return_postal_code", Kind.TEXT, "", "Return postal code", "ZIP or postcode."),
    Option(
        "station.return_country",
        Kind.TEXT,
        "",
        "Return country",
        "Two-letter country code, e.g. US.",
    ),
    Option(
        "station.database_url",
        Kind.TEXT,
        "",
        "Station database",
        "postgresql:// address of the database the desks of this warehouse share (password "
        "in the keyring); empty: this desk works alone.",
    ),
    Option(
        "station.claim_lease_s",
        Kind.INT,
        90,
        "Claim lease (seconds)",
        "A desk that stops answering for this long loses the orders it was packing to the "
        "other desks.",
        minimum=15,
        maximum=3600,
    ),
    Option(
        "printers.slip_printer",
        Kind.TEXT,
        "",
        "Slip printer",
        "Printer for packing slips: one from the list, a named printer, or an address "
        "(tcp://host:9100, cups:QUEUE, file:/folder). In the training store, empty saves "
        "PDF files in the training folder.",
    ),
    Option(
        "printers.label_printer",
        Kind.TEXT,
        "",
        "Label printer",
        "Printer for shipping labels: one from the list, a named printer, or an address "
        "(tcp://host:9100, cups:QUEUE, file:/folder). In the training store, empty saves "
        "PDF files in the training folder.",
    ),
    Option(
        "printers.label_format",
        Kind.CHOICE,
        "pdf",
        "Label format",
        "PDF for ordinary printers, ZPL for Zebra-compatible thermal printers.",
        choices=(("pdf", "PDF"), ("zpl", "ZPL (thermal)")),
    ),
    Option(
        "printers.label_dpi",
        Kind.CHOICE,
        203,
        "Label printer resolution",
        "Dots per inch of the thermal label printer.",
        choices=((203, "203 dpi"), (300, "300 dpi")),
    ),
    Option(
        "printers.address_labels",
        Kind.BOOL,
        False,
        "Print address labels",
        "For stores that sell no labels: print an address label marked NO POSTAGE next to "
        "the carrier's label. It is never a shipping label.",
    ),
    Option(
        "printers.label_carrier",
        Kind.TEXT,
        "",
        "Label carrier",
        "Carrier for labels bought from the store when the order names none (e.g. fedex).",
    ),
    Option(
        "printers.label_service",
        Kind.TEXT,
        "",
        "Label service",
        "Service level for labels bought from the store when the order names none "
        "(e.g. INTERNATIONAL_ECONOMY).",
    ),
    Option(
        "printers.page_size",
        Kind.CHOICE,
        "letter",
        "Slip page size",
        "Paper size of packing slips.",
        choices=(("letter", "Letter"), ("a4", "A4"), ("4x6", "4×6 inch")),
    ),
    Option(
        "printers.named",
        Kind.TABLE,
        (),
        "Printers",
        "Printers by a name you choose, each with its address: tcp://host:9100 (a Zebra-type "
        "printer is asked for its status first), cups:QUEUE or file:/folder. The slip and "
        "label printer settings may name one of them.",
        columns=(("name", "Name"), ("uri", "Address")),
        row_check=_check_named_printer,
    ),
    Option(
        "pack.auto_print",
        Kind.BOOL,
        True,
        "Print automatically",
        "Print the slip and label as soon as an order is fully scanned.",
    ),
    Option(
        "pack.allow_ship_all_unverified",
        Kind.BOOL,
        False,
        "Allow shipping unscanned items",
        "Let the packer ship an order without scanning every item.",
    ),
    Option(
        "pack.font_size",
        Kind.INT,
        14,
        "Pack mode font size",
        "Text size in pack mode, in points.",
        minimum=8,
        maximum=48,
    ),
    Option(
        "scale.source",
        Kind.CHOICE,
        "manual",
        "Scale",
        "Where weights come from: typed by hand, a USB scale, or a serial scale.",
        choices=(
            ("manual", "None (type weights by hand)"),
            ("hid", "USB scale (HID)"),
            ("serial", "Serial scale"),
        ),
    ),
    Option(
        "scale.device",
        Kind.TEXT,
        "",
        "Scale device",
        "The USB scale's device path or the serial port (e.g. /dev/ttyUSB0 or COM3); "
        "Detect lists what is plugged in.",
    ),
    Option(
        "scale.protocol",
        Kind.CHOICE,
        "sics",
        "Serial protocol",
        "What the serial scale speaks.",
        choices=(
            ("sics", "Mettler Toledo (MT-SICS)"),
            ("cas", "CAS (continuous)"),
            ("avery", "Avery Weigh-Tronix (NCI)"),
        ),
    ),
    Option(
        "scale.baud_rate",
        Kind.CHOICE,
        9600,
        "Serial speed",
        "Baud rate of the serial scale (8 data bits, no parity, 1 stop bit).",
        choices=(
            (2400, "2400"),
            (4800, "4800"),
            (9600, "9600"),
            (19200, "19200"),
            (38400, "38400"),
        ),
    ),
    Option(
        "scale.weigh_boxes",
        Kind.BOOL,
        False,
        "Weigh every box",
        "In pack mode, weigh each box and compare it with the expected weight, even when "
        "the store does not ask for a weight.",
    ),
    Option(
        "scale.tolerance_g",
        Kind.INT,
        50,
        "Weight tolerance (g)",
        "A box may differ from its expected weight by this many grams.",
        minimum=0,
        maximum=100_000,
    ),
    Option(
        "scale.tolerance_percent",
        Kind.INT,
        5,
        "Weight tolerance (%)",
        "…or by this percentage of the expected weight, whichever is larger.",
        minimum=0,
        maximum=100,
    ),
    Option(
        "scale.box_types",
        Kind.TABLE,
        (),
        "Box types",
        "The boxes this desk packs into: inner dimensions in cm and the empty box's weight "
        "(tare) in grams; the barcode is what the packer scans to start a box of that type.",
        columns=(
            ("name", "Name"),
            ("length_cm", "Length (cm)"),
            ("width_cm", "Width (cm)"),
            ("height_cm", "Height (cm)"),
            ("tare_g", "Tare (g)"),
            ("barcode", "Barcode"),
        ),
        row_check=_check_box_type,
    ),
    Option(
        "scanner.max_gap_ms",
        Kind.INT,
        30,
        "Scanner key gap (ms)",
        "Keys closer together than this are treated as a scanner, not a person.",
        minimum=5,
        maximum=500,
    ),
    Option(
        "scanner.min_length",
        Kind.INT,
        4,
        "Shortest scan",
        "Bursts shorter than this many characters are treated as typing.",
        minimum=1,
        maximum=64,
    ),
    Option("sounds.enabled", Kind.BOOL, True, "Sounds", "Beep on scans, errors and shipments."),
    Option(
        "sounds.volume", Kind.INT, 80, "Volume", "Sound volume in percent.", minimum=0, maximum=100
    ),
    Option(
        "general.sync_interval_s",
        Kind.INT,
        300,
        "Sync every (seconds)",
        "How often orders are fetched from the store in the background.",
        minimum=30,
        maximum=86_400,
    ),
    Option(
        "general.language",
        Kind.CHOICE,
        "system",
        "Language",
        "Language of the app; every window changes to it at once.",
        choices=(
            ("system", "System language"),
            ("en", "English"),
            ("es", "Español"),
            ("pt_BR", "Português (Brasil)"),
        ),
    ),
)

OPTIONS_BY_KEY: Mapping[str, Option] = MappingProxyType({o.key: o for o in OPTIONS})


#: The languages a store's slips and the app's own labels can be printed in (stored code,
#: name shown in that language); "" prints in the packer's UI language. German has a catalog
#: of document words only (``resources/translations``), the UI is not translated to it.
DOCUMENT_LANGUAGES: tuple[tuple[str, str], ...] = (
    ("", "Same as the app"),
    ("en", "English"),
    ("es", "Español"),
    ("pt_BR", "Português (Brasil)"),
    ("de", "Deutsch"),
)
DOCUMENT_LANGUAGE_CODES = frozenset(code for code, _name in DOCUMENT_LANGUAGES)


class SettingsError(ValueError):
    """A value the packer entered cannot be used; ``str()`` is one plain sentence."""


@dataclass(frozen=True)
class ConnectionProfile:
    """A store connection without its token (that is in the keyring under ``id``).

    ``document_language`` is the language its slips and the app's own labels are printed in
    (one of :data:`DOCUMENT_LANGUAGES`); empty means the packer's UI language."""

    id: str
    label: str
    dialect: str
    base_url: str
    ca_bundle: str | None = None
    document_language: str = ""

    @staticmethod
    def new_id() -> str:
        return uuid.uuid4().hex[:12]

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id,
            "label": self.label,
            "dialect": self.dialect,
            "base_url": self.base_url,
        }
        if self.ca_bundle:
            data["ca_bundle"] = self.ca_bundle
        if self.document_language:
            data["document_language"] = self.document_language
        return data

    @classmethod
    def from_json(cls, data: Any) -> ConnectionProfile:
        if not isinstance(data, dict):
            raise SettingsError("A connection must be a table of id, label, dialect, base_url.")
        values: dict[str, str] = {}
        for name in ("id", "label", "dialect", "base_url"):
            value = data.get(name)
            if not isinstance(value, str) or not value.strip():
                raise SettingsError(f"A connection has no {name}.")
            values[name] = value.strip()
        ca_bundle = data.get("ca_bundle")
        if ca_bundle is not None and not isinstance(ca_bundle, str):
            raise SettingsError("A connection's ca_bundle must be a file path.")
        language = data.get("document_language", "")
        if language not in DOCUMENT_LANGUAGE_CODES:
            # Not worth losing the connection over: its papers follow the UI language.
            log.warning(
                "a connection's document language %r is not one this version prints in; "
                "its documents follow the app's language",
                language,
            )
            language = ""
        return cls(**values, ca_bundle=ca_bundle or None, document_language=language)


def coerce(option: Option, value: Any) -> Any:
    """``value`` as the option's type, or ``SettingsError`` saying why it cannot be."""
    kind = option.kind
    if kind in (Kind.TEXT, Kind.PATH):
        # Half an emoji or a control character would reach slips, labels and the log.
        if (
            not isinstance(value, str)
            or not _encodable(value)
            or any(ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0 for c in value)
        ):
            raise SettingsError(f"{option.label} must be text.")
        value = value.strip()
        if option.required and not value:
            raise SettingsError(f"{option.label} cannot be empty.")
        return value
    if kind is Kind.BOOL:
        if not isinstance(value, bool):
            raise SettingsError(f"{option.label} must be true or false.")
        return value
    if kind is Kind.INT:
        # bool is an int in Python; "true" for a number is a typo, not 1.
        if isinstance(value, bool) or not isinstance(value, int):
            raise SettingsError(f"{option.label} must be a whole number.")
        low, high = option.minimum, option.maximum
        if (low is not None and value < low) or (high is not None and value > high):
            raise SettingsError(f"{option.label} must be between {low} and {high}.")
        return value
    if kind is Kind.CHOICE:
        allowed = [stored for stored, _shown in option.choices]
        if isinstance(value, bool) or value not in allowed:
            shown = ", ".join(str(a) for a in allowed)
            raise SettingsError(f"{option.label} must be one of {shown}.")
        return value
    if kind is Kind.TABLE:
        return _coerce_table(option, value)
    if kind is Kind.CONNECTIONS:
        if not isinstance(value, list | tuple):
            raise SettingsError("Connections must be a list.")
        profiles = tuple(
            p if isinstance(p, ConnectionProfile) else ConnectionProfile.from_json(p) for p in value
        )
        ids = [p.id for p in profiles]
        if len(set(ids)) != len(ids):
            raise SettingsError("Two connections have the same id.")
        return profiles
    raise AssertionError(kind)


def _coerce_table(option: Option, value: Any) -> tuple[Mapping[str, str], ...]:
    if not isinstance(value, list | tuple):
        raise SettingsError(f"{option.label} must be a list.")
    names = [name for name, _heading in option.columns]
    rows: list[Mapping[str, str]] = []
    seen: set[str] = set()
    for entry in value:
        if not isinstance(entry, Mapping):
            raise SettingsError(
                f"{option.label}: each entry must be a table of {', '.join(names)}."
            )
        row: dict[str, str] = {}
        for name in names:
            cell = entry.get(name, "")
            if isinstance(cell, bool) or not isinstance(cell, str | int | float):
                raise SettingsError(f"{option.label}: {name} must be text.")
            row[name] = str(cell).strip()
        if not row["name"]:
            raise SettingsError(f"{option.label}: every entry needs a name.")
        if row["name"].casefold() in seen:
            raise SettingsError(f"{option.label}: the name {row['name']} is used twice.")
        seen.add(row["name"].casefold())
        if option.row_check is not None:
            option.row_check(row)
        rows.append(MappingProxyType(row))
    return tuple(rows)


@dataclass(frozen=True)
class Settings:
    """Every option's value (``settings["station.packer_name"]``), plus the unknown entries of
    the file they were read from (``extra``, written back as they were)."""

    values: Mapping[str, Any]
    extra: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def defaults(cls) -> Settings:
        return cls(MappingProxyType({o.key: o.default for o in OPTIONS}))

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def replace(self, updates: Mapping[str, Any]) -> Settings:
        """A copy with ``updates`` applied; raises ``SettingsError`` on the first bad value."""
        values = dict(self.values)
        for key, value in updates.items():
            try:
                option = OPTIONS_BY_KEY[key]
            except KeyError:
                raise SettingsError(f"There is no setting called {key!r}.") from None
            values[key] = coerce(option, value)
        return Settings(MappingProxyType(values), self.extra)

    # -- connections --------------------------------------------------------------------------

    @property
    def connections(self) -> tuple[ConnectionProfile, ...]:
        return tuple(self.values["connections.profiles"])

    def profile(self, profile_id: str) -> ConnectionProfile | None:
        return next((p for p in self.connections if p.id == profile_id), None)

    def active_profile(self) -> ConnectionProfile | None:
        """The connection to open, or ``None`` for training mode."""
        return self.profile(self.values["connections.active"])

    def with_profile(self, profile: ConnectionProfile, *, activate: bool = False) -> Settings:
        """Adds ``profile`` or replaces the one with its id; the first one becomes active."""
        profiles = [p for p in self.connections if p.id != profile.id]
        index = next(
            (i for i, p in enumerate(self.connections) if p.id == profile.id), len(profiles)
        )
        profiles.insert(index, profile)
        updates: dict[str, Any] = {"connections.profiles": tuple(profiles)}
        if activate or self.active_profile() is None:
            updates["connections.active"] = profile.id
        return self.replace(updates)

    def without_profile(self, profile_id: str) -> Settings:
        updates: dict[str, Any] = {
            "connections.profiles": tuple(p for p in self.connections if p.id != profile_id)
        }
        if self.values["connections.active"] == profile_id:
            updates["connections.active"] = ""
        return self.replace(updates)

    # -- file format --------------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        doc: dict[str, Any] = json.loads(json.dumps(dict(self.extra)))  # a deep copy
        doc["version"] = SETTINGS_VERSION
        for option in OPTIONS:
            value = self.values[option.key]
            if option.kind is Kind.CONNECTIONS:
                value = [p.to_json() for p in value]
            elif option.kind is Kind.TABLE:
                value = [dict(row) for row in value]
            section = doc.setdefault(option.section, {})
            if not isinstance(section, dict):  # an unknown scalar squatting on a section name
                section = doc[option.section] = {}
            section[option.name] = value
        return doc

    @classmethod
    def from_json(cls, doc: Mapping[str, Any], *, source: str = "settings") -> Settings:
        """Known options are validated one by one (bad -> default, with a warning); the
        rest is kept in ``extra``. ``doc`` must already be in the current version."""
        values: dict[str, Any] = {}
        extra_unreadable: dict[str, list[Any]] = {}
        for option in OPTIONS:
            section = doc.get(option.section)
            if not isinstance(section, Mapping) or option.name not in section:
                values[option.key] = option.default
                continue
            raw = section[option.name]
            if option.kind is Kind.CONNECTIONS and isinstance(raw, list):
                values[option.key], unreadable = _read_profiles(raw, source)
                if unreadable:
                    # Kept (and written back) so a typo in one profile loses nothing.
                    extra_unreadable[option.key] = unreadable
                continue
            try:
                values[option.key] = coerce(option, raw)
            except SettingsError as exc:
                log.warning(
                    "%s: %s is %r: %s Using the default, %r.",
                    source,
                    option.key,
                    raw,
                    exc,
                    option.default,
                )
                values[option.key] = option.default
        extra: dict[str, Any] = {}
        for name, entry in doc.items():
            if name == "version":
                continue
            if name in SECTIONS and isinstance(entry, Mapping):
                known = {o.name for o in OPTIONS if o.section == name}
                rest = {k: v for k, v in entry.items() if k not in known}
                if rest:
                    extra[name] = rest
            elif name not in SECTIONS:
                extra[name] = entry
        for key, unreadable in extra_unreadable.items():
            section_name, name = key.split(".", 1)
            extra.setdefault(section_name, {})[f"unreadable_{name}"] = unreadable
        if extra:
            log.info(
                "%s: keeping entries this version does not use: %s",
                source,
                ", ".join(sorted(extra)),
            )
        return cls(MappingProxyType(values), MappingProxyType(extra))


def _read_profiles(raw: list[Any], source: str) -> tuple[tuple[ConnectionProfile, ...], list[Any]]:
    profiles: list[ConnectionProfile] = []
    unreadable: list[Any] = []
    for entry in raw:
        try:
            profile = ConnectionProfile.from_json(entry)
        except SettingsError as exc:
            log.warning(
                "%s: skipping a connection: %s It is kept in the file as "
                "connections.unreadable_profiles.",
                source,
                exc,
            )
            unreadable.append(entry)
            continue
        if any(p.id == profile.id for p in profiles):
            log.warning("%s: skipping a second connection with id %r", source, profile.id)
            unreadable.append(entry)
            continue
        profiles.append(profile)
    return tuple(profiles), unreadable


# -- migrations ------------------------------------------------------------------------------


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """v1 was flat and had one store: ``dialect`` + ``base_url`` (+ ``store_label``), with the
    token in the keyring under the username ``"default"``; v2 has sections and a list of
    connection profiles, so that store becomes the profile with id ``"default"``."""
    out: dict[str, Any] = {"version": 2}
    dialect, base_url = doc.pop("dialect", None), doc.pop("base_url", None)
    label = doc.pop("store_label", None)
    if isinstance(dialect, str) and isinstance(base_url, str) and dialect and base_url:
        out["connections"] = {
            "profiles": [
                {
                    "id": "default",
                    "label": label or dialect,
                    "dialect": dialect,
                    "base_url": base_url,
                }
            ],
            "active": "default",
        }
    moved = {
        "station_name": ("station", "station_name"),
        "packer_name": ("station", "packer_name"),
        "printer": ("printers", "slip_printer"),
        "label_printer": ("printers", "label_printer"),
        "sync_interval": ("general", "sync_interval_s"),
    }
    for old, (section, name) in moved.items():
        if old in doc:
            out.setdefault(section, {})[name] = doc.pop(old)
    doc.pop("version", None)
    out.update({k: v for k, v in doc.items() if k not in out})  # unknown: kept
    return out


#: version -> function turning a document of that version into the next version.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


def migrate(doc: dict[str, Any]) -> dict[str, Any]:
    """``doc`` brought up to ``SETTINGS_VERSION``. A file without a version is v1."""
    version = doc.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        log.warning(
            "settings: version %r is not a version number; reading it as the current one", version
        )
        version = SETTINGS_VERSION
    if version > SETTINGS_VERSION:
        log.warning(
            "settings: written by a newer version of the app (v%d); reading what this "
            "version knows and keeping the rest",
            version,
        )
        return doc
    while version < SETTINGS_VERSION:
        log.info("settings: migrating from v%d to v%d", version, version + 1)
        doc = MIGRATIONS[version](dict(doc))
        version += 1
    return doc


# -- files -----------------------------------------------------------------------------------


def atomic_write_text(path: Path, text: str) -> None:
    """Replace ``path`` with ``text`` so that a crash leaves either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class SettingsStore:
    """Reads and writes one settings file. ``path`` defaults to ``settings.json`` in
    :func:`config_dir`."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path if path is not None else config_dir() / SETTINGS_FILE
        #: one sentence per thing the last :meth:`load` refused (empty when all was read)
        self.problems: list[Message] = []

    def load(self) -> Settings:
        self.problems = []
        try:
            make_private(self.path)
            with self.path.open("rb") as handle:
                data = handle.read(MAX_SETTINGS_BYTES + 1)
        except FileNotFoundError:
            return Settings.defaults()
        except OSError as exc:
            log.warning("settings: cannot read %s (%s); using the defaults", self.path, exc)
            self.problems.append(CANNOT_READ.format(error=str(exc.strerror or exc)))
            return Settings.defaults()
        try:
            if len(data) > MAX_SETTINGS_BYTES:
                raise ValueError(f"it is larger than {MAX_SETTINGS_BYTES} bytes")
            # utf-8-sig: a byte order mark (some editors add one) is not part of the JSON.
            doc = _parse_document(data.decode("utf-8-sig"), self.problems)
        except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError included
            backup = self.path.with_name(self.path.name + ".bad")
            shutil.copyfile(self.path, backup)
            make_private(backup)
            log.warning(
                "settings: %s is not valid JSON (%s); it was copied to %s and the "
                "defaults are used",
                self.path,
                exc,
                backup,
            )
            self.problems.append(SET_ASIDE.format(error=str(exc), backup=backup.name))
            return Settings.defaults()
        for problem in self.problems:
            log.warning("settings: %s: %s", self.path, problem)
        return Settings.from_json(migrate(doc), source=str(self.path))

    def save(self, settings: Settings) -> None:
        doc = settings.to_json()
        text = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        if not _encodable(text):  # a lone surrogate kept from the file: written as \udXXX
            text = json.dumps(doc, indent=2) + "\n"
        atomic_write_text(self.path, text)
        log.info("settings saved to %s", self.path)

    def update(self, change: Callable[[Settings], Settings]) -> Settings:
        """Load, apply ``change``, save; returns what was saved."""
        settings = change(self.load())
        self.save(settings)
        return settings


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _parse_document(text: str, problems: list[Message]) -> dict[str, Any]:
    """The settings object in ``text``, without the top-level entries nested deeper than
    ``MAX_DEPTH`` (each one noted in ``problems``). ``ValueError`` if it is not a JSON object.

    Python's JSON reader raises ``RecursionError`` on very deep input, which would lose the
    whole file; then each top-level entry is read on its own so the sound ones survive."""
    try:
        doc = json.loads(text)
        members: list[tuple[str, Any]] | None = None
    except RecursionError:
        doc, members = None, []
        for key, value_text in _top_level_members(text):
            try:
                members.append((key, json.loads(value_text)))
            except RecursionError:
                problems.append(TOO_DEEP.format(key=key[:80]))
    if members is None:
        if not isinstance(doc, dict):
            raise ValueError("the file is not a JSON object")
        members = list(doc.items())
    kept: dict[str, Any] = {}
    for key, value in members:
        if _depth(value) > MAX_DEPTH:
            problems.append(TOO_DEEP.format(key=key[:80]))
            continue
        kept[key] = value
    return kept


def _depth(value: Any) -> int:
    """How deeply ``value`` nests lists and objects (iterative: no recursion limit)."""
    deepest = 0
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, level)
            if level > MAX_DEPTH:
                return level
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
    return deepest


def _top_level_members(text: str) -> list[tuple[str, str]]:
    """(key, value text) of each member of the JSON object ``text``, found by scanning
    brackets and strings without building the values. ``ValueError`` if it is not an
    object."""
    members: list[tuple[str, str]] = []
    i, n = _skip_space(text, 0), len(text)
    if i >= n or text[i] != "{":
        raise ValueError("the file is not a JSON object")
    i = _skip_space(text, i + 1)
    if i < n and text[i] == "}":
        return members
    while i < n:
        end = _string_end(text, i)
        key = json.loads(text[i:end])
        i = _skip_space(text, end)
        if i >= n or text[i] != ":":
            raise ValueError("a key without a value")
        start = i = _skip_space(text, i + 1)
        depth = 0
        while i < n:
            c = text[i]
            if c == '"':
                i = _string_end(text, i)
                continue
            if c in "[{":
                depth += 1
            elif c in "]}":
                if depth == 0:
                    break
                depth -= 1
            elif c == "," and depth == 0:
                break
            i += 1
        if i >= n:
            raise ValueError("the object is not closed")
        members.append((key, text[start:i].strip()))
        if text[i] == "}":
            return members
        i = _skip_space(text, i + 1)
    raise ValueError("the object is not closed")


def _skip_space(text: str, i: int) -> int:
    while i < len(text) and text[i] in " \t\r\n":
        i += 1
    return i


def _string_end(text: str, i: int) -> int:
    """The index just after the JSON string that starts at ``text[i]``."""
    if i >= len(text) or text[i] != '"':
        raise ValueError("a key is not a string")
    i += 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == '"':
            return i + 1
        i += 1
    raise ValueError("a string is not closed")


def section_options(section: str) -> Iterable[Option]:
    return (o for o in OPTIONS if o.section == section)
