"""Multi-page PDF plumbing shared by slips and pick lists: page furniture drawn last.

A header and "page x of y" footer need the page count of each document in the file (a batch
holds many slips). ``GroupMark`` flowables mark where each document starts; the canvas keeps
every page's content until ``save`` and then draws each page's furniture knowing the group it
belongs to, its position in it and the group's page count.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from fulfillment_station import APP_NAME

# furniture(canvas, group, page_number_in_group, pages_in_group)
Furniture = Callable[[Canvas, Any, int, int], None]


class GroupMark(Flowable):
    """Zero-size flowable: the page it lands on (and those after) belong to ``group``.

    ``on_draw`` runs when the mark is laid out, which batches use for progress and cancel.
    """

    def __init__(self, group: object, on_draw: Callable[[], None] | None = None) -> None:
        super().__init__()
        self.group = group
        self.on_draw = on_draw
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        if self.on_draw is not None:
            self.on_draw()
        self.canv.fs_group = self.group  # type: ignore[attr-defined]


class _DeferredCanvas(Canvas):
    def __init__(self, *args: Any, furniture: Furniture, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fs_group: object = None
        self._furniture = furniture
        self._pages: list[tuple[dict[str, Any], object]] = []

    def showPage(self) -> None:  # reportlab names it so
        self._pages.append((dict(self.__dict__), self.fs_group))
        # reportlab's own reset to a blank page (what showPage does after emitting one);
        # private, so the stubs leave it out.
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        totals = Counter(id(group) for _, group in self._pages)
        seen: Counter[int] = Counter()
        for state, group in self._pages:
            self.__dict__.update(state)
            seen[id(group)] += 1
            self._furniture(self, group, seen[id(group)], totals[id(group)])
            super().showPage()
        super().save()


@dataclass(frozen=True, slots=True)
class PageFrame:
    """Page size and the bands kept clear for the header and footer, in points."""

    size: tuple[float, float]
    margin: float
    header: float
    footer: float

    @property
    def content_width(self) -> float:
        return self.size[0] - 2 * self.margin


def build_pdf(story: list[Flowable], frame: PageFrame, furniture: Furniture, title: str) -> bytes:
    buffer = io.BytesIO()
    height = frame.size[1]
    doc = BaseDocTemplate(
        buffer,
        pagesize=frame.size,
        leftMargin=frame.margin,
        rightMargin=frame.margin,
        topMargin=frame.margin + frame.header,
        bottomMargin=frame.margin + frame.footer,
        title=title,
        author=APP_NAME,
        pageCompression=1,
    )
    body = Frame(
        frame.margin,
        frame.margin + frame.footer,
        frame.content_width,
        height - 2 * frame.margin - frame.header - frame.footer,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[body])])

    def make_canvas(*args: Any, **kwargs: Any) -> Canvas:
        return _DeferredCanvas(*args, furniture=furniture, **kwargs)

    doc.build(story, canvasmaker=make_canvas)
    return buffer.getvalue()
