"""The agreement report of SPEC section 6, from the finished layers of every document.

Only layers marked done count; elsewhere the annotator is missing, not "labelled nothing".
Token values are IO label sets (``claim+speaker`` or ``O``), not BIO tags. Span and relation counts
are pooled over the documents both annotators finished (micro-averaged), with ``a`` as reference.
Values that are undefined are None, with the reason under ``undefined``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator.agreement.metrics import (
    Score,
    cohen_kappa,
    fleiss_kappa,
    krippendorff_alpha,
    pair_names,
)
from annotator.agreement.spans import Counts, exact_matches, key, overlap_matches
from annotator.model.document import Layer, Span
from annotator.text.tokens import count_tokens, tokens_around

TAGGING = "IO label sets per token (sorted labels joined with +, or O); a token is covered by a span sharing one character"
POOLING = "counts pooled over the documents both annotators finished; a is the reference"


@dataclass
class DocInput:
    """A document's text and the finished layers of the selected annotators."""

    ext_id: str
    text: str
    layers: dict[str, Layer]


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


def _binary(units: Counter[tuple[str, ...]], label: str) -> list[tuple[list[str], int]]:
    return [
        (["1" if label in v.split("+") else "0" for v in values], n) for values, n in units.items()
    ]


def _span_counts(a: Sequence[Span], b: Sequence[Span], labels: set[str] | None) -> tuple[Counts, Counts, dict[str, tuple[Counts, Counts]], list[tuple[Span, Span]]]:  # fmt: skip
    if labels is not None:
        a = [s for s in a if s.label in labels]
        b = [s for s in b if s.label in labels]
    exact_pairs = exact_matches(a, b)
    overlap_pairs = overlap_matches(a, b)
    exact, overlap = Counts(), Counts()
    exact.add(len(exact_pairs), len(a), len(b))
    overlap.add(len(overlap_pairs), len(a), len(b))
    per: dict[str, tuple[Counts, Counts]] = {}
    in_a, in_b = Counter(s.label for s in a), Counter(s.label for s in b)
    ex_tp = Counter(x.label for x, _ in exact_pairs)
    ov_tp = Counter(x.label for x, _ in overlap_pairs)
    for label in in_a.keys() | in_b.keys():
        ex, ov = Counts(), Counts()
        ex.add(ex_tp[label], in_a[label], in_b[label])
        ov.add(ov_tp[label], in_a[label], in_b[label])
        per[label] = (ex, ov)
    return exact, overlap, per, exact_pairs


def _relation_keys(layer: Layer) -> Counter[tuple[object, object, str]]:
    by_sid = {s.sid: key(s) for s in layer.spans}
    return Counter(
        (by_sid[str(r.head)], by_sid[str(r.child)], r.label)
        for r in layer.relations
        if str(r.head) in by_sid and str(r.child) in by_sid
    )


