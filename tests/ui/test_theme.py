"""Theme: readable badge and banner colours in both schemes, the scheme taken from the system
or the palette, and SVG icons drawn sharp at HiDPI in the colour asked for."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from fulfillment_station.domain import FulfillmentStatus, OrderStatus
from fulfillment_station.ui.common.theme import (
    BADGES,
    BANNERS,
    BASE,
    ICONS_DIR,
    Scheme,
    action_icon,
    app_icon,
    badge_colour,
    scheme_of,
)

pytestmark = pytest.mark.gui


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio."""

    def luminance(hex_colour: str) -> float:
        colour = QColor(hex_colour)

        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(colour.redF())
            + 0.7152 * channel(colour.greenF())
            + 0.0722 * channel(colour.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", list(Scheme))
def test_every_status_has_a_readable_badge_in_both_schemes(scheme: Scheme) -> None:
    statuses = {s.value for s in OrderStatus} | {s.value for s in FulfillmentStatus}
    assert set(BADGES[scheme]) == statuses
    unreadable = {
        k: round(contrast(v, BASE[scheme]), 2)
        for k, v in BADGES[scheme].items()
        if contrast(v, BASE[scheme]) < 4.5
    }
    assert unreadable == {}


@pytest.mark.parametrize("scheme", list(Scheme))
def test_banners_are_readable(scheme: Scheme) -> None:
    for name, style in BANNERS[scheme].items():
        assert contrast(style.foreground, style.background) >= 4.5, name


def test_unknown_status_gets_the_unknown_colour() -> None:
    assert badge_colour("on-hold", Scheme.DARK) == QColor(BADGES[Scheme.DARK]["unknown"])


def test_scheme_follows_the_palette_when_the_platform_does_not_say(qapp: QApplication) -> None:
    if qapp.styleHints().colorScheme() != Qt.ColorScheme.Unknown:
        pytest.skip("this platform reports its colour scheme")
    original = qapp.palette()
    try:
        dark = QPalette(original)
        dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
        qapp.setPalette(dark)
        assert scheme_of(qapp) is Scheme.DARK
        light = QPalette(original)
        light.setColor(QPalette.ColorRole.Window, QColor("#f0f0f0"))
        qapp.setPalette(light)
        assert scheme_of(qapp) is Scheme.LIGHT
    finally:
        qapp.setPalette(original)


def drawn_colours(icon: QIcon, size: int, scale: float) -> tuple[QSize, set[str]]:
    image = icon.pixmap(QSize(size, size), scale).toImage()
    opaque = {
        QColor(image.pixel(x, y)).name()
        for x in range(image.width())
        for y in range(image.height())
        if QColor.fromRgba(image.pixel(x, y)).alpha() == 255
    }
    return image.size(), opaque


@pytest.mark.parametrize(
    "name", sorted(p.stem for p in ICONS_DIR.glob("*.svg") if p.stem != "fulfillment-station")
)
def test_action_icons_render_at_hidpi_in_the_asked_colour(qapp: QApplication, name: str) -> None:
    icon = action_icon(name, QColor("#ff0000"))
    size, colours = drawn_colours(icon, 24, 2.0)
    assert size == QSize(48, 48)  # drawn for the device pixels, not scaled up from 24
    assert colours == {"#ff0000"}


def test_app_icon_renders(qapp: QApplication, qtbot: Any) -> None:
    size, colours = drawn_colours(app_icon(), 64, 1.0)
    assert size == QSize(64, 64)
    assert len(colours) > 3  # the multi-colour drawing, not a blank square


def test_disabled_icons_are_faded(qapp: QApplication) -> None:
    icon = action_icon("search", QColor("#000000"))
    image = icon.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Disabled).toImage()
    alphas = {QColor.fromRgba(image.pixel(x, y)).alpha() for x in range(24) for y in range(24)}
    assert max(alphas) < 255


_CJK_PROBE = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
if sys.argv[1] == "install":
    from fulfillment_station.ui.common.theme import install_app_fonts
    assert install_app_fonts() == ["Droid Sans Fallback"]
def drawn(text):
    label = QLabel(text)
    label.adjustSize()
    return label.grab().toImage()
# Code points no font has draw as the same empty boxes; real glyphs draw differently.
print("glyphs" if drawn("東京都") != drawn("\\U000F0000\\U000F0001\\U000F0002") else "boxes")
"""


def test_a_japanese_name_is_drawn_on_screen_with_the_shipped_font() -> None:
    """A desk without CJK fonts (the test machine has none) drew a Japanese customer's name
    as empty boxes; with the app's fonts installed at start it is drawn. A fresh process
    each, since a font registered once stays for the process."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

    def probe(mode: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", _CJK_PROBE, mode],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=True,
        )
        return done.stdout.strip().splitlines()[-1]

    assert probe("install") == "glyphs"
    if probe("bare") == "glyphs":
        pytest.skip("this machine has a CJK font of its own: the comparison proves nothing")
