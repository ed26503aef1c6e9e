"""The article view: read-only right-to-left text with label highlights, in code point offsets.

Qt counts UTF-16 units; the view converts at its boundary (``OffsetConverter``) and never reads text
back from Qt: the Python string is the source of truth. Highlights come from a QSyntaxHighlighter on
QPlainTextEdit (fast on long documents, notes/QT.md): the innermost span's colour as background, an
underline in the colour of an enclosing span with another label, dashed underlines for suggestions,
and a strong tint for the selected span and its relation partners.

Signals:
    clicked(int): the code point offset of a plain click (no selection made).

``key_handler`` may take keys first (link mode's arrows, Enter, Escape); it returns True when used.
"""

from __future__ import annotations

import bisect
import html
import itertools
from collections import defaultdict
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QToolTip, QWidget

from annotator.model.document import Span
from annotator.model.schema import Schema
from annotator.text.offsets import OffsetConverter


class Mark(NamedTuple):
    """A highlight in UTF-16 positions of the Qt document (a tuple: cheap to hash by the 10,000)."""

    start: int
    end: int
    label: str
    span_id: int
    suggestion: bool = False


class SpanHighlighter(QSyntaxHighlighter):
    """Paints label colours per block; only blocks whose marks changed are repainted.

    Marks are bucketed by block in Python (block starts come from the text's line breaks), so
    adding a span touches one bucket and repaints one block, even with 10,000 spans.
    """

    def __init__(self, document: QTextDocument, colours: dict[str, str]) -> None:
        super().__init__(document)
        self._colours = {k: QColor(v) for k, v in colours.items()}
        self._block_starts: list[int] = [0]
        self._marks: set[Mark] = set()
        self._by_block: dict[int, list[Mark]] = defaultdict(list)
        self._by_id: dict[int, list[Mark]] = defaultdict(list)
        self._emphasis: set[int] = set()
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}

    def set_text(self, text: str, conv: OffsetConverter) -> None:
        """Forget all marks and learn where the blocks of ``text`` start (in UTF-16 units)."""
        starts = [0]
        for i, ch in enumerate(text):
            if ch in "\n\u2029":
                starts.append(conv.to_utf16(i + 1))
        self._block_starts = starts
        self._marks, self._emphasis = set(), set()
        self._by_block, self._by_id = defaultdict(list), defaultdict(list)

    def marks(self) -> set[Mark]:
        """Every mark shown."""
        return set(self._marks)

    def _blocks(self, m: Mark) -> range:
        first = bisect.bisect_right(self._block_starts, m.start) - 1
        last = bisect.bisect_right(self._block_starts, max(m.start, m.end - 1)) - 1
        return range(first, last + 1)

    def set_marks(self, marks: list[Mark], emphasis: set[int], *, repaint: bool = True) -> None:
        """Replace all marks; with ``repaint``, repaint only blocks whose marks changed."""
        new = set(marks)
        dirty: set[int] = set()
        self.change(list(new - self._marks), list(self._marks - new), dirty=dirty)
        self.set_emphasis(emphasis, dirty=dirty)
        if repaint:
            self.repaint_blocks(dirty)

    def change(
        self, added: list[Mark], removed: list[Mark], *, dirty: set[int] | None = None
    ) -> None:
        """Add and remove some marks; repaints their blocks unless ``dirty`` collects them."""
        todo: set[int] = set() if dirty is None else dirty
        for m in removed:
            if m in self._marks:
                self._marks.discard(m)
                self._by_id[m.span_id].remove(m)
                for b in self._blocks(m):
                    self._by_block[b].remove(m)
                    todo.add(b)
        for m in added:
            if m not in self._marks:
                self._marks.add(m)
                self._by_id[m.span_id].append(m)
                for b in self._blocks(m):
                    self._by_block[b].append(m)
                    todo.add(b)
        if dirty is None:
            self.repaint_blocks(todo)

    def set_emphasis(self, emphasis: set[int], *, dirty: set[int] | None = None) -> None:
        """Emphasise these span ids (selected span, partners, link candidate)."""
        todo: set[int] = set() if dirty is None else dirty
        for span_id in self._emphasis ^ emphasis:
            for m in self._by_id.get(span_id, ()):
                todo.update(self._blocks(m))
        self._emphasis = set(emphasis)
        if dirty is None:
            self.repaint_blocks(todo)

    def repaint_blocks(self, blocks: set[int]) -> None:
        doc = self.document()
        for b in sorted(blocks):
            block = doc.findBlockByNumber(b)
            if block.isValid():
                self.rehighlightBlock(block)

    def _format(
        self, inner: Mark | None, outer: Mark | None, dashed: Mark | None
    ) -> QTextCharFormat:
        key = (
            inner and (inner.label, inner.span_id in self._emphasis),
            outer and outer.label,
            dashed and dashed.label,
        )
        fmt = self._formats.get(key)
        if fmt is None:
            fmt = QTextCharFormat()
            if inner is not None:
                colour = QColor(self._colours.get(inner.label, QColor("#888888")))
                colour.setAlpha(150 if inner.span_id in self._emphasis else 60)
                fmt.setBackground(colour)
            underline = outer or dashed
            if underline is not None:
                fmt.setUnderlineColor(self._colours.get(underline.label, QColor("#888888")))
                fmt.setUnderlineStyle(
                    QTextCharFormat.UnderlineStyle.DashUnderline
                    if outer is None
                    else QTextCharFormat.UnderlineStyle.SingleUnderline
                )
            self._formats[key] = fmt
        return fmt

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        marks = self._by_block.get(block.blockNumber())
        if not marks:
            return
        pos, length = block.position(), len(text.encode("utf-16-le")) // 2
        cuts = {0, length}
        for m in marks:
            cuts.add(min(max(m.start - pos, 0), length))
            cuts.add(min(max(m.end - pos, 0), length))
        edges = sorted(cuts)
        for a, b in itertools.pairwise(edges):
            covering = [m for m in marks if m.start - pos < b and m.end - pos > a]
            if not covering:
                continue
            human = sorted((m for m in covering if not m.suggestion), key=lambda m: m.end - m.start)
            inner = human[0] if human else None
            outer = next((m for m in reversed(human) if inner and m.label != inner.label), None)
            dashed = next((m for m in covering if m.suggestion), None)
            self.setFormat(a, b - a, self._format(inner, outer, dashed))


