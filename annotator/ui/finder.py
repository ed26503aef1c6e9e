"""Find in the open document (Ctrl+F) and in all documents (Ctrl+Shift+F), ignoring
diacritics, tatweel and hamza forms.

The hits come from the text layer's ``find_all`` (the function the document filter's folding and
the project search share), in stored code point offsets, end exclusive. The open document is
normalised once, at its first search, so typing in a 1 MB article stays quick; at most
``MAX_HITS`` hits are kept, and the count says when there were more.

Keys, while the bar is open: F3 / Shift+F3 go to the next / previous hit and select it (the
window's F3 follows the find bar while it is open, the suggestions otherwise); Enter selects the
current hit and gives the article the keyboard, so a label key labels exactly it (snapped as any
selection); Esc closes the bar, in the box or in the article (where, while the bar is open, the
first Esc closes it and the next ones cancel a link or drop the selected span as usual).

Signals:
    hitOpened(int): a hit of find in all documents was opened in this document (row id).
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent

from annotator.text.normalize import (
    MAX_HITS,
    NormalizedText,
    find_all,
    normalize_for_search,
    normalize_query,
)
from annotator.ui.dialogs.findall import FindAllDialog
from annotator.ui.docview import ArticleView
from annotator.ui.session import Session
from annotator.ui.widgets.findbar import FindBar


class Finder(QObject):
    """The find bar's hits in the open document, and the current one."""

    hitOpened = Signal(int)

    def __init__(
        self, session: Session, view: ArticleView, bar: FindBar, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.view = view
        self.bar = bar
        self.hits: list[tuple[int, int]] = []
        self.index = -1
        self.capped = False
        self.is_open = False
        self._norm: NormalizedText | None = None  # the open document, normalised
        self.find_all_dialog: FindAllDialog | None = None
        bar.hide()
        bar.searched.connect(self.search)
        bar.stepped.connect(self.step)
        bar.taken.connect(self.take)
        bar.closed.connect(self.close)
        session.documentOpened.connect(self._document_opened)
        previous = view.key_handler  # the controller's keys (link mode, chooser, selection)

        def keys(e: QKeyEvent) -> bool:
            return self._view_key(e) or (previous is not None and previous(e))

        view.key_handler = keys

    # ------------------------------------------------------------------ the bar
    def open(self) -> None:
        """Show the bar with its search selected (typing replaces it) and search again."""
        self.is_open = True
        self.bar.show()
        self.bar.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.bar.box.selectAll()
        self.search(self.bar.box.text())

    def close(self) -> None:
        """Hide the bar and the hits; the article gets the keyboard back."""
        self.is_open = False
        self.bar.hide()
        self.hits, self.index, self.capped = [], -1, False
        self.view.set_hits([])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _document_opened(self, _doc_id: int) -> None:
        self._norm = None
        if self.is_open:
            self.index = -1
            self.search(self.bar.box.text())

    # --------------------------------------------------------------- searching
    def search(self, query: str) -> None:
        """Find every hit of ``query``; the current one is the first at or after the previous
        current hit (or the cursor), so typing more letters stays where the reader is."""
        doc = self.session.document
        if doc is None or not normalize_query(query.strip()):
            self.hits, self.index, self.capped = [], -1, False
            self.view.set_hits([])
            self._show_count(query)
            return
        if self._norm is None:
            self._norm = normalize_for_search(doc.text)
        found = find_all(doc.text, query, norm=self._norm, limit=MAX_HITS + 1)
        self.capped = len(found) > MAX_HITS
        anchor = self.hits[self.index][0] if 0 <= self.index < len(self.hits) else self._cursor()
        self.hits = found[:MAX_HITS]
        starts = [a for a, _b in self.hits]
        self.index = bisect.bisect_left(starts, anchor) if self.hits else -1
        if self.index >= len(self.hits):
            self.index = 0
        self.view.set_hits(self.hits, self.index)
        if self.hits:
            self.view.show_span(self.hits[self.index][0])
        self._show_count(query)

    def _cursor(self) -> int:
        return self.view.conv.from_utf16(self.view.textCursor().selectionStart())

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) hit, round the end, and select it."""
        if not self.hits:
            return
        self.index = (self.index + delta) % len(self.hits)
        self.view.set_current_hit(self.index)
        self.view.select_range(*self.hits[self.index])
        self._show_count(self.bar.box.text())

    def take(self) -> None:
        """Select the current hit in the article and give it the keyboard (for a label key)."""
        if not self.hits:
            return
        self.view.select_range(*self.hits[self.index])
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_count(self, query: str) -> None:
        if not query.strip():
            text = ""
        elif not normalize_query(query.strip()):
            text = self.tr("The search ignores diacritics and tatweel: type letters.")
        elif not self.hits:
            text = self.tr("No match")
        elif self.capped:
            text = self.tr("{0} of the first {1} (more not shown)").format(
                self.index + 1, len(self.hits)
            )
        else:
            text = self.tr("{0} of {1}").format(self.index + 1, len(self.hits))
        self.bar.count.setText(text)

    # ------------------------------------------------------- all documents
    def show_find_all(self) -> FindAllDialog:
        """The project-wide search (Ctrl+Shift+F); a chosen hit opens its document selected."""
        if self.find_all_dialog is None:
            self.find_all_dialog = FindAllDialog(self.session.project, self.view.window())
            self.find_all_dialog.hitChosen.connect(self.open_hit)
        dialog = self.find_all_dialog
        dialog.show()
        dialog.activateWindow()
        dialog.box.setFocus()
        dialog.box.selectAll()
        return dialog

    def open_hit(self, doc_id: int, start: int, end: int) -> None:
        """Open a document with ``text[start:end]`` selected, ready for a label key.

        The list of hits goes out of the way (it stood over the article, on the hit): the
        article has the keyboard, and Ctrl+Shift+F brings the list back as it was, on this hit,
        for the next one."""
        if self.find_all_dialog is not None:
            self.find_all_dialog.hide()
        self.session.open_document(doc_id)
        self.hitOpened.emit(doc_id)
        self.view.select_range(start, end)
        self.view.window().activateWindow()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _view_key(self, e: QKeyEvent) -> bool:
        if self.is_open and e.key() == Qt.Key.Key_Escape:
            self.close()
            return True
        return False
