"""Each document reduced to the sums every agreement figure is computed from.

``document_part`` reads one document's finished layers once: token coincidences (all labels and
each label in or out), Fleiss' sums, span, attribute and relation matches per pair, the
disagreements, and the unitizing parts. The report adds these sums over documents (and the
bootstrap resamples them), so every figure is computed the same way from summed parts.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.agreement.bootstrap import Key
from annotator.agreement.disagreements import classify
from annotator.agreement.metrics import Score, alpha_from_coincidences, pair_names
from annotator.agreement.spans import exact_matches, key, overlap_matches
from annotator.agreement.unitizing import LabelPart
from annotator.agreement.unitizing import document_part as unit_part
from annotator.model.document import Layer, Span
from annotator.text.tokens import count_tokens, tokens_around


@dataclass
class DocInput:
    """A document's text and the finished layers of the selected annotators."""

    ext_id: str
    text: str
    layers: dict[str, Layer]


@dataclass
class DocPart:
    """One document reduced to sums (``stats``), its unitizing parts and its own summary row."""

    stats: defaultdict[Key, float] = field(default_factory=lambda: defaultdict(float))
    units: dict[str, LabelPart] = field(default_factory=dict)
    length: int = 0  # code points, when every selected annotator finished the document
    summary: dict[str, Any] = field(default_factory=dict)


def covered_values(text: str, layers: dict[str, Layer], present: Sequence[str],
                   labels: set[str] | None) -> list[tuple[str, ...]]:  # fmt: skip
    """Values of the tokens some span covers, one tuple per token (in ``present`` order).

    A token's value for an annotator is the sorted set of labels covering it joined with +, or O.
    Every other token of the document is O for everyone and is counted, not listed.
    """
    sets: dict[int, dict[str, set[str]]] = {}
    for a in present:
        for s in layers[a].spans:
            if labels is not None and s.label not in labels:
                continue
            for tok_start, _tok_end in tokens_around(text, s.start, s.end):
                sets.setdefault(tok_start, {}).setdefault(a, set()).add(s.label)
    return [
        tuple("+".join(sorted(by_a[a])) if a in by_a else "O" for a in present)
        for by_a in sets.values()
    ]


def selected(spans: Sequence[Span], labels: set[str] | None) -> Sequence[Span]:
    return spans if labels is None else [s for s in spans if s.label in labels]


def _relations(layer: Layer, labels: set[str] | None) -> list[tuple[Span, Span, str]]:
    """(head, child, label) of the layer's relations whose two spans both count."""
    by_sid = {s.sid: s for s in selected(layer.spans, labels)}
    return [
        (by_sid[str(r.head)], by_sid[str(r.child)], r.label)
        for r in layer.relations
        if str(r.head) in by_sid and str(r.child) in by_sid
    ]


def _common(xs: Sequence[object], ys: Sequence[object]) -> int:
    """How many items the two lists share, each item used once (multiset intersection)."""
    left: dict[object, int] = {}
    for x in xs:
        left[x] = left.get(x, 0) + 1
    n = 0
    for y in ys:
        if left.get(y):
            left[y] -= 1
            n += 1
    return n


def _token_part(part: DocPart, doc: DocInput, present: list[str], names: list[str],
                labels: set[str] | None, tokens: int) -> list[tuple[str, ...]]:  # fmt: skip
    """Token coincidences (all labels and each label in/out) and Fleiss' sums of a document."""
    covered = covered_values(doc.text, doc.layers, present, labels)
    plain = tokens - len(covered)
    units: Counter[tuple[str, ...]] = Counter(tuple(sorted(v)) for v in covered)
    if plain:
        units[("O",) * len(present)] += plain
    st = part.stats
    st[("tokens",)] += tokens
    m = len(present)
    everyone = m == len(names)
    o: dict[tuple[str, str], float] = {}  # this document's coincidences, for its own alpha
    for u, n in units.items():
        tally: dict[str, int] = {}
        for v in u:
            tally[v] = tally.get(v, 0) + 1
        if everyone:  # Fleiss' sums over the tokens every selected annotator finished
            st[("fu",)] += n
            st[("fa",)] += n * (sum(t * t for t in tally.values()) - m) / (m * (m - 1) or 1)
            for c, t in tally.items():
                st[("fc", c)] += t * n
        if m < 2:
            continue
        for c, nc in tally.items():
            for k, nk in tally.items():
                pairs = nc * (nk - 1) if c == k else nc * nk
                if pairs:
                    o[(c, k)] = o.get((c, k), 0.0) + pairs * n / (m - 1)
        # each label in or out: coincidences of the units where some annotator used the label
        # (the all-out units of the rest are derived from "pairable" when figures are made)
        used: dict[str, int] = {}
        for v, t in tally.items():
            if v != "O":
                for label in v.split("+"):
                    used[label] = used.get(label, 0) + t
        for label, x in used.items():
            st[("lp", label)] += n * m
            st[("lo", label, "1", "1")] += n * x * (x - 1) / (m - 1)
            st[("lo", label, "1", "0")] += n * x * (m - x) / (m - 1)
            st[("lo", label, "0", "1")] += n * x * (m - x) / (m - 1)
            st[("lo", label, "0", "0")] += n * (m - x) * (m - x - 1) / (m - 1)
    for (c, k), share in o.items():
        st[("ao", c, k)] += share
    if m > 1:
        st[("pairable",)] += tokens * m
        st[("pdocs",)] += 1  # the documents (and tokens) the token figures rest on
        st[("ptokens",)] += tokens
    part.summary["alpha"] = (
        alpha_from_coincidences(o) if m > 1 else Score.undefined("one annotator finished it")
    )
    return covered


