"""The agreement report as a table a lead can read in a terminal."""

from __future__ import annotations

from typing import Any


def _num(value: Any) -> str:
    return "—" if value is None else f"{value:.3f}"


def render(report: dict[str, Any], worst: int = 5) -> str:
    """Pairs, labels and the documents with the most disagreement, with reasons for every '—'."""
    token, span = report["token"], report["span"]
    names = ", ".join(report["annotators"])
    lines = [
        f"Agreement of {names} on {report['documents']} document(s) with finished work.",
        f"Tokens: {token['tagging']}.",
        f"Spans: {span['pooling']}.",
        "",
        f"Krippendorff's alpha (tokens): {_num(token['krippendorff_alpha'])}    "
        f"Fleiss' kappa (documents all finished): {_num(token['fleiss_kappa'])}",
        "",
    ]
    rel = {(r["a"], r["b"]): r for r in report["relations"]}
    header = f"{'pair':<28}{'tokens':>8}{'kappa':>8}{'observed':>10}{'exact F1':>10}{'overlap F1':>12}{'links F1':>10}"
    lines += [header, "-" * len(header)]
    for tok, sp in zip(token["pairs"], span["pairs"], strict=True):
        pair = f"{tok['a']} / {tok['b']}"
        lines.append(
            f"{pair:<28}{tok['tokens']:>8}{_num(tok['cohen_kappa']):>8}{_num(tok['observed']):>10}"
            f"{_num(sp['exact']['f1']):>10}{_num(sp['overlap']['f1']):>12}"
            f"{_num(rel[(tok['a'], tok['b'])]['f1']):>10}"
        )
    lines += ["", f"{'label':<16}{'alpha':>8}{'exact F1':>10}{'overlap F1':>12}", "-" * 46]
    for label in report["labels"]:
        per = span["per_label"][label]
        alpha = token["per_label"][label]["krippendorff_alpha"]
        lines.append(
            f"{label:<16}{_num(alpha):>8}{_num(per['exact']['f1']):>10}{_num(per['overlap']['f1']):>12}"
        )
    if report["attributes"]:
        lines += [
            "",
            f"{'attribute (on exact matches)':<36}{'matched':>8}{'observed':>10}{'kappa':>8}",
        ]
        for row in report["attributes"]:
            name = f"{row['a']}/{row['b']} {row['label']}.{row['attribute']}"
            lines.append(
                f"{name:<36}{row['matched']:>8}{_num(row['observed']):>10}{_num(row['cohen_kappa']):>8}"
            )
    docs = [d for d in report["per_document"] if d["alpha"] is not None][:worst]
    if docs:
        lines += ["", "Documents with the most disagreement (lowest alpha first):"]
        lines += [
            f"  {d['id']:<30} alpha {_num(d['alpha'])}   mean exact F1 {_num(d['mean_exact_f1'])}"
            for d in docs
        ]
    reasons = dict(token.get("undefined", {}))
    for row in token["pairs"]:
        reasons.update(
            {f"{row['a']}/{row['b']} {k}": v for k, v in row.get("undefined", {}).items()}
        )
    if reasons:
        lines += ["", "— means undefined:"] + [f"  {k}: {v}" for k, v in reasons.items()]
    return "\n".join(lines)
