"""The agreement report as a table a lead can read in a terminal."""

from __future__ import annotations

from typing import Any

from annotator.agreement.records import AgreementReport, SpanRef
from annotator.text.plural import number, plural


def num(value: Any) -> str:
    """A figure with three decimals, or an em dash when it is undefined."""
    return "—" if value is None else f"{value:.3f}"


def with_ci(value: Any, ci: Any) -> str:
    """``0.812 [0.770, 0.850]`` when an interval was asked for, else the figure alone."""
    if ci is None:
        return num(value)
    return f"{num(value)} [{num(ci[0])}, {num(ci[1])}]"


def _undefined_reasons(report: AgreementReport) -> dict[str, str]:
    token, unit = report.token, report.unitizing
    reasons: dict[str, str] = {}
    for name, fig in (("krippendorff_alpha", token.krippendorff_alpha), ("fleiss_kappa", token.fleiss_kappa)):  # fmt: skip
        if fig.value is None:
            reasons[f"token {name}"] = fig.reason
    if unit.alpha_u.value is None:
        reasons["unitizing alpha_u"] = unit.alpha_u.reason
    for label, entry in unit.per_label.items():
        if entry.alpha_u.value is None:
            reasons[f"unitizing {label}"] = entry.alpha_u.reason
    for p in token.pairs:
        for name, fig in (("cohen_kappa", p.cohen_kappa), ("observed", p.observed)):
            if fig.value is None:
                reasons[f"{p.a}/{p.b} {name}"] = fig.reason
    return reasons


def render(report: AgreementReport, worst: int = 5) -> str:
    """Pairs, labels and the documents with the most disagreement, with reasons for every '—'."""
    token, span, unit = report.token, report.span, report.unitizing
    names = ", ".join(report.annotators)
    boot = report.bootstrap
    lines = [
        f"Agreement of {names}: {plural(report.documents, 'document')} with finished work,"
        f" {plural(token.documents, 'document')} finished by at least two"
        f" ({plural(token.pairable_tokens, 'token')}), which the token figures rest on.",
        f"Tokens: {token.tagging}.",
        f"Spans: {span.pooling}.",
        f"Unitizing alpha: {unit.continuum}; {plural(unit.documents, 'document')},"
        f" {unit.length:,} code points, {plural(unit.units, 'unit')}{joined(unit.spans, unit.joined)}.",
    ]
    if boot:
        lines.append(
            f"[low, high]: {boot.interval} interval over {number(boot.resamples)} resamples of the"
            f" documents (seed {boot.seed})."
        )
    lines += [
        "",
        f"Unitizing alpha (alpha_U): {with_ci(unit.alpha_u.value, unit.alpha_u.ci95)}",
        f"Krippendorff's alpha (tokens): {with_ci(token.krippendorff_alpha.value, token.krippendorff_alpha.ci95)}",
        f"Fleiss' kappa (tokens of documents all finished): "
        f"{with_ci(token.fleiss_kappa.value, token.fleiss_kappa.ci95)}",
        "",
    ]  # fmt: skip
    rel = {(r.a, r.b): r for r in report.relations}
    header = (
        f"{'pair':<24}{'docs':>6}{'kappa':>8}{'observed':>10}{'exact F1':>10}{'overlap F1':>12}"
        f"{'links exact':>13}{'links relaxed':>15}"
    )
    lines += [header, "-" * len(header)]
    for tok, sp in zip(token.pairs, span.pairs, strict=True):
        r = rel[(tok.a, tok.b)]
        lines.append(
            f"{tok.a + ' / ' + tok.b:<24}{number(sp.documents):>6}{num(tok.cohen_kappa.value):>8}"
            f"{num(tok.observed.value):>10}{num(sp.strict.f1):>10}{num(sp.loose.f1):>12}"
            f"{num(r.strict.f1):>13}{num(r.loose.f1):>15}"
        )
        if boot:
            lines.append(
                f"{'  95%':<24}{'':>6}{_cell(_range(tok.cohen_kappa.ci95), 18)}"
                f"{_cell(_range(sp.strict.ci95), 10)}"
                f"{_cell(_range(sp.loose.ci95), 12)}"
                f"{_cell(_range(r.strict.ci95), 13)}"
                f"{_cell(_range(r.loose.ci95), 15)}"
            )
    header = f"{'label':<16}{'alpha_U':>9}{'units':>7}{'token alpha':>13}{'exact F1':>10}{'overlap F1':>12}"
    lines += ["", header, "-" * len(header)]
    for label in report.labels:
        exact, overlap = span.per_label[label]
        u = unit.per_label[label]
        alpha = token.per_label[label].value
        lines.append(
            f"{label:<16}{num(u.alpha_u.value):>9}{number(u.units):>7}{num(alpha):>13}"
            f"{num(exact.f1):>10}{num(overlap.f1):>12}"
        )
    if unit.joined:
        lines.append("units: after joining nested or overlapping spans of a label ("
                     + ", ".join(f"{label} {number(u.joined)}" for label, u in unit.per_label.items() if u.joined)
                     + ")")  # fmt: skip
    if report.attributes:
        lines += [
            "",
            f"{'attribute (on exact matches)':<36}{'matched':>8}{'observed':>10}{'kappa':>8}",
        ]
        for attribute, rows in report.attributes.items():
            for row in rows:
                name = f"{row.a}/{row.b} {row.label}.{attribute}"
                lines.append(
                    f"{name:<36}{number(row.matched):>8}{num(row.observed.value):>10}"
                    f"{_cell(with_ci(row.cohen_kappa.value, row.cohen_kappa.ci95), 8)}"
                )
    docs = [d for d in report.per_document if d.alpha.value is not None][:worst]
    if docs:
        lines += ["", "Documents with the most disagreement (lowest alpha first):"]
        lines += [
            f"  {d.id:<30} alpha {num(d.alpha.value)}   mean exact F1 {num(d.mean_exact_f1)}"
            for d in docs
        ]
    lines += why_low(report)
    reasons = _undefined_reasons(report)
    if reasons:
        lines += ["", "— means undefined:"] + [f"  {k}: {v}" for k, v in reasons.items()]
    return "\n".join(lines)


