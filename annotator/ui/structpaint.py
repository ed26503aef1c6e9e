"""Painting the structure records (tags, brackets, arcs) over the article, and their sizes.

Names are the schema's in the interface language; colours are the schema's. Nothing here decides
where anything goes: that is ``structure``; this only turns records into pixels.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen, QPolygonF

from annotator.model.schema import Schema
from annotator.ui.names import name as display_name
from annotator.ui.structure import TAG_PAD_X, Arc, BlockGeometry, Gutter, Metrics

TAG_SCALE = 0.3  # a tag's text size against the article's line height (it follows the zoom)
MIN_TEXT_PIXELS = 7  # a tag or arc label smaller than this shows its colour, not its name
BAR_HEIGHT = 4.0  # zoomed out below that: a tag is a coloured bar over its words
ARC_COLOUR = "#4a4a4a"
ARC_FOCUS_COLOUR = "#c2185b"
LABEL_BACKGROUND = "#ffffff"


def _readable_on(colour: QColor) -> QColor:
    """Black or white, whichever reads on ``colour``."""
    luma = 0.299 * colour.red() + 0.587 * colour.green() + 0.114 * colour.blue()
    return QColor("#000000") if luma > 150 else QColor("#ffffff")


class StructurePainter:
    """Tag font and sizes for an article font; draws the records of the blocks on screen."""

    def __init__(self, schema: Schema) -> None:
        self.names = {lab.id: display_name(lab) for lab in schema.labels}
        self.link_names = {rel.id: display_name(rel) for rel in schema.relations}
        self.colours = {lab.id: QColor(lab.color) for lab in schema.labels}
        self.font = QFont()
        self._metrics: QFontMetricsF | None = None
        self._key: int | None = None
        self.bars = False  # zoomed too far out for names: tags are bars, arcs have no label
        self._widths: dict[str, float] = {}
        self._fitted: dict[int, QFont | None] = {}  # box height -> font for its text

    def set_article_font(self, article: QFont) -> None:
        """Follow the article's font (zoom, preferences)."""
        size = round(QFontMetricsF(article).height() * TAG_SCALE)
        if size == self._key:
            return
        self._key = size
        # the interface font, not the article's: a naskh face's tall lines would make every row
        # of tags twice as high for the same letters
        self.font = QFont()
        self.font.setPixelSize(max(size, 1))
        self.bars = size < MIN_TEXT_PIXELS
        self._metrics = QFontMetricsF(self.font)
        self._widths = {}
        self._fitted = {}

    def _font_for(self, height: float) -> QFont | None:
        """The tag font, smaller for a box squeezed into a kept room; None when too small to read."""
        assert self._metrics is not None
        full = self._metrics.height()  # a box at full size holds this much (tags one more)
        key = round(height)
        if key not in self._fitted:
            size = round(self.font.pixelSize() * min(1.0, height / full))
            font = None
            if size >= MIN_TEXT_PIXELS:
                font = QFont(self.font)
                font.setPixelSize(size)
            self._fitted[key] = font
        return self._fitted[key]

    def _text(self, painter: QPainter, rect: QRectF, text: str) -> None:
        font = self._font_for(rect.height())
        if font is not None:
            painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _width(self, text: str) -> float:
        w = self._widths.get(text)
        if w is None:
            assert self._metrics is not None
            w = self._widths[text] = self._metrics.horizontalAdvance(text) + 2 * TAG_PAD_X
        return w

    def name(self, label: str) -> str:
        return self.names.get(label, label)

    def link_name(self, label: str) -> str:
        return self.link_names.get(label, label)

    def metrics(self, width: float, gutter: Gutter) -> Metrics:
        assert self._metrics is not None
        if self.bars:
            return Metrics(BAR_HEIGHT + 2, BAR_HEIGHT + 2, width, gutter, lambda label: 0.0,
                           lambda label: 0.0, bars=True)  # fmt: skip
        height = self._metrics.height()
        return Metrics(
            tag_height=height + 2,
            arc_step=height + 2,
            width=width,
            gutter=gutter,
            tag_width=lambda label: self._width(self.name(label)),
            link_width=lambda label: self._width(self.link_name(label)) + 6,
        )

    # ---------------------------------------------------------------- painting
    def paint(
        self,
        painter: QPainter,
        blocks: Iterable[BlockGeometry],
        arcs: Iterable[Arc],
        emphasis: set[int],
        focus_relation: int = 0,
        drag: tuple[tuple[float, float], tuple[float, float]] | None = None,
    ) -> None:
        """Brackets, arcs, then tags on top (an arc never hides a label)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.font)
        blocks = list(blocks)
        for geo in blocks:
            for b in geo.brackets:
                colour = self.colours.get(b.label, QColor("#888888"))
                painter.setPen(QPen(colour, 1.5))
                tick = 3.0
                painter.drawPolyline(
                    QPolygonF([QPointF(b.x0, b.y - tick), QPointF(b.x0, b.y),
                               QPointF(b.x1, b.y), QPointF(b.x1, b.y - tick)])
                )  # fmt: skip
        for arc in arcs:
            self._paint_arc(painter, arc, arc.relation_id == focus_relation)
        for geo in blocks:
            for t in geo.tags:
                colour = self.colours.get(t.label, QColor("#888888"))
                rect = QRectF(t.box.x0, t.box.y0, t.box.width, t.box.height)
                strong = t.span_id in emphasis
                painter.setPen(QPen(colour.darker(170) if not strong else QColor("#000000"),
                                    2.0 if strong else 1.0))  # fmt: skip
                painter.setBrush(colour)
                painter.drawRoundedRect(rect, 3, 3)
                painter.setPen(_readable_on(colour))
                self._text(painter, rect, self.name(t.label))
        if drag is not None:  # a link being dragged from a tag
            pen = QPen(QColor(ARC_FOCUS_COLOUR), 2.0)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(*drag[0]), QPointF(*drag[1]))
        painter.setBrush(Qt.BrushStyle.NoBrush)

    def _paint_arc(self, painter: QPainter, arc: Arc, focus: bool) -> None:
        colour = QColor(ARC_FOCUS_COLOUR if focus else ARC_COLOUR)
        painter.setPen(QPen(colour, 2.0 if focus else 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        path = QPainterPath(QPointF(*arc.points[0]))
        for x, y in arc.points[1:]:
            path.lineTo(x, y)
        painter.drawPath(path)
        if arc.arrow is not None:
            (tx, ty), (bx, by) = arc.arrow
            painter.setBrush(colour)
            dx, dy = tx - bx, ty - by
            painter.drawPolygon(
                QPolygonF([QPointF(tx, ty), QPointF(bx - dy * 0.6, by + dx * 0.6),
                           QPointF(bx + dy * 0.6, by - dx * 0.6)])
            )  # fmt: skip
        if arc.label_box is not None:
            box = arc.label_box
            rect = QRectF(box.x0, box.y0, box.width, box.height)
            painter.setPen(QPen(colour, 1.0))
            painter.setBrush(QColor(LABEL_BACKGROUND))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(colour)
            self._text(painter, rect, self.link_name(arc.label))
        painter.setBrush(Qt.BrushStyle.NoBrush)
