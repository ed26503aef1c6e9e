"""The agreement report of SPEC section 6, from the finished layers of every document.

Only layers marked done count; elsewhere the annotator is missing, not "labelled nothing".
Token values are IO label sets (``claim+speaker`` or ``O``), not BIO tags. Span and relation counts
are pooled over the documents both annotators finished (micro-averaged), with ``a`` as reference.
Values that are undefined are None, with the reason under ``undefined``.

Each document is first reduced to sums (``DocPart.stats``); every figure is computed from the sums
over documents, so the bootstrap (``--bootstrap``) resamples documents and recomputes the very
same figures from resampled sums.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.agreement.bootstrap import FigureId, Interval, Key, UnitSample, intervals
from annotator.agreement.disagreements import Kind, classify, describe
from annotator.agreement.metrics import (
    FleissSums,
    Score,
    alpha_from_coincidences,
    cohen_kappa,
    fleiss_from_sums,
    pair_names,
)
from annotator.agreement.spans import Counts, exact_matches, key, overlap_matches
from annotator.agreement.unitizing import LabelAlpha, LabelPart, cross_term, label_alpha, overall
from annotator.agreement.unitizing import document_part as unit_part
from annotator.model.document import Layer, Span
from annotator.text.tokens import count_tokens, tokens_around

TAGGING = "IO label sets per token (sorted labels joined with +, or O); a token is covered by a span sharing one character"
POOLING = "counts pooled over the documents both annotators finished; a is the reference"
CONTINUUM = "code points of the documents every selected annotator finished, one label at a time; gaps end at document ends"
TWO_NEEDED = "agreement needs at least two annotators"
DISAGREEMENT = (
    "spans not matched exactly, paired one-to-one by overlap, same label first (a boundary"
    " disagreement), then any label (same start and end: a label one); a span left unpaired was missed"
)


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


def _put(out: dict[str, Any], name: str, score: Score) -> None:
    out[name] = score.value
    if score.value is None:
        out.setdefault("undefined", {})[name] = score.reason


def _selected(spans: Sequence[Span], labels: set[str] | None) -> Sequence[Span]:
    return spans if labels is None else [s for s in spans if s.label in labels]


def _relations(layer: Layer, labels: set[str] | None) -> list[tuple[Span, Span, str]]:
    """(head, child, label) of the layer's relations whose two spans both count."""
    by_sid = {s.sid: s for s in _selected(layer.spans, labels)}
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
    spans = {a: _selected(doc.layers[a].spans, labels) for a in present}
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
            for s in _selected(doc.layers[a].spans, labels):
                by_label.setdefault(s.label, [[] for _ in names])[i].append((s.start, s.end))
        for label, layers in sorted(by_label.items()):
            u = unit_part(part.length, layers)
            part.units[label] = u
            for name, value in (("uo", u.observed), ("un", u.units), ("uc", u.cubes), ("us", u.squares)):  # fmt: skip
                part.stats[(name, label)] += value
    return part


# ------------------------------------------------------------------ figures from sums


def _groups(total: Mapping[Key, float]) -> dict[str, dict[Key, float]]:
    out: dict[str, dict[Key, float]] = {}
    for k, v in total.items():
        out.setdefault(k[0], {})[k[1:]] = v
    return out


def _counts(g: Mapping[str, Mapping[Key, float]], name: str, *head: str) -> Counts:
    table = g.get(name, {})
    return Counts(*(int(table.get((*head, x), 0)) for x in ("tp", "a", "b")))


def _f1(c: Counts) -> Score:
    if c.a + c.b == 0:
        return Score.undefined("neither annotator marked one")
    return Score(2 * c.tp / (c.a + c.b))


def _token_alpha(g: Mapping[str, Mapping[Key, float]], raters: int) -> Score:
    if raters < 2:
        return Score.undefined(TWO_NEEDED)
    return alpha_from_coincidences({(k[0], k[1]): v for k, v in g.get("ao", {}).items()})


def _label_alpha(g: Mapping[str, Mapping[Key, float]], label: str, raters: int) -> Score:
    if raters < 2:
        return Score.undefined(TWO_NEEDED)
    o = {(k[1], k[2]): v for k, v in g.get("lo", {}).items() if k[0] == label}
    rest = max(0.0, g.get("pairable", {}).get((), 0.0) - g.get("lp", {}).get((label,), 0.0))
    o[("0", "0")] = o.get(("0", "0"), 0.0) + rest
    return alpha_from_coincidences(o)


def _fleiss(g: Mapping[str, Mapping[Key, float]], raters: int) -> Score:
    sums = FleissSums(
        g.get("fu", {}).get((), 0.0),
        g.get("fa", {}).get((), 0.0),
        {k[0]: v for k, v in g.get("fc", {}).items()},
    )
    return fleiss_from_sums(sums, raters)