@dataclass(frozen=True)
class _Selected:
    """One document's counted spans, relations and label counts per annotator (read once)."""

    spans: dict[str, Sequence[Span]]
    relations: dict[str, list[tuple[Span, Span, str]]]
    labels: dict[str, Counter[str]]


def _pair_part(part: DocPart, a: str, b: str, ia: int, ib: int, covered: Counter[tuple[str, ...]],
               sel: _Selected, tokens: int) -> float | None:  # fmt: skip
    """Tokens, spans, attributes and relations of one pair on one document; its exact F1."""
    st = part.stats
    for v, n in covered.items():
        st[("tok", a, b, v[ia], v[ib])] += n
    st[("tok", a, b, "O", "O")] += tokens - covered.total()
    sa, sb = sel.spans[a], sel.spans[b]
    exact, overlap = exact_matches(sa, sb), overlap_matches(sa, sb)
    st[("docs", a, b)] += 1
    for name, matched in (("sx", exact), ("so", overlap)):
        st[(name, a, b, "tp")] += len(matched)
        st[(name, a, b, "a")] += len(sa)
        st[(name, a, b, "b")] += len(sb)
        for x, _y in matched:
            st[("l" + name, x.label, "tp")] += 1
    for side, name in (("a", a), ("b", b)):
        for label, n in sel.labels[name].items():
            st[("lsx", label, side)] += n
            st[("lso", label, side)] += n
    disagreements = classify(a, sa, b, sb, exact)
    for d in disagreements:
        st[("dis", d.kind.value)] += 1
        if d.a_span is not None and d.b_span is not None and d.a_span.label != d.b_span.label:
            first, second = sorted((d.a_span.label, d.b_span.label))
            st[("conf", first, second)] += 1
    part.summary["disagreements"] = part.summary.get("disagreements", 0) + len(disagreements)
    for x, y in exact:
        for attr in sorted(set(x.attributes) | set(y.attributes)):
            st[("at", a, b, x.label, attr, x.attributes.get(attr, ""), y.attributes.get(attr, ""))] += 1  # fmt: skip
    ra, rb = sel.relations[a], sel.relations[b]
    if ra or rb:
        partner = {id(x): id(y) for x, y in overlap}
        exact_tp = _common(
            [(key(h), key(c), r) for h, c, r in ra], [(key(h), key(c), r) for h, c, r in rb]
        )
        relaxed_tp = _common(
            [(partner.get(id(h)), partner.get(id(c)), r) for h, c, r in ra],
            [(id(h), id(c), r) for h, c, r in rb],
        )
        for name, tp in (("rx", exact_tp), ("rr", relaxed_tp)):
            st[(name, a, b, "tp")] += tp
            st[(name, a, b, "a")] += len(ra)
            st[(name, a, b, "b")] += len(rb)
    both = len(sa) + len(sb)
    return 2 * len(exact) / both if both else None


def document_part(doc: DocInput, names: list[str], labels: set[str] | None,
                  into: defaultdict[Key, float] | None = None) -> DocPart | None:  # fmt: skip
    """Reduce a document to the sums every figure is computed from (None: nobody finished it).

    The sums go into a dictionary of the document's own (the bootstrap resamples them), or are
    added straight to ``into``: without a bootstrap, one running total is all the figures need,
    and ten thousand per-document dictionaries would only feed the garbage collector.
    """
    present = [a for a in names if a in doc.layers]
    if not present:
        return None
    part = DocPart(summary={"id": doc.ext_id, "annotators": present})
    if into is not None:
        part.stats = into
    tokens = count_tokens(doc.text)
    covered = Counter(_token_part(part, doc, present, names, labels, tokens))
    spans = {a: selected(doc.layers[a].spans, labels) for a in present}
    sel = _Selected(
        spans,
        {a: _relations(doc.layers[a], labels) for a in present},
        {a: Counter(s.label for s in spans[a]) for a in present},
    )
    f1s = [
        f1
        for a, b in pair_names(present)
        for f1 in [_pair_part(part, a, b, present.index(a), present.index(b), covered, sel, tokens)]
        if f1 is not None
    ]
    part.summary["mean_exact_f1"] = sum(f1s) / len(f1s) if f1s else None
    if len(present) == len(names) and len(names) > 1:
        part.length = len(doc.text)
        part.stats[("ulen",)] += part.length
        part.stats[("udocs",)] += 1
        by_label: dict[str, list[list[tuple[int, int]]]] = {}
        for i, a in enumerate(names):
            for s in selected(doc.layers[a].spans, labels):
                by_label.setdefault(s.label, [[] for _ in names])[i].append((s.start, s.end))
        for label, layers in sorted(by_label.items()):
            u = unit_part(part.length, layers)
            part.units[label] = u
            for name, value in (("uo", u.observed), ("un", u.units), ("uc", u.cubes),
                                ("us", u.squares), ("uj", u.joined)):  # fmt: skip
                part.stats[(name, label)] += value
    return part
