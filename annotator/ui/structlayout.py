"""The article's text layout with room between lines for label tags and relation arcs.

``QPlainTextEdit`` lays lines out edge to edge and ignores line spacing and block margins
(notes/QT.md). This layout lets Qt lay a block out as usual, then measures each line (glyph
extents by string index: Qt's own bidi result) and moves the lines down to leave the room that
``structure.place_block`` asks for. Every reader of line positions in ``QPlainTextEdit`` (painting,
hit-testing, cursor rectangles, scrolling) first asks ``blockBoundingRect``, which is where the
lines are moved, so the text, the cursor and the mouse all agree with the room added.

Only blocks Qt lays out are measured (the ones on screen, lazily), so a 1 MB document costs what
its visible blocks cost. A block Qt lays out again (a width or font change) is measured again.
An edit changes spans and links, never the text, so a block placed again after one keeps Qt's
lines and their measures (``measures``): only the room above the lines and what is drawn in it are
computed again (``relayout_blocks``), and lines on screen keep their room (``keep``), so the
text does not move under the annotator's eyes; ``unsettled`` lists the lines kept in a room other
than their own, and ``settle`` gives them their own room once they are off screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QTextBlock, QTextDocument, QTextLayout, QTextLine
from PySide6.QtWidgets import QPlainTextDocumentLayout

from annotator.ui.structure import BlockGeometry, LineMeasure, Link, Metrics, SpanEnd, place_block

_GLYPH_FLAGS = (
    QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphIndexes
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveGlyphPositions
    | QTextLayout.GlyphRunRetrievalFlag.RetrieveStringIndexes
)

SUPPLEMENTARY = "\U00010000"  # the first character Qt stores as two UTF-16 units

BlockSource = Callable[[QTextBlock], tuple[list[SpanEnd], list[Link]]]


def line_glyphs(
    layout: QTextLayout, line: QTextLine, text: str
) -> tuple[tuple[int, float, float], ...]:
    """(string index, x0, x1) of every glyph of a line of the block ``text``, by string index
    (block-relative).

    On a line holding a character outside the BMP drawn by a fallback font (𝕏 in a Latin run),
    Qt 6 gives every later glyph of the run the fallback character's string index, so such
    lines are asked one character at a time (the positions are right either way)."""
    start, length = line.textStart(), line.textLength()
    if not text or max(text) < SUPPLEMENTARY:  # max: C speed on long paragraphs
        return _glyphs(layout, start, length, None)
    units = text.encode("utf-16-le")
    out: list[tuple[int, float, float]] = []
    i = start
    while i < start + length:
        high = 0xD800 <= int.from_bytes(units[2 * i : 2 * i + 2], "little") < 0xDC00
        step = 2 if high else 1
        out += _glyphs(layout, i, step, i)
        i += step
    out.sort()
    return tuple(out)


def _glyphs(
    layout: QTextLayout, start: int, length: int, index: int | None
) -> tuple[tuple[int, float, float], ...]:
    """The glyphs of ``start..start+length``, by Qt's string index or all at ``index``."""
    out: list[tuple[int, float, float]] = []
    for run in layout.glyphRuns(start, length, _GLYPH_FLAGS):
        advances = run.rawFont().advancesForGlyphIndexes(run.glyphIndexes())
        for at, pos, adv in zip(run.stringIndexes(), run.positions(), advances, strict=False):
            x = pos.x()
            out.append((at if index is None else index, x, x + adv.x()))
    out.sort()
    return tuple(out)


def _touched(spans: list[SpanEnd], start: int, end: int) -> bool:
    return any(s.start < end and s.end > start for s in spans)