def _pair_kappa(g: Mapping[str, Mapping[Key, float]], a: str, b: str) -> tuple[Score, Score, int]:
    joint = {(k[2], k[3]): v for k, v in g.get("tok", {}).items() if k[:2] == (a, b)}
    kappa, observed = cohen_kappa(joint.items())
    return kappa, observed, int(sum(joint.values()))


def _attributes(g: Mapping[str, Mapping[Key, float]]) -> dict[tuple[str, str, str, str], dict[tuple[str, str], float]]:  # fmt: skip
    out: dict[tuple[str, str, str, str], dict[tuple[str, str], float]] = {}
    for k, v in g.get("at", {}).items():
        out.setdefault((k[0], k[1], k[2], k[3]), {})[(k[4], k[5])] = v
    return out


def _unitizing(g: Mapping[str, Mapping[Key, float]], cross: Mapping[str, float],
               labels: Sequence[str], raters: int) -> tuple[dict[str, LabelAlpha], Score]:  # fmt: skip
    length = g.get("ulen", {}).get((), 0.0)
    per = {}
    for label in labels:
        observed, units, cubes, squares = (
            g.get(name, {}).get((label,), 0.0) for name in ("uo", "un", "uc", "us")
        )
        per[label] = label_alpha(
            observed, units, cubes, squares, cross.get(label, 0.0), length, raters
        )
    return per, overall(per, raters, length)


@dataclass(frozen=True)
class Plan:
    """Who and what the figures are about."""

    names: list[str]
    labels: list[str]

    @property
    def pairs(self) -> list[tuple[str, str]]:
        return pair_names(self.names)

    def headline(self, total: Mapping[Key, float], cross: Mapping[str, float]) -> dict[FigureId, Score]:  # fmt: skip
        """Every figure that gets an interval, from summed document parts."""
        g = _groups(total)
        r = len(self.names)
        out: dict[FigureId, Score] = {
            ("token", "krippendorff_alpha"): _token_alpha(g, r),
            ("token", "fleiss_kappa"): _fleiss(g, r),
        }
        for label in self.labels:
            out[("token", "label", label)] = _label_alpha(g, label, r)
        for a, b in self.pairs:
            out[("token", a, b)] = _pair_kappa(g, a, b)[0]
            for kind, name in (("exact", "sx"), ("overlap", "so")):
                out[("span", a, b, kind)] = _f1(_counts(g, name, a, b))
            for kind, name in (("exact", "rx"), ("relaxed", "rr")):
                out[("relation", a, b, kind)] = _f1(_counts(g, name, a, b))
        for kind, name in (("exact", "lsx"), ("overlap", "lso")):
            for label in self.labels:
                out[("span", "label", label, kind)] = _f1(_counts(g, name, label))
        for (a, b, label, attr), joint in _attributes(g).items():
            out[("attribute", a, b, label, attr)] = cohen_kappa(joint.items())[0]
        per, whole = _unitizing(g, cross, self.labels, r)
        out[("unitizing",)] = whole
        for label, v in per.items():
            out[("unitizing", label)] = v.alpha_u
        return out


def _cross_terms(parts: Sequence[DocPart], labels: Sequence[str], raters: int) -> dict[str, float]:
    """The unitizing cross term of each label over every document (absent labels: whole gaps)."""
    out: dict[str, float] = {}
    for label in labels:
        lengths: list[int] = []
        gaps: list[int] = []
        for p in parts:
            if not p.length:
                continue
            u = p.units.get(label)
            if u is None:
                gaps += [p.length] * raters
            else:
                lengths += u.lengths
                gaps += u.gaps
        out[label] = float(cross_term(lengths, gaps))
    return out


def _unit_samples(parts: Sequence[DocPart], labels: Sequence[str], raters: int) -> dict[str, UnitSample]:  # fmt: skip
    out: dict[str, UnitSample] = {}
    for label in labels:
        lengths: list[int] = []
        unit_docs: list[int] = []
        gaps: list[int] = []
        gap_docs: list[int] = []
        for row, p in enumerate(parts):
            if not p.length:
                continue
            u = p.units.get(label)
            got = (p.length,) * raters if u is None else u.gaps
            gaps += got
            gap_docs += [row] * len(got)
            if u is not None:
                lengths += u.lengths
                unit_docs += [row] * len(u.lengths)
        out[label] = UnitSample(lengths, unit_docs, gaps, gap_docs)
    return out


# ------------------------------------------------------------------ the report


def _ci(out: dict[str, Any], name: str, ci: Mapping[FigureId, Interval | None] | None, fid: FigureId) -> None:  # fmt: skip
    if ci is None:
        return
    got = ci.get(fid)
    out[name] = None if got is None else [got.low, got.high]