def joined(spans: int, n: int) -> str:
    """`` from 3 spans: 1 nested in or overlapping another of its label, joined`` (or nothing)."""
    if not n:
        return ""
    return (f" from {plural(spans, 'span')}: {plural(n, 'span')} nested in or overlapping another"
            " of its label (same annotator) joined into one unit, as alpha_U needs")  # fmt: skip


def _cell(text: str, width: int) -> str:
    """``text`` right-aligned in ``width``, and never touching the cell before it."""
    return f"{text:>{width}}" if len(text) < width else f"  {text}"


def _range(ci: tuple[float, float] | None) -> str:
    return "" if ci is None else f"{num(ci[0])}–{num(ci[1])}"


def _side(name: str, span: SpanRef | None) -> str:
    if span is None:
        return f"{name}: (nothing)"
    return f"{name}: {span.label} {span.start}–{span.end} «{span.text}»"


def why_low(report: AgreementReport, documents: int = 3, spans: int = 6) -> list[str]:
    """Shares of boundary, label and missed disagreements, confused labels, worst documents."""
    dis = report.disagreement
    if not dis.total:
        return []
    shares = " · ".join(
        f"{kind.replace('_', ' ')} {number(n)} ({dis.share(kind) or 0.0:.0%})"
        for kind, n in dis.counts.items()
    )
    lines = [
        "",
        f"Why agreement is low: {plural(dis.total, 'disagreement')} over all pairs: {shares}.",
    ]
    if dis.confusion:
        lines.append(
            "Labels confused on overlapping spans: "
            + ", ".join(f"{c.labels[0]}/{c.labels[1]} {number(c.count)}" for c in dis.confusion[:6])
        )
    for doc in dis.worst_documents[:documents]:
        found = doc.disagreements
        lines.append(f"  {doc.id}: {plural(len(found), 'disagreement')}")
        for d in found[:spans]:
            lines.append(f"    {d.kind:<20}{_side(d.a, d.a_span)}  |  {_side(d.b, d.b_span)}")
        if len(found) > spans:
            lines.append(
                f"    ... {number(len(found) - spans)} more (agreement --json lists them all)"
            )
    return lines
