"""The agreement report as typed records, with its one JSON form (``AgreementReport.to_json``).

Readers (the table, the paper report, the window, the dataset card) use the fields; scripts get
the JSON of SPEC section 6, whose keys stay as they were. A figure that can be undefined is a
``Figure``: its value, or None with the reason; with a bootstrap, its 95% interval (None when it
was undefined in every resample). The JSON gives ``ci95`` keys only when a bootstrap was asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from annotator.agreement.metrics import Score

Json = dict[str, Any]

JOINED = (
    "spans of one annotator nested in or overlapping another of the same label are one unit (their"
    " union): alpha_U needs the units of one annotator and label not to overlap (Krippendorff 2004)"
)


@dataclass(frozen=True)
class Figure:
    """A figure: its value (None when undefined, with the reason) and its interval, if any."""

    value: float | None
    reason: str = ""
    ci95: tuple[float, float] | None = None

    @classmethod
    def of(cls, score: Score, ci95: tuple[float, float] | None = None) -> Figure:
        return cls(score.value, score.reason if score.value is None else "", ci95)


def _put(out: Json, name: str, figure: Figure, ci_key: str | None, boot: bool) -> None:
    """``name`` (and its reason under ``undefined``, its interval under ``ci_key``) into ``out``."""
    out[name] = figure.value
    if figure.value is None:
        out.setdefault("undefined", {})[name] = figure.reason
    if boot and ci_key is not None:
        out[ci_key] = None if figure.ci95 is None else list(figure.ci95)


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with ``a`` as the reference, from pooled counts."""

    precision: float | None
    recall: float | None
    f1: float | None
    matched: int
    in_a: int
    in_b: int
    ci95: tuple[float, float] | None = None  # of the F1

    def to_json(self, boot: bool) -> Json:
        out: Json = {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                     "matched": self.matched, "in_a": self.in_a, "in_b": self.in_b}  # fmt: skip
        if boot:
            out["ci95"] = None if self.ci95 is None else list(self.ci95)
        return out


@dataclass(frozen=True)
class TokenPair:
    """Cohen's kappa and observed agreement of two annotators over the tokens both finished."""

    a: str
    b: str
    documents: int
    tokens: int
    cohen_kappa: Figure
    observed: Figure

    def to_json(self, boot: bool) -> Json:
        out: Json = {"a": self.a, "b": self.b, "documents": self.documents, "tokens": self.tokens}
        _put(out, "cohen_kappa", self.cohen_kappa, "ci95", boot)
        _put(out, "observed", self.observed, None, boot)
        return out


@dataclass(frozen=True)
class TokenSection:
    """Agreement over tokens: Krippendorff's alpha, Fleiss' kappa, pairs and labels."""

    tagging: str
    tokens: int  # of every document at least one selected annotator finished
    krippendorff_alpha: Figure
    fleiss_kappa: Figure
    fleiss_tokens: int
    pairs: tuple[TokenPair, ...]
    per_label: dict[str, Figure]
    documents: int = 0  # finished by at least two: the only ones with pairable tokens
    pairable_tokens: int = 0  # the tokens of those documents, which the figures rest on

    def to_json(self, boot: bool) -> Json:
        out: Json = {"tagging": self.tagging, "tokens": self.tokens, "documents": self.documents,
                     "pairable_tokens": self.pairable_tokens}  # fmt: skip
        _put(out, "krippendorff_alpha", self.krippendorff_alpha, "ci95", boot)
        _put(out, "fleiss_kappa", self.fleiss_kappa, "fleiss_kappa_ci95", boot)
        out["fleiss_tokens"] = self.fleiss_tokens
        out["pairs"] = [p.to_json(boot) for p in self.pairs]
        out["per_label"] = {}
        for label, figure in self.per_label.items():
            entry: Json = {}
            _put(entry, "krippendorff_alpha", figure, "ci95", boot)
            out["per_label"][label] = entry
        return out


@dataclass(frozen=True)
class MatchPair:
    """Span (exact, overlap) or relation (exact, relaxed) matching of two annotators."""

    a: str
    b: str
    documents: int
    strict: PRF  # exact
    loose: PRF  # overlap for spans, relaxed for relations


@dataclass(frozen=True)
class SpanSection:
    """Span F1 per pair and per label, exact and by overlap."""

    pooling: str
    pairs: tuple[MatchPair, ...]
    per_label: dict[str, tuple[PRF, PRF]]  # exact, overlap

    def to_json(self, boot: bool) -> Json:
        return {
            "pooling": self.pooling,
            "pairs": [{"a": p.a, "b": p.b, "documents": p.documents,
                       "exact": p.strict.to_json(boot), "overlap": p.loose.to_json(boot)}
                      for p in self.pairs],
            "per_label": {label: {"exact": x.to_json(boot), "overlap": o.to_json(boot)}
                          for label, (x, o) in self.per_label.items()},
        }  # fmt: skip


@dataclass(frozen=True)
class UnitizingLabel:
    """alpha_U of one label, with its observed and expected disagreement and units."""

    alpha_u: Figure
    d_o: float
    d_e: float
    units: int
    joined: int = 0  # spans nested in (or overlapping) another of the label by one annotator


@dataclass(frozen=True)
class UnitizingSection:
    """Krippendorff's unitizing alpha over the code point continuum."""

    continuum: str
    documents: int
    length: int
    units: int
    alpha_u: Figure
    per_label: dict[str, UnitizingLabel]
    joined: int = 0  # spans that were no unit of their own (nested or overlapping, same label)

    @property
    def spans(self) -> int:
        """The spans the units were made of (units plus joined spans)."""
        return self.units + self.joined

    def to_json(self, boot: bool) -> Json:
        out: Json = {"continuum": self.continuum, "documents": self.documents,
                     "length": self.length, "units": self.units, "spans": self.spans,
                     "joined": self.joined, "joined_means": JOINED}  # fmt: skip
        _put(out, "alpha_u", self.alpha_u, "ci95", boot)
        out["per_label"] = {}
        for label, v in self.per_label.items():
            entry: Json = {"d_o": v.d_o, "d_e": v.d_e, "units": v.units, "joined": v.joined}
            _put(entry, "alpha_u", v.alpha_u, "ci95", boot)
            out["per_label"][label] = entry
        return out


