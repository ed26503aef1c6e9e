"""Where label tags, brackets and relation arcs go: geometry records, computed apart from painting.

Plain Python (no Qt): the text layout (``structlayout``) measures each line (its glyphs' string
indices and x extents, from Qt's own layout, so right-to-left, left-to-right and mixed lines need
no assumption about direction) and asks here where things go; the view paints the records, and
hit-testing (which tag or arc is under the mouse) reads the same records.

A line gets room above it, from the top: a pad (the brackets of the line before), one level per
arc segment running above the line, one row per stacked tag, and never less than ``RESERVE`` rows
(a nested span and a link fit in what a plain line keeps). Tags sit centred over the first
fragment of their span; shorter spans take the lower rows, so nested and crossing spans stack.
A span in several pieces (across lines, or split by a Latin name or a number inside Arabic) gets a
bracket under each piece. Positions are UTF-16 units relative to the block, like Qt's.

A line on screen keeps its room through an edit (``keep``): what no longer fits is drawn smaller
(``LineRoom.scale``), so labelling and linking never move the text the annotator is looking at;
the line takes its own room again once it is off screen (``BlockGeometry.kept`` lists the lines
in a room other than their own).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

PAD = 4.0  # pixels above a line's arcs: where the line before draws its brackets
MERGE = 0.75  # pixels: glyph extents closer than this are one fragment
TAG_GAP = 3.0  # pixels between two tags on one row
TAG_PAD_X = 3.0  # pixels of colour each side of a tag's text
LEG_STEP = 3.0  # pixels between the positions tried for an arc's leg
MIN_ROWS = 1  # tag rows every line has (the first tag of a line takes room already there)
RESERVE = 2.0  # tag rows' worth of room every line keeps: a nested span or an arc fits unsquashed


class Gutter(enum.Enum):
    """The side where lines end: arcs between lines run down that margin."""

    LEFT = "left"  # right-to-left text
    RIGHT = "right"  # left-to-right text


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle (x grows rightwards, y downwards)."""

    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def moved(self, dx: float, dy: float) -> Box:
        return Box(self.x0 + dx, self.y0 + dy, self.x1 + dx, self.y1 + dy)

    def intersects(self, other: Box) -> bool:
        """True when the two share inner area (touching edges do not count)."""
        return (
            self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1
        )

    def contains(self, x: float, y: float) -> bool:
        return self.x0 <= x <= self.x1 and self.y0 <= y <= self.y1


@dataclass(frozen=True)
class LineMeasure:
    """One line as the text layout set it, before room was added above it."""

    start: int  # block-relative UTF-16 position of its first character
    end: int  # one past its last character
    height: float
    glyphs: tuple[tuple[int, float, float], ...]  # (string index, x0, x1), sorted by index

    def extents(self, start: int, end: int) -> list[tuple[float, float]]:
        """x extents of the characters start..end on this line: one per visually contiguous piece.

        Glyphs are walked in visual order; a piece ends where a glyph of another character comes
        between (a Latin name inside Arabic, a number), not where a font leaves a gap between two
        joined glyphs. Marks (no advance) are left out: they sit on a letter already counted."""
        out: list[tuple[float, float]] = []
        run: tuple[float, float] | None = None
        for index, x0, x1 in sorted((g for g in self.glyphs if g[2] - g[1] > MERGE),
                                    key=lambda g: g[1]):  # fmt: skip
            if start <= index < end:
                run = (x0, x1) if run is None else (min(run[0], x0), max(run[1], x1))
            elif run is not None:
                out.append(run)
                run = None
        if run is not None:
            out.append(run)
        return out


@dataclass(frozen=True)
class SpanEnd:
    """A span as the geometry needs it (block-relative UTF-16 positions, may reach outside)."""

    span_id: int
    label: str
    start: int
    end: int


@dataclass(frozen=True)
class Link:
    """A relation to draw (span ids and the relation's label id)."""

    relation_id: int
    head: int
    child: int
    label: str


