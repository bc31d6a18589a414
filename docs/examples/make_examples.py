"""Regenerate the example slip and label in this folder (needs pdftoppm from poppler-utils).

python docs/examples/make_examples.py
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from fulfillment_station.printing import render_label_pdf, render_label_zpl, render_slip
from fulfillment_station.printing.samples import sample_order, sample_settings, sample_shipment

HERE = Path(__file__).resolve().parent


def main() -> None:
    settings = sample_settings("letter")
    order = sample_order("1001", lines=6, customer="Zoë Ñandú-Łukasiewicz")
    shipment = sample_shipment("USPS")
    (HERE / "packing-slip.pdf").write_bytes(render_slip(order, settings))
    (HERE / "label-4x6.pdf").write_bytes(render_label_pdf(order, shipment, settings))
    (HERE / "label-4x6-203dpi.zpl").write_text(render_label_zpl(order, shipment, settings, 203))
    for stem, dpi in (("packing-slip", 60), ("label-4x6", 100)):
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-singlefile", f"{stem}.pdf", stem],
            cwd=HERE,
            check=True,
        )


if __name__ == "__main__":
    main()
