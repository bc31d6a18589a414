"""Scanning: what a scan is and who typed it. Pure Python, no Qt.

* :mod:`.checkdigits` — the check-digit algorithms, one implementation per algorithm.
* :mod:`.tracking` — tracking numbers from the one carrier table ``resources/carriers.json``.
* :mod:`.gs1` — AIM symbology identifiers, GS1 element strings, GTIN keys.
* :mod:`.barcodes` — :func:`~.barcodes.classify_scan`, the single entry point for a scan.
* :mod:`.burst` — scanner-versus-person decision by key timing (the Qt side is
  ``ui/common/scanner_filter.py``).
"""
