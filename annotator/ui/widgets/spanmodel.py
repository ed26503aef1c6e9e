"""The span table's model: the open document's spans in text order, with where each one is and a
few words around it, so a hundred identical "الرئيس" rows can be told apart.

The model owns its rows (a copy, never the session's list) and announces every change: an edit's
added and removed spans arrive through the session's ``spansChanged``, wait until the panel calls
``catch_up`` (once the edit is on screen in the article: the text comes first) and become
``beginInsertRows``/``beginRemoveRows``; a document or layer switch is a reset at once; link
counts change with ``dataChanged`` on their column only.
"""

from __future__ import annotations

import bisect
from collections import Counter

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.model.document import Relation, Span
from annotator.ui.i18n import QT_TRANSLATE_NOOP
from annotator.ui.names import attributes_text
from annotator.ui.names import name as display_name
from annotator.ui.session import Session
from annotator.ui.widgets.plain import tooltip
from annotator.ui.widgets.rows import Index, RowsModel

SPAN_ID_ROLE = Qt.ItemDataRole.UserRole
CONTEXT_WORDS = 3  # words shown on each side of a span
SHORT = 60  # characters of span text shown in a cell
ROWS_ONE_BY_ONE = 50  # an edit touching more rows than this resets the model instead


def _short(text: str, n: int = SHORT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _order(span: Span) -> tuple[int, int, int]:
    return (span.start, span.end, span.id or 0)


class SpanTableModel(RowsModel):
    """Label, text, line, context, attributes and link count of each span, in text order."""

    HEADERS = (
        QT_TRANSLATE_NOOP("headers", "Label"),
        QT_TRANSLATE_NOOP("headers", "Text"),
        QT_TRANSLATE_NOOP("headers", "Line"),
        QT_TRANSLATE_NOOP("headers", "Context"),
        QT_TRANSLATE_NOOP("headers", "Attributes"),
        QT_TRANSLATE_NOOP("headers", "Links"),
    )
    LINKS = 5

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self._items: list[Span] = []
        self._by_id: dict[int, Span] = {}  # the rows' spans by row id: a row found by bisection
        self._links: Counter[int] = Counter()
        self._seen_relations: tuple[list[Relation], int] = ([], -1)  # the list counted, its length
        self._line_starts: list[int] = [0]
        self._pending: list[tuple[list[Span], list[Span]]] = []  # edits not yet shown, in order
        session.documentOpened.connect(lambda _id: self.reset())
        session.spansChanged.connect(lambda added, removed: self._pending.append((added, removed)))

    # --------------------------------------------------------------- changes
    def reset(self) -> None:
        """Take the session's spans afresh (another document or layer)."""
        self.beginResetModel()
        self._items = list(self.session.spans)
        self._pending.clear()  # the session's spans include them
        self._by_id = {s.id or 0: s for s in self._items}
        doc = self.session.document
        text = doc.text if doc is not None else ""
        self._line_starts = [0, *(i + 1 for i, ch in enumerate(text) if ch == "\n")]
        self._links = self._count_links()
        self.endResetModel()

    def catch_up(self) -> None:
        """Show the edits made since the last call, each as exactly its rows (many at once are a
        reset), and the link counts as they are now."""
        pending, self._pending = self._pending, []
        if sum(len(added) + len(removed) for added, removed in pending) > ROWS_ONE_BY_ONE:
            self.reset()
        else:
            for added, removed in pending:
                self._apply(added, removed)
        self.refresh_links()

    def _apply(self, added: list[Span], removed: list[Span]) -> None:
        for span in removed:
            row = self.row_of(span.id or 0)
            if row >= 0:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._by_id[self._items.pop(row).id or 0]
                self.endRemoveRows()
        for span in added:
            row = bisect.bisect_left(self._items, _order(span), key=_order)
            self.beginInsertRows(QModelIndex(), row, row)
            self._items.insert(row, span)
            self._by_id[span.id or 0] = span
            self.endInsertRows()

    def refresh_links(self) -> None:
        """Relations changed: only the link column's cells change. The session only appends to its
        relations list or replaces it, so the same list at the same length is unchanged (a span
        edit then costs no recount of 2,000 relations) and the same list grown by a link adds
        that link's two counts."""
        rels = self.session.relations
        seen, length = self._seen_relations
        if rels is seen and len(rels) == length:
            return
        if rels is seen and len(rels) > length:  # links added: counts only grow
            added = rels[length:]
            self._count(added, self._links)
            self._seen_relations = (rels, len(rels))
            for span_id in {int(end) for r in added for end in (r.head, r.child)}:
                row = self.row_of(span_id)
                if row >= 0:  # one cell each, not the column: the table repaints only those
                    self.dataChanged.emit(self.index(row, self.LINKS), self.index(row, self.LINKS))
            return
        links = self._count_links()
        changed, self._links = links != self._links, links
        if changed and self._items:
            self.dataChanged.emit(
                self.index(0, self.LINKS), self.index(len(self._items) - 1, self.LINKS)
            )

    def _count_links(self) -> Counter[int]:
        rels = self.session.relations
        self._seen_relations = (rels, len(rels))
        links: Counter[int] = Counter()
        self._count(rels, links)
        return links

    @staticmethod
    def _count(relations: list[Relation], links: Counter[int]) -> None:
        for r in relations:
            links[int(r.head)] += 1
            links[int(r.child)] += 1

    # ---------------------------------------------------------------- reading
    def span_at(self, row: int) -> Span | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, span_id: int) -> int:
        """The row of a span (-1 when it has none): rows are in text order, found by bisection."""
        span = self._by_id.get(span_id)
        if span is None:
            return -1
        row = bisect.bisect_left(self._items, _order(span), key=_order)
        return row if row < len(self._items) and self._items[row] is span else -1

    def line_of(self, offset: int) -> int:
        """The 1-based line (paragraph) of a code point offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def context(self, span: Span) -> str:
        """A few words before and after the span, the span's own words between « »."""
        doc = self.session.document
        if doc is None:
            return ""
        text = doc.text
        line_start = self._line_starts[self.line_of(span.start) - 1]
        before = text[line_start : span.start].split()[-CONTEXT_WORDS:]
        after_end = text.find("\n", span.end)
        after = text[span.end : after_end if after_end >= 0 else len(text)].split()[:CONTEXT_WORDS]
        return " ".join([*before, f"«{_short(span.text, 30)}»", *after])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        span = self.span_at(index.row())
        if span is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return display_name(self.session.schema.label(span.label))
            if col == 1:
                return _short(span.text)
            if col == 2:
                return self.line_of(span.start)
            if col == 3:
                return self.context(span)
            if col == 4:
                return attributes_text(self.session.schema.label(span.label), span.attributes)
            return self._links.get(span.id or 0, 0) or ""
        if role == Qt.ItemDataRole.ForegroundRole and col == 0:
            return QColor(self.session.schema.label(span.label).color)
        if role == Qt.ItemDataRole.ToolTipRole and col in (1, 3):
            return tooltip(span.text)
        if role == SPAN_ID_ROLE:
            return span.id
        return None