class ArticleView(QPlainTextEdit):
    """Read-only, right-to-left article text in the packaged Arabic font."""

    clicked = Signal(int)

    def __init__(self, schema: Schema, font: QFont, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(False)
        self.setFont(font)
        self._schema = schema
        self.text = ""
        self.conv = OffsetConverter("")
        self.highlighter = SpanHighlighter(
            self.document(), {lab.id: lab.color for lab in schema.labels}
        )
        self._spans: list[Span] = []
        self._suggestions: list[Span] = []
        self._press_pos: QPoint | None = None
        self.key_handler: Callable[[QKeyEvent], bool] | None = None
        self._mark_cache: dict[int, tuple[Span, Mark]] = {}
        self._apply_direction()

    def _apply_direction(self) -> None:
        option = QTextOption(self.document().defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)

    # ------------------------------------------------------------------ content
    def set_text(
        self, text: str, spans: list[Span] | None = None, emphasis: set[int] | None = None
    ) -> None:
        """Show a document's stored text (plain text: markup in articles shows literally).

        Spans given here are painted in the same pass that lays the text out (one pass, not two).
        """
        self.text = text
        self.conv = OffsetConverter(text)
        self.highlighter.set_text(text, self.conv)
        self._mark_cache = {}
        self._spans, self._suggestions = list(spans or []), []
        self.highlighter.set_marks(self._marks(self._spans, []), emphasis or set(), repaint=False)
        self.setPlainText(text)
        self._apply_direction()
        self.moveCursor(QTextCursor.MoveOperation.Start)

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
        """Show these spans; only the blocks that change are repainted."""
        self._spans, self._suggestions = spans, suggestions
        self.highlighter.set_marks(self._marks(spans, suggestions), emphasis)

    def update_spans(
        self, spans: list[Span], added: list[Span], removed: list[Span], emphasis: set[int]
    ) -> None:
        """The span list after an edit that added and removed these: one repaint of their blocks."""
        gone = [hit[1] for s in removed if (hit := self._mark_cache.pop(id(s), None))]
        if len(gone) < len(removed):  # objects not seen before: match by id instead
            ids = {s.id for s in removed}
            gone = [m for m in self.highlighter.marks() if m.span_id in ids and not m.suggestion]
        self._spans = spans
        dirty: set[int] = set()
        self.highlighter.change(self._marks(added, [], keep=True), gone, dirty=dirty)
        self.highlighter.set_emphasis(emphasis, dirty=dirty)
        self.highlighter.repaint_blocks(dirty)

    def set_emphasis(self, emphasis: set[int]) -> None:
        self.highlighter.set_emphasis(emphasis)

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

    def show_span(self, start: int) -> None:
        """Scroll so the character at ``start`` is visible, clearing the selection."""
        cursor = self.textCursor()
        cursor.setPosition(self.conv.to_utf16(start))
        self.setTextCursor(cursor)
        self.centerCursor()

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
        self._press_pos = e.position().toPoint()
        super().mousePressEvent(e)

    def mouseReleaseEvent(self, e: QMouseEvent) -> None:
        super().mouseReleaseEvent(e)
        press, self._press_pos = self._press_pos, None
        if e.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            point = e.position().toPoint()
            if press is None or (press - point).manhattanLength() < 4:
                self.clicked.emit(self.offset_at(point))

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if self.key_handler is not None and self.key_handler(e):
            return
        super().keyPressEvent(e)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            pos = self.viewport().mapFromGlobal(e.globalPos())
            offset = self.offset_at(pos)
            lines = []
            for s in self.spans_at(offset):
                lab = self._schema.label(s.label)
                attrs = ", ".join(f"{k}: {v}" for k, v in sorted(s.attributes.items()))
                lines.append(f"{lab.ar} / {lab.en}" + (f" ({attrs})" if attrs else ""))
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