@dataclass(frozen=True)
class AttributeRow:
    """Agreement of one attribute of one label for a pair, on exactly matched spans."""

    a: str
    b: str
    label: str
    matched: int
    agree: int
    observed: Figure
    cohen_kappa: Figure

    def to_json(self, boot: bool) -> Json:
        out: Json = {"a": self.a, "b": self.b, "label": self.label, "matched": self.matched,
                     "agree": self.agree}  # fmt: skip
        _put(out, "observed", self.observed, None, boot)
        _put(out, "cohen_kappa", self.cohen_kappa, "ci95", boot)
        return out


@dataclass(frozen=True)
class SpanRef:
    """A span as a disagreement shows it."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True)
class DisagreementRow:
    """One disagreement: its kind, the two annotators and their spans (None: missed)."""

    kind: str
    a: str
    b: str
    a_span: SpanRef | None
    b_span: SpanRef | None

    def to_json(self) -> Json:
        def side(s: SpanRef | None) -> Json | None:
            return None if s is None else {"start": s.start, "end": s.end, "label": s.label, "text": s.text}  # fmt: skip

        return {"kind": self.kind, "a": self.a, "b": self.b, "a_span": side(self.a_span),
                "b_span": side(self.b_span)}  # fmt: skip


@dataclass(frozen=True)
class WorstDocument:
    """A document with much disagreement, its disagreements side by side."""

    id: str
    annotators: tuple[str, ...]
    disagreements: tuple[DisagreementRow, ...]


@dataclass(frozen=True)
class Confusion:
    """Two labels given to overlapping spans, and how often."""

    labels: tuple[str, str]
    count: int


@dataclass(frozen=True)
class DisagreementSection:
    """Why agreement is low: the kinds of disagreement, confused labels, the worst documents."""

    matching: str
    total: int
    counts: dict[str, int]
    confusion: tuple[Confusion, ...]
    worst_documents: tuple[WorstDocument, ...] = ()

    def share(self, kind: str) -> float | None:
        """The share of ``kind`` among all disagreements (None when there are none)."""
        return self.counts[kind] / self.total if self.total else None

    def to_json(self) -> Json:
        return {
            "matching": self.matching,
            "total": self.total,
            "counts": dict(self.counts),
            "shares": {k: self.share(k) for k in self.counts},
            "confusion": [{"labels": list(c.labels), "count": c.count} for c in self.confusion],
            "worst_documents": [
                {"id": w.id, "annotators": list(w.annotators),
                 "disagreements": [d.to_json() for d in w.disagreements]}
                for w in self.worst_documents
            ],
        }  # fmt: skip


@dataclass(frozen=True)
class DocumentRow:
    """One document's own agreement (per_document rows, lowest alpha first)."""

    id: str
    annotators: tuple[str, ...]
    alpha: Figure
    mean_exact_f1: float | None
    disagreements: int

    def to_json(self) -> Json:
        out: Json = {"id": self.id, "annotators": list(self.annotators), "alpha": self.alpha.value,
                     "mean_exact_f1": self.mean_exact_f1, "disagreements": self.disagreements}  # fmt: skip
        if self.alpha.value is None:
            out["undefined"] = self.alpha.reason
        return out


@dataclass(frozen=True)
class Bootstrap:
    """How the intervals were made."""

    resamples: int
    seed: int
    over: str = "documents"
    interval: str = "95% percentile"


@dataclass(frozen=True)
class AgreementReport:
    """Every figure of SPEC section 6 for a set of annotators over a project's documents."""

    annotators: tuple[str, ...]
    labels: tuple[str, ...]
    documents: int
    bootstrap: Bootstrap | None
    token: TokenSection
    span: SpanSection
    unitizing: UnitizingSection
    attributes: dict[str, tuple[AttributeRow, ...]]
    relations_matching: str
    relations: tuple[MatchPair, ...]  # exact, relaxed
    disagreement: DisagreementSection
    per_document: tuple[DocumentRow, ...]
    project: str = ""

    def to_json(self) -> Json:
        """The report as ``agreement --json`` prints it (SPEC section 6)."""
        boot = self.bootstrap is not None
        out: Json = {"annotators": list(self.annotators), "labels": list(self.labels),
                     "documents": self.documents}  # fmt: skip
        if self.bootstrap is not None:
            b = self.bootstrap
            out["bootstrap"] = {"resamples": b.resamples, "seed": b.seed, "over": b.over,
                                "interval": b.interval}  # fmt: skip
        out["token"] = self.token.to_json(boot)
        out["span"] = self.span.to_json(boot)
        out["unitizing"] = self.unitizing.to_json(boot)
        out["attributes"] = {attr: [r.to_json(boot) for r in rows]
                             for attr, rows in self.attributes.items()}  # fmt: skip
        out["relations"] = {
            "matching": self.relations_matching,
            "pairs": [{"a": p.a, "b": p.b, "documents": p.documents,
                       "exact": p.strict.to_json(boot), "relaxed": p.loose.to_json(boot)}
                      for p in self.relations],
        }  # fmt: skip
        out["disagreement"] = self.disagreement.to_json()
        out["per_document"] = [d.to_json() for d in self.per_document]
        if self.project:
            out["project"] = self.project
        return out
