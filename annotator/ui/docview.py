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

import html
import itertools
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Mark:
    """A highlight in UTF-16 positions of the Qt document."""

    start: int
    end: int
    label: str
    span_id: int
    suggestion: bool = False


class SpanHighlighter(QSyntaxHighlighter):
    """Paints label colours per block; only blocks whose marks changed are repainted."""

    def __init__(self, document: QTextDocument, colours: dict[str, str]) -> None:
        super().__init__(document)
        self._colours = {k: QColor(v) for k, v in colours.items()}
        self._by_block: dict[int, list[Mark]] = {}
        self._emphasis: set[int] = set()
        self._formats: dict[tuple[object, ...], QTextCharFormat] = {}

    def set_marks(self, marks: list[Mark], emphasis: set[int]) -> None:
        """Replace all marks; repaint only the blocks whose marks or emphasis changed."""
        doc = self.document()
        by_block: dict[int, list[Mark]] = defaultdict(list)
        for m in marks:
            first = doc.findBlock(m.start).blockNumber()
            last = doc.findBlock(max(m.start, m.end - 1)).blockNumber()
            for b in range(first, last + 1):
                by_block[b].append(m)
        old, old_emph = self._by_block, self._emphasis
        self._by_block, self._emphasis = dict(by_block), set(emphasis)
        for b in set(old) | set(by_block):
            before, after = old.get(b, []), by_block.get(b, [])
            touched = any(m.span_id in old_emph ^ self._emphasis for m in before + after)
            if before != after or touched:
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
        self._apply_direction()

    def _apply_direction(self) -> None:
        option = QTextOption(self.document().defaultTextOption())
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.document().setDefaultTextOption(option)

    # ------------------------------------------------------------------ content
    def set_text(self, text: str) -> None:
        """Show a document's stored text (as plain text: markup in articles shows literally)."""
        self.text = text
        self.conv = OffsetConverter(text)
        self.highlighter.set_marks([], set())
        self.setPlainText(text)
        self._apply_direction()
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def set_spans(self, spans: list[Span], suggestions: list[Span], emphasis: set[int]) -> None:
        self._spans, self._suggestions = spans, suggestions
        to16 = self.conv.to_utf16
        marks = [Mark(to16(s.start), to16(s.end), s.label, s.id or 0) for s in spans]
        marks += [
            Mark(to16(s.start), to16(s.end), s.label, -(s.id or 0), True) for s in suggestions
        ]
        self.highlighter.set_marks(marks, emphasis)

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