@dataclass(frozen=True)
class Metrics:
    """Sizes in pixels, and the side where lines end."""

    tag_height: float  # one tag row
    arc_step: float  # one arc level
    width: float  # the layout's width (the gutter is outside the lines, inside this)
    gutter: Gutter
    tag_width: Callable[[str], float]  # label id -> width of its tag
    link_width: Callable[[str], float]  # relation label id -> width of its arc label
    bars: bool = False  # too small for names: a tag is a bar as wide as its words, arcs unlabelled


@dataclass(frozen=True)
class Fragment:
    """One visually contiguous piece of a span on one line."""

    span_id: int
    line: int
    box: Box  # the characters' extent, line top to line bottom


@dataclass(frozen=True)
class Tag:
    """A span's label tag, over the first fragment of the span."""

    span_id: int
    label: str
    line: int
    row: int
    box: Box
    fragment: Box


@dataclass(frozen=True)
class Bracket:
    """A mark under one fragment of a span in several pieces."""

    span_id: int
    label: str
    x0: float
    x1: float
    y: float


@dataclass(frozen=True)
class Slot:
    """Room reserved above a line for a relation's horizontal run (one end, or the whole arc)."""

    relation_id: int
    line: int
    level: int
    x0: float
    x1: float
    y: float  # where the run goes
    whole: bool  # both ends on this line: the run goes from tag to tag
    step: float  # the height of an arc level here (smaller in a kept room)


@dataclass(frozen=True)
class LineRoom:
    """A line's final place in its block, and the room above it."""

    top: float  # y of the line's text (block coordinates)
    height: float
    gap: float  # room added above it
    rows: int  # tag rows
    levels: int  # arc levels
    scale: float = 1.0  # below 1: a kept room smaller than the rows and levels want (an edit)


@dataclass(frozen=True)
class BlockGeometry:
    """Everything drawn for one block, in block coordinates."""

    lines: tuple[LineRoom, ...]
    fragments: tuple[Fragment, ...]
    tags: tuple[Tag, ...]
    brackets: tuple[Bracket, ...]
    slots: tuple[Slot, ...]
    tag_of: dict[int, Tag] = field(default_factory=dict)
    kept: tuple[int, ...] = ()  # lines in a kept room other than their own (see ``keep``)

    def moved(self, dx: float, dy: float) -> BlockGeometry:
        """The same records shifted (block to viewport coordinates)."""
        tags = tuple(
            Tag(t.span_id, t.label, t.line, t.row, t.box.moved(dx, dy), t.fragment.moved(dx, dy))
            for t in self.tags
        )
        return BlockGeometry(
            tuple(
                LineRoom(r.top + dy, r.height, r.gap, r.rows, r.levels, r.scale) for r in self.lines
            ),
            tuple(Fragment(f.span_id, f.line, f.box.moved(dx, dy)) for f in self.fragments),
            tags,
            tuple(
                Bracket(b.span_id, b.label, b.x0 + dx, b.x1 + dx, b.y + dy) for b in self.brackets
            ),
            tuple(
                Slot(
                    s.relation_id, s.line, s.level, s.x0 + dx, s.x1 + dx, s.y + dy, s.whole, s.step
                )
                for s in self.slots
            ),
            {t.span_id: t for t in tags},
            self.kept,
        )


def _first_free_row(rows: list[list[tuple[float, float]]], x0: float, x1: float) -> int:
    for i, taken in enumerate(rows):
        if all(x1 + TAG_GAP <= a or b + TAG_GAP <= x0 for a, b in taken):
            taken.append((x0, x1))
            return i
    rows.append([(x0, x1)])
    return len(rows) - 1


def leg_x(tag: Box, above: Iterable[Box]) -> float:
    """Where an arc leaves a tag upwards without crossing the tags stacked above it."""
    blockers = [(b.x0 - 1, b.x1 + 1) for b in above]
    x = tag.cx
    candidates = [x]
    step = LEG_STEP
    while x - step > tag.x0 + 1 or x + step < tag.x1 - 1:
        candidates += [x + step, x - step]
        step += LEG_STEP
    for c in candidates:
        if tag.x0 < c < tag.x1 and not any(a <= c <= b for a, b in blockers):
            return c
    return x


