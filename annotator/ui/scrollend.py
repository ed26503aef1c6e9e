"""The scroll range of the article reaches its last line, however much room the lines have above.

``QPlainTextEdit`` scrolls by lines. To find how far down the bar may go it counts the lines that
fit at the bottom, taking a line as fitting when its top is inside the viewport. But scrolled to a
line, the view starts at the bottom of the line before it, so the room ``structlayout`` adds above
each line (label tags, relation arcs) is shown too, and the lines below move down by it: with tags
on the last lines, Ctrl+End or the bar dragged to the bottom left the last line under the bottom
edge (a long paragraph at 640x480 hid all of it). Each time Qt sets the range, this module
lengthens it by as many lines as the last one needs to be seen whole; so does every relayout. Qt's scrolling to the cursor
(arrow keys, Page Down, Ctrl+End) errs the same way; ``reveal_cursor`` then scrolls on by lines
until the cursor's line is inside the viewport.

The check runs before the bar puts its value back into the new range (``QAbstractSlider`` signals
``rangeChanged`` first), so a relayout while at the bottom keeps the view where it was.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPlainTextEdit


class ScrollEnd:
    """Keeps a plain text view's vertical range long enough for its last line."""

    def __init__(self, view: QPlainTextEdit) -> None:
        self.view = view
        view.verticalScrollBar().rangeChanged.connect(lambda _low, _high: self.check())
        # room added to a line (a second row of tags) changes no line count, so Qt keeps its
        # range: look again once the relayout is done (one look for many blocks)
        self._later = QTimer(view)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.check)
        layout = view.document().documentLayout()
        layout.update.connect(lambda _rect: self._later.start())
        layout.updateBlock.connect(lambda _block: self._later.start())

    def recheck(self) -> None:
        """Look again once the event loop is back (the viewport changed height: the attribute
        strip took or gave back the foot of the view)."""
        self._later.start()

    def check(self) -> None:
        """Lengthen the range until the last line fits at its end."""
        high = self.view.verticalScrollBar().maximum()
        last = self.view.document().lineCount() - 1
        top = high
        while top < last and not self.fits(top):
            top += 1
        if top != high:
            self.view.verticalScrollBar().setMaximum(top)

    def reveal_cursor(self) -> None:
        """Scroll down line by line while the cursor's line ends under the bottom edge."""
        view = self.view
        bar = view.verticalScrollBar()
        bottom = view.viewport().rect().bottom()
        while view.cursorRect().bottom() > bottom and bar.value() < bar.maximum():
            bar.setValue(bar.value() + 1)

    def fits(self, top_line: int) -> bool:
        """True when, scrolled to line ``top_line`` (counted over the whole document), every line
        from there to the end (the empty one a final line break leaves, where Ctrl+End puts the
        cursor, included) is inside the viewport."""
        view = self.view
        doc = view.document()
        layout_of = doc.documentLayout()
        block = doc.findBlockByLineNumber(top_line)
        if not block.isValid():
            return True
        room = float(view.viewport().height())
        layout_of.blockBoundingRect(block)  # lays the block out if it was not yet
        k = top_line - block.firstLineNumber()
        layout = block.layout()
        if k > 0 and k <= layout.lineCount():
            used = -layout.lineAt(k - 1).naturalTextRect().bottom()  # where the view starts
        else:
            used = doc.documentMargin() if block.blockNumber() == 0 else 0.0
        last = doc.lastBlock()
        while block.isValid() and used <= room:
            height = layout_of.blockBoundingRect(block).height()
            if block == last:
                lines = block.layout().lineCount()
                if lines:  # its last line's bottom, not the document's margin below it
                    height = block.layout().lineAt(lines - 1).naturalTextRect().bottom()
            if block.isVisible():
                used += height
            block = block.next()
        return used <= room
