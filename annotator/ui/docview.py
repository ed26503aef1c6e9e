"""The article view: read-only right-to-left text with label highlights, in code point offsets.

Qt counts UTF-16 units; the view converts at its boundary (``OffsetConverter``) and never reads text
back from Qt: the Python string is the source of truth. Highlights are extra selections for the
blocks on screen only (notes/QT.md: no relayout, milliseconds per edit on 10,000 spans): the
innermost span's colour as background, an underline in the colour of an enclosing span with another
label, dashed underlines for suggestions, and a strong tint for the selected span and its partners.

Scrolling and resizing repaint the highlights from a zero-delay single-shot timer, never from
inside the scroll bar's signal: ``setExtraSelections`` asks the lazy block layout for the old
selections' rectangles, laying out blocks not yet measured, which changes the scroll range and
emits ``valueChanged`` again. Painting from that signal re-entered ``setExtraSelections`` while
Qt walked the selection list it was replacing, and crashed on long documents (issue 15).

Find hits (the find bar's) are painted the same way, over the spans, in the same coalesced pass:
an amber tint for every hit on screen, a stronger one for the current hit.

Signals:
    clicked(int): the code point offset of a plain click (no selection made).
    tagClicked(int): the span whose label tag was clicked.
    linkDragged(int, int, QPoint): a drag from a span's tag (head) onto another span (child),
        released at this global point.
    arcClicked(int): the relation whose arc was clicked (0: a click elsewhere dropped it).

A drag that starts on a label tag draws a line and links (brat's way; the line and the scrolling
at the edges are ``LinkDrag``'s): a drag over the text still selects text. Arcs are hit where
they are painted (``StructureScene``).

``key_handler`` may take keys first (link mode's arrows, Enter, Escape); it returns True when used.
"""

from __future__ import annotations

import bisect
import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from annotator.model.document import Relation, Span
from annotator.model.schema import Schema
from annotator.text.bidi import article_direction, article_words
from annotator.text.offsets import OffsetConverter
from annotator.ui.highlights import Mark, Segment, SpanLayer
from annotator.ui.linkdrag import LinkDrag
from annotator.ui.names import attributes_text, name
from annotator.ui.scrollend import ScrollEnd
from annotator.ui.structpaint import StructurePainter
from annotator.ui.structscene import StructureScene
from annotator.ui.structure import Arc

SWEEP_STEP = 2  # pixels between the positions read along a drag
MIN_ARTICLE_WIDTH = 360  # pixels: most of a 640 px window (the side panels shrink to theirs)
REPAINT_DELAY_MS = 0  # highlights follow a scroll once the event loop is back (coalesced)
HIT_COLOUR = "#ffc107"  # find hits: amber, unlike any label colour
CURRENT_HIT_COLOUR = "#ff6f00"