def _prf(c: Counts, ci: Mapping[FigureId, Interval | None] | None, fid: FigureId) -> dict[str, Any]:  # fmt: skip
    out: dict[str, Any] = dict(c.prf())
    _ci(out, "ci95", ci, fid)
    return out


def agreement_report(
    docs: Iterable[DocInput],
    annotators: Sequence[str],
    labels: Sequence[str] | None = None,
    *,
    bootstrap: int = 0,
    seed: int = 0,
) -> dict[str, Any]:
    """Compute every number of SPEC section 6 for ``annotators`` over ``docs``.

    With ``bootstrap`` > 0, every headline figure gets ``ci95``: a 95% interval from that many
    resamples of the documents (seeded by ``seed``, so the same call gives the same interval).
    """
    label_set = set(labels) if labels else None
    names = list(annotators)
    parts: list[DocPart] = []
    running: defaultdict[Key, float] = defaultdict(float)
    seen: set[str] = set()
    for doc in docs:
        part = document_part(doc, names, label_set, None if bootstrap > 0 else running)
        if part is None:
            continue
        if bootstrap > 0:
            for k, v in part.stats.items():
                running[k] += v
        seen.update(s.label for a in part.summary["annotators"] for s in doc.layers[a].spans)
        parts.append(part)
    plan = Plan(names, sorted(label_set if label_set is not None else seen))
    r = len(names)
    cross = _cross_terms(parts, plan.labels, r)
    ci: dict[FigureId, Interval | None] | None = None
    if bootstrap > 0:
        ci = intervals([p.stats for p in parts], _unit_samples(parts, plan.labels, r),
                       plan.headline, bootstrap, seed)  # fmt: skip
    g = _groups(running)
    return {
        "annotators": names,
        "labels": plan.labels,
        "documents": len(parts),
        **(
            {
                "bootstrap": {
                    "resamples": bootstrap,
                    "seed": seed,
                    "over": "documents",
                    "interval": "95% percentile",
                }
            }
            if bootstrap > 0
            else {}
        ),
        "token": _token_section(g, plan, ci),
        "span": _span_section(g, plan, ci),
        "unitizing": _unitizing_section(g, cross, plan, ci),
        "attributes": _attribute_section(g, ci),
        "relations": _relation_section(g, plan, ci),
        "disagreement": _disagreement_section(g),
        "per_document": _per_document(parts),
    }


def _token_section(g: Mapping[str, Mapping[Key, float]], plan: Plan,
                   ci: Mapping[FigureId, Interval | None] | None) -> dict[str, Any]:  # fmt: skip
    r = len(plan.names)
    token: dict[str, Any] = {"tagging": TAGGING, "tokens": int(g.get("tokens", {}).get((), 0))}
    _put(token, "krippendorff_alpha", _token_alpha(g, r))
    _ci(token, "ci95", ci, ("token", "krippendorff_alpha"))
    _put(token, "fleiss_kappa", _fleiss(g, r))
    _ci(token, "fleiss_kappa_ci95", ci, ("token", "fleiss_kappa"))
    token["fleiss_tokens"] = int(g.get("fu", {}).get((), 0))
    token["pairs"] = []
    for a, b in plan.pairs:
        kappa, observed, n = _pair_kappa(g, a, b)
        row: dict[str, Any] = {"a": a, "b": b, "documents": int(g.get("docs", {}).get((a, b), 0)), "tokens": n}  # fmt: skip
        _put(row, "cohen_kappa", kappa)
        _put(row, "observed", observed)
        _ci(row, "ci95", ci, ("token", a, b))
        token["pairs"].append(row)
    token["per_label"] = {}
    for label in plan.labels:
        entry: dict[str, Any] = {}
        _put(entry, "krippendorff_alpha", _label_alpha(g, label, r))
        _ci(entry, "ci95", ci, ("token", "label", label))
        token["per_label"][label] = entry
    return token


def _span_section(g: Mapping[str, Mapping[Key, float]], plan: Plan,
                  ci: Mapping[FigureId, Interval | None] | None) -> dict[str, Any]:  # fmt: skip
    return {
        "pooling": POOLING,
        "pairs": [{"a": a, "b": b, "documents": int(g.get("docs", {}).get((a, b), 0)),
                   "exact": _prf(_counts(g, "sx", a, b), ci, ("span", a, b, "exact")),
                   "overlap": _prf(_counts(g, "so", a, b), ci, ("span", a, b, "overlap"))}
                  for a, b in plan.pairs],
        "per_label": {label: {"exact": _prf(_counts(g, "lsx", label), ci, ("span", "label", label, "exact")),
                              "overlap": _prf(_counts(g, "lso", label), ci, ("span", "label", label, "overlap"))}
                      for label in plan.labels},
    }  # fmt: skip


