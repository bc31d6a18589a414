"""Look of the app: which colour scheme the system uses, the badge and banner colours for each
scheme, and SVG icons that stay sharp at any device-pixel ratio.

- The scheme follows the system (Qt 6.5+ ``styleHints().colorScheme()``); where the platform
  does not say (``Unknown``: offscreen, some X11 desktops) the palette's window colour decides.
  :class:`ThemeWatcher` re-emits the system's changes so widgets can repaint their badges.
- Colours are text colours on the view's base colour and each one keeps WCAG contrast of at
  least 4.5:1 on it (``tests/ui/test_theme.py`` checks every pair). Colour is never the only
  signal: statuses are words in the tables and the detail pane; the colour only helps.
- Action icons are line drawings in ``currentColor`` (``resources/icons``). :func:`action_icon`
  paints them in the palette's text colour through a vector icon engine, so they are drawn at
  the exact pixel size a HiDPI screen asks for instead of scaling a bitmap.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType

from PySide6.QtCore import QByteArray, QObject, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer

from fulfillment_station.domain import FulfillmentStatus, OrderStatus
from fulfillment_station.resources import RESOURCES_DIR

ICONS_DIR = RESOURCES_DIR / "icons"
#: The fonts the app ships: the CJK fallback is the one the slips already use, so a Japanese
#: or Chinese name reads the same on screen as on paper, on desks with no CJK font installed.
APP_FONTS = (RESOURCES_DIR / "fonts" / "DroidSansFallback.ttf",)
APP_ICON = "fulfillment-station"


class Scheme(StrEnum):
    LIGHT = "light"
    DARK = "dark"


#: The view background each scheme's colours are chosen against (Fusion's base colours).
BASE: Mapping[Scheme, str] = MappingProxyType({Scheme.LIGHT: "#ffffff", Scheme.DARK: "#1e1e1e"})

#: Badge text colour per status/fulfillment value, per scheme. Keys are the domain enums' values.
BADGES: Mapping[Scheme, Mapping[str, str]] = MappingProxyType(
    {
        Scheme.LIGHT: MappingProxyType(
            {
                OrderStatus.PENDING: "#8a5200",
                OrderStatus.CONFIRMED: "#1565c0",
                OrderStatus.PROCESSING: "#6a1b9a",
                OrderStatus.SHIPPED: "#2e7d32",
                OrderStatus.DELIVERED: "#1b5e20",
                OrderStatus.COMPLETED: "#455a64",
                OrderStatus.CANCELLED: "#616161",
                OrderStatus.UNKNOWN: "#c62828",
                FulfillmentStatus.UNFULFILLED: "#8a5200",
                FulfillmentStatus.PARTIAL: "#6a1b9a",
                FulfillmentStatus.FULFILLED: "#2e7d32",
            }
        ),
        Scheme.DARK: MappingProxyType(
            {
                OrderStatus.PENDING: "#ffb74d",
                OrderStatus.CONFIRMED: "#64b5f6",
                OrderStatus.PROCESSING: "#ce93d8",
                OrderStatus.SHIPPED: "#81c784",
                OrderStatus.DELIVERED: "#a5d6a7",
                OrderStatus.COMPLETED: "#b0bec5",
                OrderStatus.CANCELLED: "#bdbdbd",
                OrderStatus.UNKNOWN: "#ef9a9a",
                FulfillmentStatus.UNFULFILLED: "#ffb74d",
                FulfillmentStatus.PARTIAL: "#ce93d8",
                FulfillmentStatus.FULFILLED: "#81c784",
            }
        ),
    }
)


@dataclass(frozen=True)
class BannerStyle:
    background: str
    foreground: str
    border: str

    def stylesheet(self, selector: str) -> str:
        """A Qt style sheet rule for ``selector`` (e.g. ``"#errorBanner"``)."""
        return (
            f"{selector} {{ background: {self.background}; color: {self.foreground};"
            f" border: 1px solid {self.border}; }}"
            f" {selector} QLabel {{ color: {self.foreground}; }}"
        )


#: Banners and the online indicator; the training banner is loud yellow in both schemes.
BANNERS: Mapping[Scheme, Mapping[str, BannerStyle]] = MappingProxyType(
    {
        Scheme.LIGHT: MappingProxyType(
            {
                "error": BannerStyle("#fde2e1", "#7f1d1d", "#c62828"),
                "training": BannerStyle("#ffd600", "#000000", "#000000"),
                "online": BannerStyle(BASE[Scheme.LIGHT], "#1b5e20", BASE[Scheme.LIGHT]),
                "offline": BannerStyle(BASE[Scheme.LIGHT], "#b71c1c", BASE[Scheme.LIGHT]),
            }
        ),
        Scheme.DARK: MappingProxyType(
            {
                "error": BannerStyle("#4a1414", "#ffcdd2", "#ef5350"),
                "training": BannerStyle("#ffd600", "#000000", "#000000"),
                "online": BannerStyle(BASE[Scheme.DARK], "#a5d6a7", BASE[Scheme.DARK]),
                "offline": BannerStyle(BASE[Scheme.DARK], "#ef9a9a", BASE[Scheme.DARK]),
            }
        ),
    }
)


def scheme_of(app: QGuiApplication) -> Scheme:
    """The system's scheme, or the palette's when the platform does not say."""
    hint = app.styleHints().colorScheme()
    if hint == Qt.ColorScheme.Dark:
        return Scheme.DARK
    if hint == Qt.ColorScheme.Light:
        return Scheme.LIGHT
    window = app.palette().color(QPalette.ColorRole.Window)
    return Scheme.DARK if window.lightnessF() < 0.5 else Scheme.LIGHT


def badge_colour(status: str, scheme: Scheme) -> QColor:
    """Badge colour for an ``OrderStatus``/``FulfillmentStatus`` value (the unknown colour for
    anything else, so a new status is visible rather than invisible)."""
    badges = BADGES[scheme]
    return QColor(badges.get(status, badges[OrderStatus.UNKNOWN]))


def banner_style(name: str, scheme: Scheme) -> BannerStyle:
    return BANNERS[scheme][name]


class ThemeWatcher(QObject):
    """Emits ``scheme_changed`` when the system switches between light and dark."""

    scheme_changed = Signal(object)  # Scheme

    def __init__(self, app: QGuiApplication, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self.scheme = scheme_of(app)
        app.styleHints().colorSchemeChanged.connect(self._changed)

    def _changed(self, _hint: Qt.ColorScheme) -> None:
        scheme = scheme_of(self._app)
        if scheme != self.scheme:
            self.scheme = scheme
            self.scheme_changed.emit(scheme)


# -- icons ------------------------------------------------------------------------------------


class SvgIconEngine(QIconEngine):
    """Draws an SVG at whatever size and device-pixel ratio is asked; disabled icons are drawn
    faded, as Qt does for its own."""

    def __init__(self, svg: bytes) -> None:
        super().__init__()
        self._svg = svg
        self._renderer = QSvgRenderer(QByteArray(svg))

    def is_valid(self) -> bool:
        return self._renderer.isValid()

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        if mode == QIcon.Mode.Disabled:
            painter.setOpacity(0.4)
        self._renderer.render(painter, QRectF(rect))
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.setDevicePixelRatio(scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return pixmap

    def clone(self) -> QIconEngine:
        return SvgIconEngine(self._svg)


def icon_path(name: str, icons_dir: Path = ICONS_DIR) -> Path:
    return icons_dir / f"{name}.svg"


def action_icon(name: str, colour: QColor, icons_dir: Path = ICONS_DIR) -> QIcon:
    """``resources/icons/<name>.svg`` with ``currentColor`` painted in ``colour`` (usually
    ``palette().color(QPalette.ColorRole.WindowText)``)."""
    text = icon_path(name, icons_dir).read_text(encoding="utf-8")
    svg = text.replace("currentColor", colour.name(QColor.NameFormat.HexRgb)).encode("utf-8")
    engine = SvgIconEngine(svg)
    if not engine.is_valid():
        raise ValueError(f"icon {name!r} is not a valid SVG")
    return QIcon(engine)


def app_icon(icons_dir: Path = ICONS_DIR) -> QIcon:
    """The multi-colour app icon for window and taskbar."""
    return QIcon(SvgIconEngine(icon_path(APP_ICON, icons_dir).read_bytes()))


def install_app_fonts(fonts: tuple[Path, ...] = APP_FONTS) -> list[str]:
    """Register the shipped fonts with Qt (once per process, before the first window), so
    text in scripts the desk's own fonts lack (Chinese, Japanese, Korean customer names) is
    drawn instead of empty boxes. Returns the families added; a missing or unreadable file is
    skipped (the text then falls back to the system's fonts, as before)."""
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    for path in fonts:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families
