"""The agreement report of SPEC section 6, from the finished layers of every document.

Only layers marked done count; elsewhere the annotator is missing, not "labelled nothing".
Token values are IO label sets (``claim+speaker`` or ``O``), not BIO tags. Span and relation counts
are pooled over the documents both annotators finished (micro-averaged), with ``a`` as reference.
Values that are undefined are None, with the reason (``records.Figure``).

Each document is first reduced to sums (``parts.document_part``); every figure is computed from the sums
over documents, so the bootstrap (``--bootstrap``) resamples documents and recomputes the very
same figures from resampled sums.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from annotator.agreement.bootstrap import FigureId, Interval, Key, UnitSample, intervals
from annotator.agreement.disagreements import Kind, as_row, classify
from annotator.agreement.metrics import (
    FleissSums,
    Score,
    alpha_from_coincidences,
    cohen_kappa,
    fleiss_from_sums,
    pair_names,
)
from annotator.agreement.parts import DocInput, DocPart, document_part, selected
from annotator.agreement.records import (
    PRF,
    AgreementReport,
    AttributeRow,
    Bootstrap,
    Confusion,
    DisagreementSection,
    DocumentRow,
    Figure,
    MatchPair,
    SpanSection,
    TokenPair,
    TokenSection,
    UnitizingLabel,
    UnitizingSection,
    WorstDocument,
)
from annotator.agreement.spans import Counts
from annotator.agreement.unitizing import LabelAlpha, cross_term, label_alpha, overall

TAGGING = "IO label sets per token (sorted labels joined with +, or O); a token is covered by a span sharing one character"
POOLING = "counts pooled over the documents both annotators finished; a is the reference"
CONTINUUM = "code points of the documents every selected annotator finished, one label at a time; gaps end at document ends"
TWO_NEEDED = "agreement needs at least two annotators"
RELATION_MATCHING = (
    "exact: head and child spans match exactly; relaxed: they match one-to-one by overlap"
)
DISAGREEMENT = (
    "spans not matched exactly, paired one-to-one by overlap, same label first (a boundary"
    " disagreement), then any label (same start and end: a label one); a span left unpaired was missed"
)


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

Intervals = Mapping[FigureId, Interval | None] | None  # None: no bootstrap was asked for


def _fig(score: Score, ci: Intervals, fid: FigureId) -> Figure:
    got = ci.get(fid) if ci is not None else None
    return Figure.of(score, None if got is None else (got.low, got.high))


def _prf(c: Counts, ci: Intervals, fid: FigureId) -> PRF:
    p = c.prf()
    got = ci.get(fid) if ci is not None else None
    return PRF(p["precision"], p["recall"], p["f1"], c.tp, c.a, c.b,
               None if got is None else (got.low, got.high))  # fmt: skip


def agreement_report(
    docs: Iterable[DocInput],
    annotators: Sequence[str],
    labels: Sequence[str] | None = None,
    *,
    bootstrap: int = 0,
    seed: int = 0,
) -> AgreementReport:
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
    return AgreementReport(
        annotators=tuple(names),
        labels=tuple(plan.labels),
        documents=len(parts),
        bootstrap=Bootstrap(bootstrap, seed) if bootstrap > 0 else None,
        token=_token_section(g, plan, ci),
        span=_span_section(g, plan, ci),
        unitizing=_unitizing_section(g, cross, plan, ci),
        attributes=_attribute_section(g, ci),
        relations_matching=RELATION_MATCHING,
        relations=_relation_pairs(g, plan, ci),
        disagreement=_disagreement_section(g),
        per_document=_per_document(parts),
    )


def _token_section(g: Mapping[str, Mapping[Key, float]], plan: Plan, ci: Intervals) -> TokenSection:
    r = len(plan.names)
    pairs = []
    for a, b in plan.pairs:
        kappa, observed, n = _pair_kappa(g, a, b)
        pairs.append(TokenPair(a, b, int(g.get("docs", {}).get((a, b), 0)), n,
                               _fig(kappa, ci, ("token", a, b)), Figure.of(observed)))  # fmt: skip
    return TokenSection(
        tagging=TAGGING,
        tokens=int(g.get("tokens", {}).get((), 0)),
        krippendorff_alpha=_fig(_token_alpha(g, r), ci, ("token", "krippendorff_alpha")),
        fleiss_kappa=_fig(_fleiss(g, r), ci, ("token", "fleiss_kappa")),
        fleiss_tokens=int(g.get("fu", {}).get((), 0)),
        pairs=tuple(pairs),
        per_label={label: _fig(_label_alpha(g, label, r), ci, ("token", "label", label))
                   for label in plan.labels},
        documents=int(g.get("pdocs", {}).get((), 0)),
        pairable_tokens=int(g.get("ptokens", {}).get((), 0)),
    )  # fmt: skip


def _span_section(g: Mapping[str, Mapping[Key, float]], plan: Plan, ci: Intervals) -> SpanSection:
    return SpanSection(
        pooling=POOLING,
        pairs=tuple(MatchPair(a, b, int(g.get("docs", {}).get((a, b), 0)),
                              _prf(_counts(g, "sx", a, b), ci, ("span", a, b, "exact")),
                              _prf(_counts(g, "so", a, b), ci, ("span", a, b, "overlap")))
                    for a, b in plan.pairs),
        per_label={label: (_prf(_counts(g, "lsx", label), ci, ("span", "label", label, "exact")),
                           _prf(_counts(g, "lso", label), ci, ("span", "label", label, "overlap")))
                   for label in plan.labels},
    )  # fmt: skip


def _unitizing_section(g: Mapping[str, Mapping[Key, float]], cross: Mapping[str, float],
                       plan: Plan, ci: Intervals) -> UnitizingSection:  # fmt: skip
    per, whole = _unitizing(g, cross, plan.labels, len(plan.names))
    return UnitizingSection(
        continuum=CONTINUUM,
        documents=int(g.get("udocs", {}).get((), 0)),
        length=int(g.get("ulen", {}).get((), 0)),
        units=sum(v.units for v in per.values()),
        alpha_u=_fig(whole, ci, ("unitizing",)),
        per_label={label: UnitizingLabel(_fig(v.alpha_u, ci, ("unitizing", label)), v.d_o, v.d_e, v.units,
                                         int(g.get("uj", {}).get((label,), 0)))
                   for label, v in per.items()},
        joined=int(sum(g.get("uj", {}).values())),
    )  # fmt: skip


def _attribute_section(g: Mapping[str, Mapping[Key, float]], ci: Intervals) -> dict[str, tuple[AttributeRow, ...]]:  # fmt: skip
    out: dict[str, list[AttributeRow]] = {}
    for (a, b, label, attr), joint in sorted(_attributes(g).items()):
        kappa, observed = cohen_kappa(joint.items())
        out.setdefault(attr, []).append(AttributeRow(
            a, b, label, int(sum(joint.values())), int(sum(n for (x, y), n in joint.items() if x == y)),
            Figure.of(observed), _fig(kappa, ci, ("attribute", a, b, label, attr)),
        ))  # fmt: skip
    return {attr: tuple(rows) for attr, rows in out.items()}


def _relation_pairs(g: Mapping[str, Mapping[Key, float]], plan: Plan, ci: Intervals) -> tuple[MatchPair, ...]:  # fmt: skip
    return tuple(MatchPair(a, b, int(g.get("docs", {}).get((a, b), 0)),
                           _prf(_counts(g, "rx", a, b), ci, ("relation", a, b, "exact")),
                           _prf(_counts(g, "rr", a, b), ci, ("relation", a, b, "relaxed")))
                 for a, b in plan.pairs)  # fmt: skip


def _disagreement_section(g: Mapping[str, Mapping[Key, float]]) -> DisagreementSection:
    counts = {k.value: int(g.get("dis", {}).get((k.value,), 0)) for k in Kind}
    cells = sorted(((-int(v), k[0], k[1]) for k, v in g.get("conf", {}).items()))
    return DisagreementSection(
        matching=DISAGREEMENT,
        total=sum(counts.values()),
        counts=counts,
        confusion=tuple(Confusion((first, second), -n) for n, first, second in cells),
    )


def worst_documents(docs: Iterable[DocInput], annotators: Sequence[str],
                    labels: Sequence[str] | None = None) -> tuple[WorstDocument, ...]:  # fmt: skip
    """Every pair's disagreeing spans on each of ``docs``, side by side, for the report."""
    label_set = set(labels) if labels else None
    out = []
    for doc in docs:
        found = [
            as_row(d)
            for a, b in pair_names([n for n in annotators if n in doc.layers])
            for d in classify(a, selected(doc.layers[a].spans, label_set),
                              b, selected(doc.layers[b].spans, label_set))
        ]  # fmt: skip
        out.append(WorstDocument(doc.ext_id, tuple(sorted(doc.layers)), tuple(found)))
    return tuple(out)


def _per_document(parts: Sequence[DocPart]) -> tuple[DocumentRow, ...]:
    rows = [
        DocumentRow(p.summary["id"], tuple(p.summary["annotators"]), Figure.of(p.summary["alpha"]),
                    p.summary["mean_exact_f1"], p.summary.get("disagreements", 0))
        for p in parts
    ]  # fmt: skip
    rows.sort(key=lambda d: (d.alpha.value is None, d.alpha.value if d.alpha.value is not None else 0.0))  # fmt: skip
    return tuple(rows)
