"""The ZPL graphic of a store's label holds exactly the dots of the label: any bitmap survives
the row shorthands (``:`` repeat, ``,`` rest white) dot for dot."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fulfillment_station.printing.label_raster import raster_to_zpl, zpl_graphic_bits


def _dots(pixels: bytes, width: int, height: int) -> list[str]:
    """Rows as '1' (dark) / '0', the way a printer would lay them down."""
    return [
        "".join("1" if g < 128 else "0" for g in pixels[y * width : (y + 1) * width])
        for y in range(height)
    ]


def _decoded(zpl: str, width: int) -> list[str]:
    _per_row, rows = zpl_graphic_bits(zpl.encode("ascii"))
    return [bin(int(row, 16))[2:].zfill(len(row) * 4)[:width] for row in rows]


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 40).flatmap(
        lambda w: st.tuples(
            st.just(w),
            st.lists(
                st.lists(st.sampled_from([0, 40, 200, 255]), min_size=w, max_size=w),
                min_size=1,
                max_size=12,
            ),
        )
    )
)
def test_every_dot_survives_the_shorthands(case: tuple[int, list[list[int]]]) -> None:
    width, rows = case
    # Repeated and blank rows are what the shorthands are for: make them likely.
    rows = rows + rows[-1:] + [[255] * width]
    pixels = bytes(g for row in rows for g in row)
    zpl = raster_to_zpl(pixels, width, len(rows), width)
    assert zpl.startswith("^XA") and zpl.rstrip().endswith("^XZ")
    assert _decoded(zpl, width) == _dots(pixels, width, len(rows))


def test_a_white_label_is_tiny_and_a_stride_wider_than_the_row_is_ignored() -> None:
    width, height, stride = 812, 1218, 816  # pdfium pads rows to 4 bytes
    pixels = bytes([255] * width + [0] * (stride - width)) * height
    zpl = raster_to_zpl(pixels, width, height, stride)
    assert len(zpl) < 2 * height + 100
    assert set(_decoded(zpl, width)) == {"0" * width}