def place_block(
    lines: Sequence[LineMeasure],
    spans: Sequence[SpanEnd],
    links: Sequence[Link],
    metrics: Metrics,
    keep: Sequence[float | None] | None = None,
) -> BlockGeometry:
    """Fragments, tags, brackets and arc slots of one block, and each line's room above it.

    ``spans`` are those touching the block; ``links`` the relations with an end in it. ``keep``,
    one entry per line, is the room a line on screen had before an edit (None for the others):
    such a line keeps it and its tags and arcs are fitted into it."""
    fragments: list[Fragment] = []
    pieces: dict[int, list[Fragment]] = {}
    for s in spans:
        for i, line in enumerate(lines):
            if s.end <= line.start or s.start >= line.end:
                continue
            for a, b in line.extents(max(s.start, line.start), min(s.end, line.end)):
                f = Fragment(s.span_id, i, Box(a, 0.0, b, line.height))
                fragments.append(f)
                pieces.setdefault(s.span_id, []).append(f)

    # tags: over the fragment holding the span's first character, shorter spans lower
    by_id = {s.span_id: s for s in spans}
    rows: list[list[list[tuple[float, float]]]] = [[] for _ in lines]
    raw_tags: list[tuple[SpanEnd, int, int, float, float, Box]] = []
    starting = [s for s in spans if s.start >= 0 and s.span_id in pieces]
    for s in sorted(starting, key=lambda s: (s.end - s.start, s.start, s.span_id)):
        first = _first_piece(lines, s, pieces[s.span_id])
        w = first.box.width if metrics.bars else metrics.tag_width(s.label)
        # inside the text's width: the margins are the arcs' lanes
        x0 = min(max(first.box.cx - w / 2, GUTTER), max(metrics.width - GUTTER - w, GUTTER))
        row = _first_free_row(rows[first.line], x0, x0 + w)
        raw_tags.append((s, first.line, row, x0, x0 + w, first.box))
    n_rows = [
        max(len(r), MIN_ROWS if line.end > line.start else 0)
        for r, line in zip(rows, lines, strict=True)
    ]

    # arc slots: the run above a line, tag to tag on one line, tag to the gutter otherwise
    line_of = {t[0].span_id: (t[1], t[3], t[4]) for t in raw_tags}
    edge = 0.0 if metrics.gutter is Gutter.LEFT else metrics.width
    wanted: list[tuple[int, int, float, float, bool]] = []  # relation, line, x0, x1, whole
    for link in links:
        head, child = line_of.get(link.head), line_of.get(link.child)
        label_w = metrics.link_width(link.label)
        if head and child and head[0] == child[0]:
            a, b = sorted(((head[1] + head[2]) / 2, (child[1] + child[2]) / 2))
            mid = (a + b) / 2
            wanted.append(
                (link.relation_id, head[0], min(a, mid - label_w / 2), max(b, mid + label_w / 2),
                 True)
            )  # fmt: skip
            continue
        for end in (head, child):
            if end is not None:
                x = (end[1] + end[2]) / 2
                a, b = sorted((x, edge))
                if end is child and b - a < label_w:  # the label sits on the child's run
                    a, b = (a, a + label_w) if edge == a else (b - label_w, b)
                wanted.append((link.relation_id, end[0], a, b, False))
    levels: list[list[list[tuple[float, float]]]] = [[] for _ in lines]
    slot_levels: list[tuple[int, int, int, float, float, bool]] = []
    for rel, li, a, b, whole in sorted(wanted, key=lambda w: (w[3] - w[2], w[0])):
        level = _first_free_row(levels[li], a, b)
        slot_levels.append((rel, li, level, a, b, whole))

    # each line's room, then everything in block coordinates
    rooms: list[LineRoom] = []
    y = 0.0
    if keep is not None and len(keep) != len(lines):
        keep = None  # laid out anew (another width): nothing to keep
    kept: list[int] = []
    for i, line in enumerate(lines):
        want = n_rows[i] * metrics.tag_height + len(levels[i]) * metrics.arc_step
        reserve = RESERVE * metrics.tag_height if line.end > line.start else 0.0  # empty: none
        gap = PAD + max(want, reserve) + 2.0
        scale = 1.0
        room = keep[i] if keep is not None else None
        if room is not None and room != gap:
            kept.append(i)
            gap = room
            scale = min(1.0, (gap - PAD - 2.0) / want) if want > 0 else 1.0
        y += gap
        rooms.append(LineRoom(y, line.height, gap, n_rows[i], len(levels[i]), scale))
        y += line.height
    tags: list[Tag] = []
    for s, li, row, x0, x1, frag in raw_tags:
        row_h = metrics.tag_height * rooms[li].scale
        bottom = rooms[li].top - 2.0 - row * row_h
        box = Box(x0, bottom - row_h + 1.0, x1, bottom)
        tags.append(Tag(s.span_id, s.label, li, row, box, frag.moved(0, rooms[li].top)))
    placed = tuple(
        Fragment(f.span_id, f.line, f.box.moved(0, rooms[f.line].top)) for f in fragments
    )
    brackets = tuple(
        Bracket(f.span_id, by_id[f.span_id].label, f.box.x0, f.box.x1, f.box.y1 + PAD / 2)
        for f in placed
        if len(pieces[f.span_id]) > 1 or by_id[f.span_id].start < 0
        or by_id[f.span_id].end > lines[-1].end
    )  # fmt: skip
    slots = tuple(
        Slot(rel, li, level, a, b, _level_y(rooms[li], level, metrics), whole,
             metrics.arc_step * rooms[li].scale)
        for rel, li, level, a, b, whole in slot_levels
    )  # fmt: skip
    return BlockGeometry(tuple(rooms), placed, tuple(tags), brackets, slots, kept=tuple(kept))