def agreement_report(docs: Iterable[DocInput], annotators: Sequence[str], labels: Sequence[str] | None = None) -> dict[str, Any]:  # fmt: skip
    """Compute every number of SPEC section 6 for ``annotators`` over ``docs``."""
    label_set = set(labels) if labels else None
    names = list(annotators)
    pairs = pair_names(names)
    alpha_units: Counter[tuple[str, ...]] = Counter()
    fleiss_units: Counter[tuple[str, ...]] = Counter()
    pair_tokens: dict[tuple[str, str], Counter[tuple[str, str]]] = {p: Counter() for p in pairs}
    span_exact = {p: Counts() for p in pairs}
    span_overlap = {p: Counts() for p in pairs}
    span_docs = dict.fromkeys(pairs, 0)
    label_exact: dict[str, Counts] = {}
    label_overlap: dict[str, Counts] = {}
    attr_pairs: dict[tuple[str, str, str, str], Counter[tuple[str, str]]] = {}
    rel_counts = {p: Counts() for p in pairs}
    per_document: list[dict[str, Any]] = []
    n_docs = 0
    seen_labels: set[str] = set()

    for doc in docs:
        present = [a for a in names if a in doc.layers]
        if not present:
            continue
        n_docs += 1
        covered = covered_values(doc.text, doc.layers, present, label_set)
        plain = count_tokens(doc.text) - len(covered)
        for a in present:
            seen_labels.update(s.label for s in doc.layers[a].spans)
        doc_units: Counter[tuple[str, ...]] = Counter(covered)
        if plain:
            doc_units[("O",) * len(present)] += plain
        sorted_units: Counter[tuple[str, ...]] = Counter()
        for unit, n in doc_units.items():
            sorted_units[tuple(sorted(unit))] += n
        alpha_units.update(sorted_units)
        if len(present) == len(names):
            fleiss_units.update(sorted_units)
        f1s: list[float] = []
        for a, b in pairs:
            if a not in doc.layers or b not in doc.layers:
                continue
            ia, ib = present.index(a), present.index(b)
            pair_tokens[(a, b)].update((v[ia], v[ib]) for v in covered)
            pair_tokens[(a, b)][("O", "O")] += plain
            la, lb = doc.layers[a], doc.layers[b]
            exact, overlap, per, matched = _span_counts(la.spans, lb.spans, label_set)
            span_exact[(a, b)].add(exact.tp, exact.a, exact.b)
            span_overlap[(a, b)].add(overlap.tp, overlap.a, overlap.b)
            span_docs[(a, b)] += 1
            for label, (ex, ov) in per.items():
                label_exact.setdefault(label, Counts()).add(ex.tp, ex.a, ex.b)
                label_overlap.setdefault(label, Counts()).add(ov.tp, ov.a, ov.b)
            for x, y in matched:
                for attr in sorted(set(x.attributes) | set(y.attributes)):
                    bucket = attr_pairs.setdefault((a, b, x.label, attr), Counter())
                    bucket[(x.attributes.get(attr, ""), y.attributes.get(attr, ""))] += 1
            ra, rb = _relation_keys(la), _relation_keys(lb)
            rel_counts[(a, b)].add(sum((ra & rb).values()), sum(ra.values()), sum(rb.values()))
            f1 = exact.prf()["f1"]
            if f1 is not None:
                f1s.append(f1)
        doc_alpha = (
            krippendorff_alpha(sorted_units.items())
            if len(present) > 1
            else Score.undefined("one annotator finished it")
        )
        per_document.append({
            "id": doc.ext_id, "annotators": present, "alpha": doc_alpha.value,
            "mean_exact_f1": sum(f1s) / len(f1s) if f1s else None,
            **({"undefined": doc_alpha.reason} if doc_alpha.value is None else {}),
        })  # fmt: skip

    token: dict[str, Any] = {"tagging": TAGGING}
    _put(token, "krippendorff_alpha", krippendorff_alpha(alpha_units.items()) if len(names) > 1
         else Score.undefined("agreement needs at least two annotators"))  # fmt: skip
    _put(token, "fleiss_kappa", fleiss_kappa(fleiss_units.items(), len(names)))
    token["pairs"] = []
    for a, b in pairs:
        kappa, observed = cohen_kappa(pair_tokens[(a, b)].items())
        row: dict[str, Any] = {"a": a, "b": b, "tokens": sum(pair_tokens[(a, b)].values())}
        _put(row, "cohen_kappa", kappa)
        _put(row, "observed", observed)
        token["pairs"].append(row)
    all_labels = sorted(label_set if label_set is not None else seen_labels)
    token["per_label"] = {}
    for label in all_labels:
        entry: dict[str, Any] = {}
        _put(entry, "krippendorff_alpha", krippendorff_alpha(_binary(alpha_units, label)) if len(names) > 1
             else Score.undefined("agreement needs at least two annotators"))  # fmt: skip
        token["per_label"][label] = entry

    span = {
        "pooling": POOLING,
        "pairs": [{"a": a, "b": b, "documents": span_docs[(a, b)],
                   "exact": span_exact[(a, b)].prf(), "overlap": span_overlap[(a, b)].prf()}
                  for a, b in pairs],
        "per_label": {label: {"exact": label_exact.get(label, Counts()).prf(),
                              "overlap": label_overlap.get(label, Counts()).prf()}
                      for label in all_labels},
    }  # fmt: skip
    attributes = []
    for (a, b, label, attr), joint in sorted(attr_pairs.items()):
        kappa, observed = cohen_kappa(joint.items())
        row = {"a": a, "b": b, "label": label, "attribute": attr, "matched": sum(joint.values()),
               "agree": sum(n for (x, y), n in joint.items() if x == y)}  # fmt: skip
        _put(row, "observed", observed)
        _put(row, "cohen_kappa", kappa)
        attributes.append(row)
    relations = [{"a": a, "b": b, **rel_counts[(a, b)].prf()} for a, b in pairs]
    per_document.sort(
        key=lambda d: (d["alpha"] is None, d["alpha"] if d["alpha"] is not None else 0.0)
    )
    return {
        "annotators": names,
        "labels": all_labels,
        "documents": n_docs,
        "token": token,
        "span": span,
        "attributes": attributes,
        "relations": relations,
        "per_document": per_document,
    }
