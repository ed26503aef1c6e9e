"""The structure drawn over the article: which spans and relations, which arcs, what is where.

Owns the view's text layout (``structlayout``: room between lines, geometry per block), the
relations shown as arcs and the arc mode; on each paint it collects the records of the blocks on
screen, routes the arcs between them (``structure.route``) and hands everything to the painter.
What was painted is kept, in viewport coordinates, for hit-testing: the tag or arc under the mouse
is the one drawn there.

Lines on screen keep their room through an edit (the text stays where the annotator sees it);
once such a line has left the screen it is given its own room, from the event loop (never from
inside a paint).
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QPainter, QTextBlock, QTextDocument

from annotator.model.document import Relation
from annotator.ui.structlayout import StructureLayout
from annotator.ui.structpaint import StructurePainter
from annotator.ui.structure import (
    GUTTER,
    Arc,
    BlockGeometry,
    Gutter,
    Link,
    Metrics,
    SpanEnd,
    Tag,
    Where,
    lane_x,
    lanes,
    route,
)

if TYPE_CHECKING:
    from annotator.ui.docview import ArticleView

ARCS_ALL_LIMIT = 200  # documents with fewer relations show all arcs at first
Line = tuple[tuple[float, float], tuple[float, float]]  # from, to (viewport)
HIT_TOLERANCE = 4.0  # pixels: how near an arc the mouse must be


class ArcMode(enum.Enum):
    """Which relations are drawn as arcs (the toggle cycles in this order)."""

    ALL = "all"
    SELECTED = "selected"  # those of the selected span
    NONE = "none"

    def next(self) -> ArcMode:
        order = list(ArcMode)
        return order[(order.index(self) + 1) % len(order)]


class StructureScene:
    """Tags and arcs of one article view."""

    def __init__(self, view: ArticleView, painter: StructurePainter) -> None:
        self.view = view
        self.painter = painter
        self.links: dict[int, Link] = {}
        self.by_span: dict[int, list[Link]] = {}
        self.mode = ArcMode.ALL
        self.chosen: ArcMode | None = None  # by R: kept across documents
        self.dense = False  # the open document has ARCS_ALL_LIMIT relations or more
        self.focus = 0  # the selected span (arcs of the selected span)
        self.focus_relation = 0  # the selected arc
        self.blocks: list[BlockGeometry] = []  # as last painted, viewport coordinates
        self.arcs: list[Arc] = []
        self.drag_line: Line | None = None  # the link being dragged, as last painted
        self._ids: tuple[int | None, ...] = ()  # the relations shown, by id
        self._settling = False  # a settle pass is waiting in the event loop
        painter.set_article_font(view.font())
        doc = QTextDocument(view)
        self.layout = StructureLayout(doc, self._source, self._metrics)
        doc.setDocumentLayout(self.layout)
        doc.setDocumentMargin(GUTTER)
        view.setDocument(doc)

    # ------------------------------------------------------------------ inputs
    def gutter(self) -> Gutter:
        rtl = self.view.document().defaultTextOption().textDirection()
        return Gutter.LEFT if rtl == Qt.LayoutDirection.RightToLeft else Gutter.RIGHT

    def _metrics(self) -> Metrics:
        return self.painter.metrics(float(self.view.viewport().width()), self.gutter())

    def _source(self, block: QTextBlock) -> tuple[list[SpanEnd], list[Link]]:
        pos = block.position()
        marks = [m for m in self.view.layer.in_block(block.blockNumber()) if not m.suggestion]
        spans = [SpanEnd(m.span_id, m.label, m.start - pos, m.end - pos) for m in marks]
        links: dict[int, Link] = {}
        for m in marks:  # room for the arcs drawn, and only for those
            for link in self.by_span.get(m.span_id, ()):
                if self._drawn(link):
                    links[link.relation_id] = link
        return spans, list(links.values())

    def _drawn(self, link: Link) -> bool:
        """Is this relation drawn as an arc in the current mode?"""
        if self.mode is ArcMode.SELECTED:
            return self.focus in (link.head, link.child)
        return self.mode is ArcMode.ALL

    def reset(self) -> None:
        """A new document: nothing placed, no relations yet."""
        self.layout.geometry.clear()
        self.layout.measures.clear()
        self.layout.keep.clear()
        self.layout.unsettled.clear()
        self.links, self.by_span = {}, {}
        self._ids = ()
        self.focus = self.focus_relation = 0
        self.blocks, self.arcs = [], []
        self.mode = self.chosen or ArcMode.ALL
        self.dense = False

    def relayout(self, blocks: set[int]) -> None:
        """These blocks' spans changed: place them again (blocks never laid out wait for Qt);
        those on screen keep their lines' room, so the text does not move."""
        placed = {n for n in blocks if n in self.layout.geometry}
        if placed:
            self.layout.relayout_blocks(placed, self._lines_on_screen(self.view.visible_blocks()))

    def _lines_on_screen(self, visible: range) -> Callable[[int], set[int]]:
        """Which lines of a block (by number) are on screen, room above them included."""
        view = self.view
        doc = view.document()
        height = view.viewport().height()
        offset = view.contentOffset().y()

        def lines(number: int) -> set[int]:
            geo = self.layout.geometry.get(number)
            if number not in visible or geo is None:
                return set()
            top = view.blockBoundingGeometry(doc.findBlockByNumber(number)).top() + offset
            return {
                i for i, room in enumerate(geo.lines)
                if top + room.top + room.height > 0 and top + room.top - room.gap < height
            }  # fmt: skip

        return lines

    def _settle(self) -> None:
        self._settling = False
        self.layout.settle(self._lines_on_screen(self.view.visible_blocks()))

    def set_relations(self, relations: list[Relation]) -> None:
        """Show these relations (a full list); only the blocks of those that came or went are
        placed again. A relation is never changed in place and its id is never given to another
        (migration ``0010_ids_never_reused``), so an id seen before is the same arc: one link
        added to 2,000 costs one ``Link``, not 2,000 built and compared."""
        ids = tuple(r.id for r in relations)
        if ids == self._ids:
            return
        self._ids = ids
        kept = set(ids)
        gone = [link for i, link in self.links.items() if i not in kept]
        came = [
            Link(r.id, int(r.head), int(r.child), r.label)
            for r in relations
            if r.id is not None and r.id not in self.links
            and isinstance(r.head, int) and isinstance(r.child, int)
        ]  # fmt: skip
        if not self.links and came:  # the document's relations arrive
            self.dense = len(came) >= ARCS_ALL_LIMIT
            if self.dense and self.mode is ArcMode.ALL:  # also when R chose all elsewhere
                self.mode = ArcMode.SELECTED
        for link in gone:
            del self.links[link.relation_id]
            for end in {link.head, link.child}:
                others = [k for k in self.by_span.get(end, ()) if k is not link]
                if others:
                    self.by_span[end] = others
                else:
                    self.by_span.pop(end, None)
        for link in came:
            self.links[link.relation_id] = link
            for end in {link.head, link.child}:
                self.by_span.setdefault(end, []).append(link)
        if self.focus_relation not in self.links:
            self.focus_relation = 0
        if self.mode is not ArcMode.NONE and (gone or came):
            spans = {end for link in (*gone, *came) for end in (link.head, link.child)}
            self.relayout(self._blocks_of(spans))
        self.view.viewport().update()

    def set_mode(self, mode: ArcMode) -> None:
        """Show all arcs, those of the selected span, or none (room follows: none takes none);
        the next documents open in this mode too, a dense one on the selected span's at most."""
        self.chosen = mode
        if mode is not self.mode:
            self.mode = mode
            self.layout.relayout_all()  # room follows the arcs drawn
            self.view.viewport().update()

    def set_focus(self, span_id: int) -> None:
        if span_id != self.focus:
            before, self.focus = self.focus, span_id
            if self.mode is ArcMode.SELECTED:  # the arcs drawn change: so does their room
                ends = {end for sid in (before, span_id) for link in self.by_span.get(sid, ())
                        for end in (link.head, link.child)}  # fmt: skip
                self.relayout(self._blocks_of(ends))
                self.view.viewport().update()

    def select_relation(self, relation_id: int) -> None:
        """Draw this relation's arc as selected (0: none)."""
        if relation_id != self.focus_relation:
            self.focus_relation = relation_id
            self.view.viewport().update()

    def font_changed(self) -> None:
        self.painter.set_article_font(self.view.font())
        self.layout.relayout_all()

    def _blocks_of(self, span_ids: set[int]) -> set[int]:
        return {b for s in span_ids if (b := self._block_of(s)) is not None}

    def _block_of(self, span_id: int) -> int | None:
        mark = self.view.layer.mark_of(span_id)
        return None if mark is None else self.view.layer.block_of(mark.start)

    # ---------------------------------------------------------------- painting
    def paint(self, painter: QPainter) -> None:
        """Collect the blocks on screen, route the arcs, draw."""
        view = self.view
        block = view.firstVisibleBlock()
        offset = QPointF(view.contentOffset())
        bottom = view.viewport().height()
        self.blocks = []
        where: dict[int, tuple[BlockGeometry, Tag]] = {}
        first = last = block.blockNumber()
        while block.isValid() and offset.y() <= bottom:
            rect = self.layout.blockBoundingRect(block)
            geo = self.layout.geometry.get(block.blockNumber())
            if geo is not None:
                moved = geo.moved(offset.x(), offset.y())
                self.blocks.append(moved)
                for t in moved.tags:
                    where[t.span_id] = (moved, t)
            last = block.blockNumber()
            offset.setY(offset.y() + rect.height())
            block = block.next()
        if (
            not self._settling
            and self.layout.unsettled
            and self.layout.needs_settling(self._lines_on_screen(range(first, last + 1)))
        ):
            self._settling = True
            QTimer.singleShot(0, self.view, self._settle)
        self.arcs = self._route(where, first, last) if self.mode is not ArcMode.NONE else []
        self.drag_line = self._drag_line(where)
        self.painter.paint(
            painter, self.blocks, self.arcs, view.layer.emphasis, self.focus_relation,
            self.drag_line,
        )  # fmt: skip

    def _drag_line(self, where: dict[int, tuple[BlockGeometry, Tag]]) -> Line | None:
        """The line of a link being dragged: from the head's tag top where it is painted now (from
        its words when it is scrolled out of view) to the pointer."""
        drag = self.view.link_drag
        if not drag.head or drag.pointer is None:
            return None
        end = (drag.pointer.x(), drag.pointer.y())
        hit = where.get(drag.head)
        if hit is not None:
            return (hit[1].box.cx, hit[1].box.y0), end
        if drag.head_start is None:
            return None
        point = self.view.point_of(drag.head_start)
        return (float(point.x()), float(point.y())), end

    def _where(
        self, span_id: int, rel: int, where: dict[int, tuple[BlockGeometry, Tag]],
        first: int, last: int,
    ) -> Where:  # fmt: skip
        hit = where.get(span_id)
        if hit is not None:
            geo, tag = hit
            slot = next((s for s in geo.slots if s.relation_id == rel and s.line == tag.line), None)
            above = tuple(
                t.box for t in geo.tags
                if t.line == tag.line and t.row > tag.row
                and t.box.x0 < tag.box.x1 and tag.box.x0 < t.box.x1
            )  # fmt: skip
            return Where(tag, above, slot)
        block = self._block_of(span_id)
        if block is None or first <= block <= last:
            return Where(None)
        return Where(None, off=-1 if block < first else 1)

    def _route(
        self, where: dict[int, tuple[BlockGeometry, Tag]], first: int, last: int
    ) -> list[Arc]:
        links: dict[int, Link] = {}
        for span_id in where:
            for link in self.by_span.get(span_id, ()):
                if self._drawn(link):
                    links[link.relation_id] = link
        ends = []
        for rid in sorted(links):
            link = links[rid]
            head = self._where(link.head, rid, where, first, last)
            child = self._where(link.child, rid, where, first, last)
            if head.tag is None and child.tag is None:
                continue
            ends.append((link, head, child))
        metrics = self._metrics()
        height = float(self.view.viewport().height())

        def y_of(w: Where) -> float:
            if w.slot is not None:
                return w.slot.y
            return 0.0 if w.off < 0 else height

        crossing = [e for e in ends if not (e[1].slot is not None and e[1].slot.whole)]
        lane_of = dict(
            zip((e[0].relation_id for e in crossing),
                lanes([(y_of(e[1]), y_of(e[2])) for e in crossing]), strict=True)
        )  # fmt: skip
        out = []
        count = max(lane_of.values(), default=0) + 1
        for link, head, child in ends:
            x = lane_x(lane_of.get(link.relation_id, 0), metrics.gutter, metrics.width, count)
            arc = route(link, head, child, metrics, height, x)
            if arc is not None:
                out.append(arc)
        return out

    # ------------------------------------------------------------- hit-testing
    def tag_at(self, x: float, y: float) -> int:
        """The span whose tag is drawn at this viewport point (0 for none)."""
        for geo in self.blocks:
            for t in geo.tags:
                if t.box.contains(x, y):
                    return t.span_id
        return 0

    def arc_at(self, x: float, y: float) -> Arc | None:
        """The arc drawn nearest this viewport point, if near enough."""
        best: tuple[float, Arc] | None = None
        for arc in self.arcs:
            d = arc.distance(x, y)
            if d <= HIT_TOLERANCE and (best is None or d < best[0]):
                best = (d, arc)
        return best[1] if best is not None else None