def _level_y(room: LineRoom, level: int, metrics: Metrics) -> float:
    tag_room = room.rows * metrics.tag_height * room.scale + 2.0
    return room.top - tag_room - (level + 0.5) * metrics.arc_step * room.scale


def _first_piece(lines: Sequence[LineMeasure], s: SpanEnd, pieces: list[Fragment]) -> Fragment:
    """The fragment holding the span's first drawn character (logical order, not visual)."""
    best: tuple[int, Fragment] | None = None
    for f in pieces:
        line = lines[f.line]
        for index, x0, x1 in line.glyphs:
            if s.start <= index < s.end and x1 > x0 and f.box.x0 - MERGE <= x0 <= f.box.x1:
                if best is None or index < best[0]:
                    best = (index, f)
                break
    return best[1] if best is not None else pieces[0]


# ------------------------------------------------------------------------------------- arcs
LANE_STEP = 6.0  # pixels between two arcs running down the gutter: apart enough to follow
LANES = 4  # lanes at that spacing; more arcs at one height share the gutter more closely
GUTTER = 6.0 + LANES * LANE_STEP  # the document margin: room for the lanes beside the lines
ARROW = 6.0  # arrowhead length


@dataclass(frozen=True)
class Arc:
    """A relation drawn: a polyline from the head's tag to the child's, with its label."""

    relation_id: int
    label: str
    head: int
    child: int
    points: tuple[tuple[float, float], ...]
    arrow: tuple[tuple[float, float], tuple[float, float]] | None  # tip, middle of its base
    label_box: Box | None

    def distance(self, x: float, y: float) -> float:
        """How far a point is from the drawn line (0 inside the label)."""
        if self.label_box is not None and self.label_box.contains(x, y):
            return 0.0
        best = float("inf")
        for (ax, ay), (bx, by) in zip(self.points, self.points[1:], strict=False):
            dx, dy = bx - ax, by - ay
            length = dx * dx + dy * dy
            t = 0.0 if length == 0 else max(0.0, min(1.0, ((x - ax) * dx + (y - ay) * dy) / length))
            px, py = ax + t * dx, ay + t * dy
            best = min(best, ((x - px) ** 2 + (y - py) ** 2) ** 0.5)
        return best


@dataclass(frozen=True)
class Where:
    """Where an arc's end is: on screen (its tag, the tags stacked over it) or above / below."""

    tag: Tag | None
    above_tags: tuple[Box, ...] = ()
    slot: Slot | None = None
    off: int = 0  # -1 above the view, 1 below, 0 on screen