def _unitizing_section(g: Mapping[str, Mapping[Key, float]], cross: Mapping[str, float], plan: Plan,
                       ci: Mapping[FigureId, Interval | None] | None) -> dict[str, Any]:  # fmt: skip
    per, whole = _unitizing(g, cross, plan.labels, len(plan.names))
    out: dict[str, Any] = {
        "continuum": CONTINUUM,
        "documents": int(g.get("udocs", {}).get((), 0)),
        "length": int(g.get("ulen", {}).get((), 0)),
        "units": sum(v.units for v in per.values()),
    }
    _put(out, "alpha_u", whole)
    _ci(out, "ci95", ci, ("unitizing",))
    out["per_label"] = {}
    for label, v in per.items():
        entry: dict[str, Any] = {"d_o": v.d_o, "d_e": v.d_e, "units": v.units}
        _put(entry, "alpha_u", v.alpha_u)
        _ci(entry, "ci95", ci, ("unitizing", label))
        out["per_label"][label] = entry
    return out


def _attribute_section(g: Mapping[str, Mapping[Key, float]],
                       ci: Mapping[FigureId, Interval | None] | None) -> dict[str, list[dict[str, Any]]]:  # fmt: skip
    out: dict[str, list[dict[str, Any]]] = {}
    for (a, b, label, attr), joint in sorted(_attributes(g).items()):
        kappa, observed = cohen_kappa(joint.items())
        row: dict[str, Any] = {"a": a, "b": b, "label": label, "matched": int(sum(joint.values())),
                               "agree": int(sum(n for (x, y), n in joint.items() if x == y))}  # fmt: skip
        _put(row, "observed", observed)
        _put(row, "cohen_kappa", kappa)
        _ci(row, "ci95", ci, ("attribute", a, b, label, attr))
        out.setdefault(attr, []).append(row)
    return out


def _relation_section(g: Mapping[str, Mapping[Key, float]], plan: Plan,
                      ci: Mapping[FigureId, Interval | None] | None) -> dict[str, Any]:  # fmt: skip
    return {
        "matching": "exact: head and child spans match exactly; relaxed: they match one-to-one by overlap",
        "pairs": [{"a": a, "b": b, "documents": int(g.get("docs", {}).get((a, b), 0)),
                   "exact": _prf(_counts(g, "rx", a, b), ci, ("relation", a, b, "exact")),
                   "relaxed": _prf(_counts(g, "rr", a, b), ci, ("relation", a, b, "relaxed"))}
                  for a, b in plan.pairs],
    }  # fmt: skip


def _disagreement_section(g: Mapping[str, Mapping[Key, float]]) -> dict[str, Any]:
    counts = {k.value: int(g.get("dis", {}).get((k.value,), 0)) for k in Kind}
    total = sum(counts.values())
    cells = sorted(((-int(v), k[0], k[1]) for k, v in g.get("conf", {}).items()))
    confusion = [{"labels": [first, second], "count": -n} for n, first, second in cells]
    return {
        "matching": DISAGREEMENT,
        "total": total,
        "counts": counts,
        "shares": {k: (v / total if total else None) for k, v in counts.items()},
        "confusion": confusion,
        "worst_documents": [],
    }


def worst_documents(docs: Iterable[DocInput], annotators: Sequence[str],
                    labels: Sequence[str] | None = None) -> list[dict[str, Any]]:  # fmt: skip
    """Every pair's disagreeing spans on each of ``docs``, side by side, for the report."""
    label_set = set(labels) if labels else None
    out = []
    for doc in docs:
        found = [
            describe(d)
            for a, b in pair_names([n for n in annotators if n in doc.layers])
            for d in classify(a, _selected(doc.layers[a].spans, label_set),
                              b, _selected(doc.layers[b].spans, label_set))
        ]  # fmt: skip
        out.append({"id": doc.ext_id, "annotators": sorted(doc.layers), "disagreements": found})
    return out


def _per_document(parts: Sequence[DocPart]) -> list[dict[str, Any]]:
    rows = []
    for p in parts:
        alpha: Score = p.summary["alpha"]
        rows.append({
            "id": p.summary["id"], "annotators": p.summary["annotators"], "alpha": alpha.value,
            "mean_exact_f1": p.summary["mean_exact_f1"],
            "disagreements": p.summary.get("disagreements", 0),
            **({"undefined": alpha.reason} if alpha.value is None else {}),
        })  # fmt: skip
    rows.sort(key=lambda d: (d["alpha"] is None, d["alpha"] if d["alpha"] is not None else 0.0))
    return rows