class ArticleView(QPlainTextEdit):
    """Read-only, right-to-left article text in the packaged Arabic font."""

    clicked = Signal(int)
    tagClicked = Signal(int)
    linkDragged = Signal(int, int, QPoint)
    arcClicked = Signal(int)

    def __init__(self, schema: Schema, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = SpanLayer()
        self.structure = StructureScene(self, StructurePainter(schema))
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        # lines wrap at the width (anywhere if need be): a horizontal bar would only ever scroll
        # a few pixels of margin
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMinimumWidth(MIN_ARTICLE_WIDTH)
        self.setTabChangesFocus(False)
        self.setFont(font)
        self._schema = schema
        self.text = ""
        self.conv = OffsetConverter("")
        self._colours = {lab.id: QColor(lab.color) for lab in schema.labels}
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}
        self._painting = False
        self._repaint = QTimer(self)
        self._repaint.setObjectName("highlightRepaint")
        self._repaint.setSingleShot(True)
        self._repaint.setInterval(REPAINT_DELAY_MS)
        self._repaint.timeout.connect(self.refresh_highlights)
        self.verticalScrollBar().valueChanged.connect(lambda _v: self.schedule_highlights())
        self._scroll_end = ScrollEnd(self)  # the bar reaches the last line, room and all
        self._spans: list[Span] = []
        self._suggestions: list[Span] = []
        self._press_pos: QPoint | None = None
        self.link_drag = LinkDrag(self)  # a link being dragged from a span's tag
        self._relations: list[Relation] = []
        self.layer_name = ""  # whose relations these are, for the arcs' tooltips
        self.key_handler: Callable[[QKeyEvent], bool] | None = None
        self.key_wanted: Callable[[QKeyEvent], bool] | None = None
        self._mark_cache: dict[int, tuple[Span, Mark]] = {}
        self._hits: list[tuple[int, int]] = []  # find hits, UTF-16 positions, in text order
        self._hit_ends: list[int] = []
        self._current_hit = -1
        self._hit_formats = (_tint(HIT_COLOUR, 150), _tint(CURRENT_HIT_COLOUR, 200))
        self._apply_direction()

    def _apply_direction(self) -> None:
        """Arabic articles right to left and right-aligned, Latin ones left to right (per article:
        Qt's plain-text layout aligns every paragraph alike)."""
        rtl = article_direction(self.text) == "rtl"
        option = QTextOption(self.document().defaultTextOption())
        option.setTextDirection(
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        option.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)

    # ------------------------------------------------------------------ content
    def set_text(
        self, text: str, spans: list[Span] | None = None, emphasis: set[int] | None = None
    ) -> None:
        """Show a document's stored text (plain text: markup in articles shows literally)."""
        self.link_drag.end()  # a drag from the last document's tag links nothing here
        self.text = text
        self.conv = OffsetConverter(text)
        starts = [0]
        for i, ch in enumerate(text):
            if ch in "\n\u2029":  # the characters Qt starts a new block after
                starts.append(self.conv.to_utf16(i + 1))
        self.layer.reset(starts)
        self._mark_cache = {}
        self._hits, self._hit_ends, self._current_hit = [], [], -1
        self._spans, self._suggestions = list(spans or []), []
        self.layer.replace(self._marks(self._spans, []))
        self.layer.set_emphasis(emphasis or set())
        self.setExtraSelections([])
        self.structure.reset()
        self.setPlainText(text)
        self._apply_direction()
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.refresh_highlights()

    def _marks(self, spans: list[Span], suggestions: list[Span], keep: bool = False) -> list[Mark]:
        """Marks for spans, reusing those of span objects seen last time (10,000 stay cheap).

        With ``keep`` the cache is extended rather than replaced (for a few added spans).
        """
        to16 = self.conv.to_utf16
        old: dict[int, tuple[Span, Mark]] = self._mark_cache
        cache: dict[int, tuple[Span, Mark]] = old if keep else {}
        marks: list[Mark] = []
        for group, suggestion in ((spans, False), (suggestions, True)):
            for s in group:
                hit = old.get(id(s))
                if hit is None or hit[0] is not s:
                    sid = -(s.id or 0) if suggestion else (s.id or 0)
                    hit = (s, Mark(to16(s.start), to16(s.end), s.label, sid, suggestion))
                cache[id(s)] = hit
                marks.append(hit[1])
        self._mark_cache = cache
        return marks

    def set_spans(self, spans: list[Span], suggestions: list[Span], emphasis: set[int]) -> None:
        """Show these spans (a full replacement)."""
        self._spans, self._suggestions = spans, suggestions
        dirty = self.layer.replace(self._marks(spans, suggestions))
        self.structure.relayout(dirty)
        dirty |= self.layer.set_emphasis(emphasis)
        if dirty:
            self.refresh_highlights()

    def update_spans(
        self, spans: list[Span], added: list[Span], removed: list[Span], emphasis: set[int]
    ) -> None:
        """The span list after an edit that added and removed these (cheap for one span)."""
        gone = [hit[1] for s in removed if (hit := self._mark_cache.pop(id(s), None))]
        if len(gone) < len(removed):  # objects not seen before: match by id instead
            ids = {s.id for s in removed}
            gone = [m for m in self.layer.marks() if m.span_id in ids and not m.suggestion]
        self._spans = spans
        dirty = self.layer.change(self._marks(added, [], keep=True), gone)
        self.structure.relayout(dirty)
        dirty |= self.layer.set_emphasis(emphasis)
        if dirty:
            self.refresh_highlights()

    def set_hits(self, hits: Sequence[tuple[int, int]], current: int = -1) -> None:
        """Highlight find hits (code point ``(start, end)`` pairs in text order) and the one at
        index ``current``; repainted with the spans, from the event loop."""
        to16 = self.conv.to_utf16
        self._hits = [(to16(a), to16(b)) for a, b in hits]
        self._hit_ends = [b for _a, b in self._hits]  # in order too: hits have one length
        self._current_hit = current
        self.schedule_highlights()

    def set_current_hit(self, current: int) -> None:
        if current != self._current_hit:
            self._current_hit = current
            self.schedule_highlights()

    def set_emphasis(self, emphasis: set[int]) -> None:
        if self.layer.set_emphasis(emphasis):
            self.refresh_highlights()
            self.viewport().update()  # the tags of emphasised spans are drawn stronger

    def set_relations(self, relations: list[Relation]) -> None:
        """Show these relations as arcs (a full replacement; only changed ones are re-placed)."""
        self._relations = relations
        self.structure.set_relations(relations)

    def arc_description(self, arc: Arc) -> str:
        """Head, relation, child and annotator of an arc, for its tooltip."""
        spans = {s.id: s for s in self._spans}
        head, child = spans.get(arc.head), spans.get(arc.child)
        rel = next((r for r in self._relations if r.id == arc.relation_id), None)
        who = (rel.annotator if rel is not None else "") or self.layer_name
        rel_name = self.structure.painter.link_name(arc.label)
        return self.tr("{0} → {1} → {2} (by {3})").format(
            article_words(head.text) if head else "?",
            rel_name,
            article_words(child.text) if child else "?",
            who,
        )

    # --------------------------------------------------------------- painting
    def _format(self, seg: Segment) -> QTextCharFormat:
        inner, outer, dashed = seg.inner, seg.outer, seg.dashed
        key = (
            inner and (inner.label, inner.span_id in self.layer.emphasis),
            outer and outer.label,
            dashed and (dashed.label, dashed.span_id in self.layer.emphasis),
        )
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            grey = QColor("#888888")
            if inner is not None:
                colour = QColor(self._colours.get(inner.label, grey))
                colour.setAlpha(150 if inner.span_id in self.layer.emphasis else 60)
                fmt.setBackground(colour)
            elif (
                dashed is not None
            ):  # a faint tint too: Qt draws a selection's text only with a brush
                tint = QColor(self._colours.get(dashed.label, grey))
                tint.setAlpha(70 if dashed.span_id in self.layer.emphasis else 22)
                fmt.setBackground(tint)
            underline = outer or dashed
            if underline is not None:
                fmt.setForeground(self.palette().text())
                fmt.setFontUnderline(True)
                fmt.setUnderlineColor(self._colours.get(underline.label, grey))
                style = QTextCharFormat.UnderlineStyle
                if outer is not None:
                    fmt.setUnderlineStyle(style.SingleUnderline)
                elif dashed is not None and dashed.span_id in self.layer.emphasis:
                    fmt.setUnderlineStyle(style.WaveUnderline)  # the suggestion under review
                else:
                    fmt.setUnderlineStyle(style.DashUnderline)
            self._formats[key] = fmt
        return fmt

    def visible_blocks(self) -> range:
        """Numbers of the blocks on screen."""
        block = self.firstVisibleBlock()
        first = last = block.blockNumber()
        bottom = self.viewport().height()
        offset = self.contentOffset()
        while (
            block.isValid() and self.blockBoundingGeometry(block).translated(offset).top() <= bottom
        ):
            last = block.blockNumber()
            block = block.next()
        return range(first, last + 1)

    def schedule_highlights(self) -> None:
        """Repaint the highlights once control is back in the event loop (many requests, one pass)."""
        self._repaint.start()

    def refresh_highlights(self) -> None:
        """Paint the highlights of the blocks on screen now (extra selections: no relayout).

        Called again while painting (the layout moved the scroll bar), it leaves the repaint for
        the event loop instead of re-entering ``setExtraSelections``.
        """
        if self._painting:
            self.schedule_highlights()
            return
        self._repaint.stop()
        self._painting = True
        try:
            self._paint_highlights()
        finally:
            self._painting = False

    def _paint_highlights(self) -> None:
        doc = self.document()
        selections: list[QTextEdit.ExtraSelection] = []
        for number in self.visible_blocks():
            block = doc.findBlockByNumber(number)
            if not block.isValid():
                continue
            for seg in self.layer.segments(number, block.position(), block.length() - 1):
                selections.append(self._selection(seg.start, seg.end, self._format(seg)))
        if self._hits:
            lo, hi = self._visible_range()
            i = bisect.bisect_right(self._hit_ends, lo)
            while i < len(self._hits) and self._hits[i][0] < hi:
                fmt = self._hit_formats[i == self._current_hit]
                selections.append(self._selection(*self._hits[i], fmt))
                i += 1
        self.setExtraSelections(selections)

    def paintEvent(self, e: QPaintEvent) -> None:
        super().paintEvent(e)
        painter = QPainter(self.viewport())
        try:
            self.structure.paint(painter)
        finally:
            painter.end()

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange:
            self.structure.font_changed()

    def _visible_range(self) -> tuple[int, int]:
        """The UTF-16 stretch from the start of the top line on screen to the end of the bottom
        one (a one-paragraph megabyte is one block: its hits are painted by line, not by block)."""
        rect = self.viewport().rect()
        top = self.cursorForPosition(rect.topRight())
        top.movePosition(QTextCursor.MoveOperation.StartOfLine)
        bottom = self.cursorForPosition(rect.bottomLeft())
        bottom.movePosition(QTextCursor.MoveOperation.EndOfLine)
        return min(top.position(), bottom.position()), max(top.position(), bottom.position()) + 1

    def _selection(self, start: int, end: int, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        sel = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        sel.cursor = cursor
        sel.format = fmt
        return sel

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)  # also when the viewport's margins change (the attribute strip)
        self.schedule_highlights()
        self._scroll_end.recheck()

    # ------------------------------------------------------------- positions
    def selection(self) -> tuple[int, int] | None:
        """The current selection in code points, or None."""
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        a = self.conv.from_utf16(cursor.selectionStart())
        b = self.conv.from_utf16(cursor.selectionEnd())
        return (a, b) if a < b else None

    def select_range(self, start: int, end: int) -> None:
        """Select text[start:end] (code points), scrolling it into view."""
        cursor = self.textCursor()
        cursor.setPosition(self.conv.to_utf16(start))
        cursor.setPosition(self.conv.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self._scroll_end.reveal_cursor()

    def show_span(self, start: int) -> None:
        """Clear the selection and bring the character at ``start`` to the middle of the view if
        it is off screen; the text does not move when it is already visible."""
        bar = self.verticalScrollBar()
        before = bar.value()
        cursor = self.textCursor()
        cursor.setPosition(self.conv.to_utf16(start))
        visible = self.viewport().rect().contains(self.cursorRect(cursor))
        self.setTextCursor(cursor)
        if visible:
            bar.setValue(before)
        else:
            self.centerCursor()

    def clear_selection(self) -> None:
        """Drop the text selection without scrolling."""
        bar, hbar = self.verticalScrollBar(), self.horizontalScrollBar()
        before = (bar.value(), hbar.value())
        cursor = self.textCursor()
        cursor.clearSelection()
        self.setTextCursor(cursor)
        bar.setValue(before[0])
        hbar.setValue(before[1])

    def offset_at(self, point: QPoint) -> int:
        """The code point offset under a viewport point."""
        return self.conv.from_utf16(self.cursorForPosition(point).position())

    def point_of(self, offset: int) -> QPoint:
        """A viewport point inside the character at code point ``offset``."""
        cursor = self.textCursor()
        cursor.setPosition(self.conv.to_utf16(offset))
        a = self.cursorRect(cursor)
        cursor.setPosition(self.conv.to_utf16(min(offset + 1, len(self.text))))
        b = self.cursorRect(cursor)
        return QPoint((a.center().x() + b.center().x()) // 2, a.center().y())

    def spans_at(self, offset: int) -> list[Span]:
        return [s for s in self._spans if s.start <= offset < s.end]

    # ---------------------------------------------------------------- events
    def mousePressEvent(self, e: QMouseEvent) -> None:
        if e.button() == Qt.MouseButton.LeftButton:
            p = e.position()
            tag = self.structure.tag_at(p.x(), p.y())
            if tag:  # a link drag (or a click on the tag): no text selection
                self.link_drag.start(tag, next((s.start for s in self._spans if s.id == tag), None))
                return
            arc = self.structure.arc_at(p.x(), p.y())
            if arc is not None:
                self.structure.select_relation(arc.relation_id)
                self.arcClicked.emit(arc.relation_id)
                return
            if self.structure.focus_relation:
                self.structure.select_relation(0)
                self.arcClicked.emit(0)
        self._press_pos = e.position().toPoint()
        super().mousePressEvent(e)

    def mouseMoveEvent(self, e: QMouseEvent) -> None:
        if self.link_drag.head:
            self.link_drag.move(e.position())
            return
        super().mouseMoveEvent(e)

    def _span_under(self, point: QPoint) -> int:
        """The span whose tag is here, else the shortest span under the point (0: none)."""
        tag = self.structure.tag_at(point.x(), point.y())
        if tag:
            return tag
        here = sorted(self.spans_at(self.offset_at(point)), key=lambda s: s.end - s.start)
        return here[0].id or 0 if here else 0

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        if self.link_drag.head:
            head, dragged = self.link_drag.end()
            target = self._span_under(e.position().toPoint())
            if not dragged:
                self.tagClicked.emit(head)
            elif target and target != head:
                self.linkDragged.emit(head, target, e.globalPosition().toPoint())
            return
        super().mouseReleaseEvent(e)
        press, self._press_pos = self._press_pos, None
        if press is not None and e.button() == Qt.MouseButton.LeftButton:
            self._take_swept(press, e.position().toPoint())
        if e.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            point = e.position().toPoint()
            if press is None or (press - point).manhattanLength() < 4:
                self.clicked.emit(self.offset_at(point))

    def _take_swept(self, a: QPoint, b: QPoint) -> None:
        """Widen a drag along one line to every character the mouse passed over.

        Inside right-to-left text a Latin name or a number is laid out left to right, and the
        cursor position at its visual edge is the logical position at its other end: Qt's own
        selection from the middle of "Xi Jinping" to the left of its X holds "ng", and a drag to
        the edge of "2004" leaves the number out. The positions under the whole swept stretch
        tell which characters were passed over, whatever their direction."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or abs(a.y() - b.y()) > self.fontMetrics().height() // 2:
            return
        lo, hi = sorted((a.x(), b.x()))
        xs = [*range(lo, hi, SWEEP_STEP), hi]
        found = {self.cursorForPosition(QPoint(x, a.y())).position() for x in xs}
        start = min(cursor.selectionStart(), *found)
        end = max(cursor.selectionEnd(), *found)
        if (start, end) != (cursor.selectionStart(), cursor.selectionEnd()):
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self.setTextCursor(cursor)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if self.key_handler is not None and self.key_handler(e):
            return
        super().keyPressEvent(e)
        if not e.matches(QKeySequence.StandardKey.SelectAll):  # the cursor goes to the end:
            self._scroll_end.reveal_cursor()  # the view stays where the reader is

    def event(self, e: QEvent) -> bool:
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and self.key_wanted is not None
            and self.key_wanted(e)
        ):
            e.accept()  # delivered as a key press here instead of triggering a shortcut
            return True
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            pos = self.viewport().mapFromGlobal(e.globalPos())
            arc = self.structure.arc_at(pos.x(), pos.y())
            if arc is not None:
                QToolTip.showText(e.globalPos(), self.arc_description(arc), self)
                return True
            offset = self.offset_at(pos)
            lines = []
            for s in self.spans_at(offset):
                lab = self._schema.label(s.label)
                attrs = attributes_text(lab, s.attributes)
                lines.append(name(lab) + (f" ({attrs})" if attrs else ""))
            if lines:
                QToolTip.showText(
                    e.globalPos(),
                    "<qt>" + "<br>".join(html.escape(x) for x in lines) + "</qt>",
                    self,
                )
            else:
                QToolTip.hideText()
            return True
        return super().event(e)


def _tint(colour: str, alpha: int) -> QTextCharFormat:
    fmt = QTextCharFormat()
    tint = QColor(colour)
    tint.setAlpha(alpha)
    fmt.setBackground(tint)
    return fmt