class StructureLayout(QPlainTextDocumentLayout):
    """A plain-text layout that leaves room above each line and keeps the geometry it placed."""

    def __init__(
        self, doc: QTextDocument, source: BlockSource, metrics: Callable[[], Metrics]
    ) -> None:
        super().__init__(doc)
        self.source = source
        self.metrics = metrics
        self.geometry: dict[int, BlockGeometry] = {}
        self.measures: dict[int, tuple[LineMeasure, ...]] = {}  # block -> its lines as Qt set them
        self.keep: dict[int, tuple[float | None, ...]] = {}  # block -> room its lines keep
        self.unsettled: dict[int, tuple[int, ...]] = {}  # block -> lines in a kept room

    def blockBoundingRect(self, block: QTextBlock) -> QRectF:
        rect = super().blockBoundingRect(block)
        layout = block.layout()
        if layout is not None and layout.lineCount() and layout.lineAt(0).y() == 0.0:
            self._place(block, layout)  # freshly laid out by Qt: add the room (PAD > 0 always)
            rect = super().blockBoundingRect(block)
        return rect

    def _measure(
        self, block: QTextBlock, layout: QTextLayout, spans: list[SpanEnd]
    ) -> tuple[LineMeasure, ...]:
        """The block's lines with the glyphs of those its spans touch (kept: the glyphs of a line
        do not change while Qt's layout of it stands)."""
        number = block.blockNumber()
        fresh = layout.lineAt(0).y() == 0.0  # Qt laid it out anew since it was placed: no room yet
        known = () if fresh else self.measures.get(number, ())
        if len(known) != layout.lineCount():
            known = ()
        text = ""
        measures = []
        for i in range(layout.lineCount()):
            old = known[i] if known else None
            if old is not None and (old.glyphs or not _touched(spans, old.start, old.end)):
                measures.append(old)
                continue
            line = layout.lineAt(i)
            start = line.textStart()
            end = start + line.textLength()
            glyphs: tuple[tuple[int, float, float], ...] = ()
            if _touched(spans, start, end):
                text = text or block.text()
                glyphs = line_glyphs(layout, line, text)
            measures.append(LineMeasure(start, end, line.height(), glyphs))
        self.measures[number] = out = tuple(measures)
        return out

    def _place(self, block: QTextBlock, layout: QTextLayout) -> None:
        spans, links = self.source(block)
        measures = self._measure(block, layout, spans)
        number = block.blockNumber()
        geo = place_block(measures, spans, links, self.metrics(), self.keep.pop(number, None))
        for i, room in enumerate(geo.lines):
            line = layout.lineAt(i)
            line.setPosition(QPointF(line.x(), room.top))
        self.geometry[number] = geo
        if geo.kept:
            self.unsettled[number] = geo.kept
        else:
            self.unsettled.pop(number, None)

    def relayout_blocks(
        self, numbers: set[int], on_screen: Callable[[int], set[int]] | None = None
    ) -> None:
        """Place these blocks again (their spans or links changed) over the lines Qt laid out;
        the lines ``on_screen`` names (block -> line indices) keep the room they have. The text is
        the same, so Qt's layout stands: the lines are only moved, and the view repainted."""
        doc = self.document()
        for n in sorted(numbers):
            block = doc.findBlockByNumber(n)
            layout = block.layout() if block.isValid() else None
            if layout is None:
                continue
            seen = on_screen(n) if on_screen is not None else set()
            old = self.geometry.pop(n, None)
            if seen and old is not None:
                self.keep[n] = tuple(
                    room.gap if i in seen else None for i, room in enumerate(old.lines)
                )
            if layout.lineCount():
                self._place(block, layout)
            else:  # not laid out yet: Qt places it when it lays it out
                self.keep.pop(n, None)
        if numbers:
            self.update.emit()  # the whole view (the default rectangle covers it)

    def settle(self, on_screen: Callable[[int], set[int]]) -> None:
        """Give lines kept in a room other than their own their room, now that they are off
        screen (the block's lines still on screen keep theirs)."""
        off = {n for n, kept in self.unsettled.items() if not set(kept) <= on_screen(n)}
        for n in off:
            del self.unsettled[n]
        if off:
            self.relayout_blocks(off, on_screen)

    def needs_settling(self, on_screen: Callable[[int], set[int]]) -> bool:
        """True when a line kept in a room other than its own has left the screen."""
        return any(not set(kept) <= on_screen(n) for n, kept in self.unsettled.items())

    def relayout_all(self) -> None:
        self.geometry.clear()
        self.measures.clear()
        self.keep.clear()
        self.unsettled.clear()
        doc = self.document()
        doc.markContentsDirty(0, doc.characterCount())