def _label_box(x0: float, x1: float, y: float, width: float, height: float) -> Box | None:
    if width <= 0:
        return None  # zoomed too far out for names
    cx = (x0 + x1) / 2
    return Box(cx - width / 2, y - height / 2, cx + width / 2, y + height / 2)


def route(
    link: Link,
    head: Where,
    child: Where,
    metrics: Metrics,
    view_height: float,
    lane_x: float,
) -> Arc | None:
    """The polyline of one relation between two ends (at least one on screen)."""
    label_w = metrics.link_width(link.label)
    step = next((w.slot.step for w in (child, head) if w.slot is not None), metrics.arc_step)
    label_h = step - 2
    arrow_len = min(ARROW, step / 2)  # in a squeezed room or zoomed out, a smaller head
    gutter_x = lane_x
    if head.tag is not None and child.tag is not None and head.slot and head.slot.whole:
        y = head.slot.y
        xh = leg_x(head.tag.box, head.above_tags)
        xc = leg_x(child.tag.box, child.above_tags)
        tip = (xc, child.tag.box.y0)
        base = (xc, child.tag.box.y0 - arrow_len)
        run = ((xh, head.tag.box.y0), (xh, y), (xc, y), base)
        return Arc(link.relation_id, link.label, link.head, link.child, run, (tip, base),
                   _label_box(xh, xc, y, label_w, label_h))  # fmt: skip
    points: list[tuple[float, float]] = []
    arrow = None
    label_box = None
    if head.tag is not None and head.slot is not None:
        xh = leg_x(head.tag.box, head.above_tags)
        points += [(xh, head.tag.box.y0), (xh, head.slot.y), (gutter_x, head.slot.y)]
    elif head.off:
        points.append((gutter_x, 0.0 if head.off < 0 else view_height))
    else:
        return None
    if child.tag is not None and child.slot is not None:
        xc = leg_x(child.tag.box, child.above_tags)
        y = child.slot.y
        base = (xc, child.tag.box.y0 - arrow_len)
        points += [(gutter_x, y), (xc, y), base]
        arrow = ((xc, child.tag.box.y0), base)
        label_box = _label_box(gutter_x, xc, y, label_w, label_h)
        if label_box is None:
            pass
        elif label_box.x0 < min(gutter_x, xc) and gutter_x < xc:  # keep it off the gutter
            label_box = label_box.moved(min(gutter_x, xc) - label_box.x0 + 2, 0)
        elif label_box.x1 > max(gutter_x, xc) and gutter_x > xc:
            label_box = label_box.moved(max(gutter_x, xc) - label_box.x1 - 2, 0)
    elif child.off:
        points.append((gutter_x, 0.0 if child.off < 0 else view_height))
        if head.slot is not None:
            label_box = _label_box(points[1][0], gutter_x, head.slot.y, label_w, label_h)
    else:
        return None
    return Arc(link.relation_id, link.label, link.head, link.child, tuple(points), arrow, label_box)


def lanes(runs: Sequence[tuple[float, float]]) -> list[int]:
    """A gutter lane for each vertical run (y0, y1): runs that overlap get different lanes, and a
    run inside another's stretch is nearer the text, so nested arcs do not cross (lane 0 is the
    innermost; shorter runs choose first)."""
    taken: list[list[tuple[float, float]]] = []
    out = [0] * len(runs)
    for i in sorted(range(len(runs)), key=lambda i: (abs(runs[i][1] - runs[i][0]), i)):
        a, b = sorted(runs[i])
        out[i] = _first_free_row(taken, a, b)
    return out


def lane_x(lane: int, gutter: Gutter, width: float, count: int = LANES) -> float:
    """x of a gutter lane (lane 0 nearest the text) when ``count`` lanes are in use."""
    # more lanes than the margin holds at full spacing: closer together, never out of the margin
    step = min(LANE_STEP, (GUTTER - 6.0) / max(count, 1))
    inner = GUTTER - 3.0 - lane * step
    return inner if gutter is Gutter.LEFT else width - inner
