"""Untrusted text: escaped for Paragraph markup, CJK switched to the bundled fallback font."""

from __future__ import annotations

from fulfillment_station.printing.fonts import FALLBACK, SANS, clean, markup, runs


def test_markup_escapes_everything_reportlab_would_parse() -> None:
    assert markup("<b>Tom & Jerry</b>") == "&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;"
    assert markup("a\nb") == "a<br/>b"


def test_cjk_runs_switch_font_and_back() -> None:
    assert runs("Юлия 王小明 Smith") == [(SANS, "Юлия "), (FALLBACK, "王小明"), (SANS, " Smith")]
    assert markup("王 <x>") == f'<font name="{FALLBACK}">王</font> &lt;x&gt;'


def test_control_characters_do_not_reach_the_page() -> None:
    assert clean("a\x00b\x1bc\x7f") == "a b c "
    assert clean(None) == ""
