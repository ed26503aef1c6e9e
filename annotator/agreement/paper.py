"""The agreement report for a paper or the team: HTML (tables and bar charts), Markdown, LaTeX.

The figures are laid out once as ``Table`` records; each format only renders them. Every format
opens with a methods paragraph saying what was measured on how many documents.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from annotator import __version__
from annotator.agreement.records import AgreementReport, SpanRef
from annotator.text.plural import form, number, plural


@dataclass(frozen=True)
class Table:
    """A titled table of text cells (numbers already formatted)."""

    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Bar:
    """One bar of a chart: a figure in [-1, 1] and its interval, when there is one."""

    name: str
    value: float | None
    ci: tuple[float, float] | None


def _num(value: Any) -> str:
    return "—" if value is None else f"{value:.3f}"


def _ci(ci: Any) -> str:
    return "" if not ci else f"[{ci[0]:.3f}, {ci[1]:.3f}]"


def _names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def methods(report: AgreementReport) -> str:
    """A short methods paragraph: what was measured, how, and on how many documents."""
    tok, unit = report.token, report.unitizing
    docs_per_pair = ", ".join(f"{p.a}/{p.b} {number(p.documents)}" for p in report.span.pairs)
    joined = (
        f" ({plural(unit.spans, 'span')}; {plural(unit.joined, 'span')} nested in or overlapping "
        f"another of the same label by the same annotator {form(unit.joined, 'was', 'were')} joined "
        f"to it, as alpha_U needs the units of one annotator and label not to overlap)"
        if unit.joined
        else ""
    )
    text = (
        f"Agreement was measured between {_names(report.annotators)}. Of the "
        f"{plural(report.documents, 'document')} at least one of them marked done, "
        f"{number(tok.documents)} {form(tok.documents, 'was', 'were')} finished by at least two "
        f"({plural(tok.pairable_tokens, 'token')}); the figures rest on those, as only documents "
        f"an annotator marked done count for that annotator. Documents finished by both "
        f"annotators of each pair: {docs_per_pair or 'none'}. "
        f"Krippendorff's unitizing alpha (alpha_U; Krippendorff 2004) was computed over the code "
        f"points of the {plural(unit.documents, 'document')} finished by every annotator "
        f"({unit.length:,} code points, {plural(unit.units, 'unit')}{joined}), each label on its own "
        f"continuum, gaps ending at document ends, and overall as 1 - mean D_o / mean D_e over "
        f"labels (as DKPro Agreement computes it). Over tokens of an Arabic-aware word tokenizer "
        f"(each token's value the set of labels covering it), we report nominal Krippendorff's "
        f"alpha, Fleiss' kappa (documents finished by all) and Cohen's kappa per pair. Span F1 "
        f"counts exact matches (same start, end and label) and one-to-one overlap matches (same "
        f"label, largest overlap first), pooled over documents. Attribute agreement is Cohen's "
        f"kappa on exactly matched spans; relation F1 counts a relation when its label matches and "
        f"its head and child spans match exactly (exact) or by overlap (relaxed)."
    )
    boot = report.bootstrap
    if boot:
        text += (
            f" Intervals are 95% percentile bootstrap intervals over {boot.resamples:,} "
            f"resamples of the documents (seed {boot.seed})."
        )
    return text


def tables(report: AgreementReport) -> list[Table]:
    """Every table of the report, in reading order."""
    tok, unit, span = report.token, report.unitizing, report.span
    out = [
        Table(
            "Headline figures",
            ("figure", "value", "95% interval", "documents", "units"),
            (
                (
                    "unitizing alpha (alpha_U)",
                    _num(unit.alpha_u.value),
                    _ci(unit.alpha_u.ci95),
                    number(unit.documents),
                    plural(unit.units, "unit")
                    + (f" ({plural(unit.joined, 'nested span')} joined)" if unit.joined else ""),
                ),
                (
                    "Krippendorff's alpha (tokens)",
                    _num(tok.krippendorff_alpha.value),
                    _ci(tok.krippendorff_alpha.ci95),
                    number(tok.documents),
                    plural(tok.pairable_tokens, "token"),
                ),
                (
                    "Fleiss' kappa (tokens)",
                    _num(tok.fleiss_kappa.value),
                    _ci(tok.fleiss_kappa.ci95),
                    number(unit.documents),
                    plural(tok.fleiss_tokens, "token"),
                ),
            ),
        )
    ]
    if not report.bootstrap:  # no intervals were asked for: no empty column
        head = out[0]
        out[0] = Table(head.title, head.header[:2] + head.header[3:],
                       tuple(r[:2] + r[3:] for r in head.rows))  # fmt: skip
    rel = {(r.a, r.b): r for r in report.relations}
    out.append(Table(
        "Pairs",
        ("pair", "documents", "token kappa", "span F1 exact", "span F1 overlap",
         "relation F1 exact", "relation F1 relaxed"),
        tuple(
            (f"{t.a} / {t.b}", number(s.documents),
             f"{_num(t.cohen_kappa.value)} {_ci(t.cohen_kappa.ci95)}".strip(),
             f"{_num(s.strict.f1)} {_ci(s.strict.ci95)}".strip(),
             f"{_num(s.loose.f1)} {_ci(s.loose.ci95)}".strip(),
             f"{_num(r.strict.f1)} {_ci(r.strict.ci95)}".strip(),
             f"{_num(r.loose.f1)} {_ci(r.loose.ci95)}".strip())
            for t, s in zip(tok.pairs, span.pairs, strict=True)
            for r in [rel[(t.a, t.b)]]
        ),
    ))  # fmt: skip
    out.append(Table(
        "Labels",
        ("label", "alpha_U", "units", "token alpha", "span F1 exact", "span F1 overlap"),
        tuple(
            (label, f"{_num(u.alpha_u.value)} {_ci(u.alpha_u.ci95)}".strip(),
             number(u.units) + (f" ({number(u.joined)} joined)" if u.joined else ""),
             _num(tok.per_label[label].value),
             _num(span.per_label[label][0].f1), _num(span.per_label[label][1].f1))
            for label in report.labels
            for u in [unit.per_label[label]]
        ),
    ))  # fmt: skip
    attrs = tuple(
        (f"{row.label}.{attribute}", f"{row.a} / {row.b}", number(row.matched),
         _num(row.observed.value), f"{_num(row.cohen_kappa.value)} {_ci(row.cohen_kappa.ci95)}".strip())
        for attribute, rows in report.attributes.items()
        for row in rows
    )  # fmt: skip
    if attrs:
        out.append(Table("Attributes on exactly matched spans",
                         ("attribute", "pair", "matched spans", "observed", "Cohen's kappa"), attrs))  # fmt: skip
    dis = report.disagreement
    if dis.total:
        out.append(Table(
            "Disagreements (all pairs)", ("kind", "count", "share"),
            tuple((k.replace("_", " "), number(n), f"{dis.share(k) or 0.0:.0%}") for k, n in dis.counts.items()),
        ))  # fmt: skip
        if dis.confusion:
            out.append(Table(
                "Labels confused on overlapping spans", ("labels", "count"),
                tuple((" / ".join(c.labels), number(c.count)) for c in dis.confusion),
            ))  # fmt: skip
    return out


def bars(report: AgreementReport) -> list[tuple[str, list[Bar]]]:
    """The charts of the HTML report: alpha_U per label, span and relation F1 per pair."""

    unit = report.unitizing
    charts = [("Unitizing alpha per label", [Bar(label, v.alpha_u.value, v.alpha_u.ci95)
                                             for label, v in unit.per_label.items()])]  # fmt: skip
    charts.append(("Span F1 (exact) per pair", [
        Bar(f"{p.a} / {p.b}", p.strict.f1, p.strict.ci95) for p in report.span.pairs]))  # fmt: skip
    charts.append(("Relation F1 (relaxed) per pair", [
        Bar(f"{p.a} / {p.b}", p.loose.f1, p.loose.ci95) for p in report.relations]))  # fmt: skip
    return charts


# ----------------------------------------------------------------------------------- formats

TITLE = "Inter-annotator agreement"


def markdown(report: AgreementReport) -> str:
    """Markdown: the methods paragraph and every table, names and labels as plain text."""
    lines = [f"# {TITLE}", "", _md(methods(report)), ""]
    for t in tables(report):
        cells = [t.header, *t.rows]
        lines += [f"## {t.title}", "", "| " + " | ".join(_md(c) for c in t.header) + " |",
                  "|" + "|".join("---" for _ in t.header) + "|"]  # fmt: skip
        lines += ["| " + " | ".join(_md(c) for c in row) + " |" for row in cells[1:]]
        lines.append("")
    lines.append(f"<!-- written by annotator {__version__} -->")
    return "\n".join(lines) + "\n"


# HTML's three as entities (no tag or entity of a name reaches the reader), Markdown's own
# punctuation that can make markup inside a line (emphasis, code, links, math, tables) escaped
_MD = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\n": " "} | {ch: "\\" + ch for ch in "\\`*_[]#|$~^"}


def _md(text: str) -> str:
    """Text as Markdown shows it literally (an annotator's name is never markup)."""
    return "".join(_MD.get(ch, ch) for ch in text)


_TEX = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
        "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
        "<": r"\textless{}", ">": r"\textgreater{}", "|": r"\textbar{}"}  # fmt: skip
_ARABIC = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+"
    "(?:\\s+[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]+)*"
)
TEX_PREAMBLE = r"""% Paste into a LaTeX document. Arabic text (names, labels) is wrapped in \textarabic{...},
% which both of these define (without Arabic in the report, nothing is needed):
%   XeLaTeX or LuaLaTeX: \usepackage{polyglossia} \setmainlanguage{english}
%     \setotherlanguage{arabic} \newfontfamily\arabicfont[Script=Arabic]{Amiri}
%   pdfLaTeX (the arabi package): \usepackage[LAE,T1]{fontenc} \usepackage[arabic,english]{babel}"""


def _tex(cell: str) -> str:
    """Text as LaTeX typesets it literally: specials escaped, Arabic runs in \\textarabic."""
    escaped = "".join(_TEX.get(ch, ch) for ch in cell)
    return _ARABIC.sub(lambda m: f"\\textarabic{{{m.group(0)}}}", escaped)


def latex(report: AgreementReport) -> str:
    """LaTeX: the methods paragraph and one tabular per table (paste into a paper)."""
    lines = [f"% written by annotator {__version__}", TEX_PREAMBLE, f"\\section*{{{TITLE}}}", "",
             _tex(methods(report)), ""]  # fmt: skip
    for t in tables(report):
        lines += ["\\begin{table}[ht]", "\\centering", f"\\caption{{{_tex(t.title)}}}",
                  "\\begin{tabular}{l" + "r" * (len(t.header) - 1) + "}", "\\hline",
                  " & ".join(_tex(c) for c in t.header) + " \\\\", "\\hline"]  # fmt: skip
        lines += [" & ".join(_tex(c) for c in row) + " \\\\" for row in t.rows]
        lines += ["\\hline", "\\end{tabular}", "\\end{table}", ""]
    return "\n".join(lines)


def _svg(title: str, chart: Sequence[Bar]) -> str:
    """A horizontal bar chart from -1 to 1 with interval whiskers (no JavaScript, no Qt)."""
    row, left, width = 26, 150, 360
    height = row * len(chart) + 40

    def x(v: float) -> float:
        return left + (max(-1.0, min(1.0, v)) + 1.0) / 2.0 * width

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{left + width + 70}" '
             f'height="{height}" font-family="sans-serif" font-size="12">',
             f"<title>{html.escape(title)}</title>",
             f'<line x1="{x(0)}" y1="10" x2="{x(0)}" y2="{height - 20}" stroke="#888"/>',
             f'<text x="{x(-1)}" y="{height - 5}">-1</text><text x="{x(0) - 3}" y="{height - 5}">0</text>'
             f'<text x="{x(1) - 6}" y="{height - 5}">1</text>']  # fmt: skip
    for i, b in enumerate(chart):
        y = 14 + i * row
        parts.append(
            f'<text x="{left - 6}" y="{y + 12}" text-anchor="end">{html.escape(b.name)}</text>'
        )
        if b.value is None:
            parts.append(f'<text x="{x(0) + 4}" y="{y + 12}" fill="#888">undefined</text>')
            continue
        x0, x1 = sorted((x(0), x(b.value)))
        parts.append(
            f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 1):.1f}" height="16" fill="#4a7fb5"/>'
        )
        if b.ci is not None:
            lo, hi = x(b.ci[0]), x(b.ci[1])
            parts.append(f'<line x1="{lo:.1f}" y1="{y + 8}" x2="{hi:.1f}" y2="{y + 8}" stroke="#222"/>'
                         f'<line x1="{lo:.1f}" y1="{y + 3}" x2="{lo:.1f}" y2="{y + 13}" stroke="#222"/>'
                         f'<line x1="{hi:.1f}" y1="{y + 3}" x2="{hi:.1f}" y2="{y + 13}" stroke="#222"/>')  # fmt: skip
        parts.append(f'<text x="{left + width + 6}" y="{y + 12}">{b.value:.3f}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def html_page(report: AgreementReport) -> str:
    """A self-contained HTML page: methods, tables, bar charts, the worst documents' spans."""
    out = ["<!DOCTYPE html>", f"<!-- written by annotator {__version__} -->",
           '<html lang="en"><head><meta charset="utf-8">', f"<title>{TITLE}</title>",
           "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4}"
           "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:.2em .6em}"
           "td{text-align:right}td:first-child{text-align:left}</style></head><body>",
           f"<h1>{TITLE}</h1>", f"<p>{html.escape(methods(report))}</p>"]  # fmt: skip
    for t in tables(report):
        out += [f"<h2>{html.escape(t.title)}</h2>", "<table><tr>"
                + "".join(f"<th>{html.escape(c)}</th>" for c in t.header) + "</tr>"]  # fmt: skip
        out += ["<tr>" + "".join(f"<td><bdi>{html.escape(c)}</bdi></td>" for c in row) + "</tr>"
                for row in t.rows]  # fmt: skip
        out.append("</table>")
    for title, chart in bars(report):
        if chart:
            out += [f"<h2>{html.escape(title)}</h2>", _svg(title, chart)]
    worst = report.disagreement.worst_documents
    if worst:
        out.append("<h2>Documents with the most disagreement: disagreeing spans side by side</h2>")
        for doc in worst:
            out += [f"<h3><bdi>{html.escape(doc.id)}</bdi></h3>",
                    "<table><tr><th>kind</th><th>first</th><th>second</th></tr>"]  # fmt: skip
            out += ["<tr>" + f"<td>{html.escape(d.kind.replace('_', ' '))}</td>"
                    + _side(d.a, d.a_span) + _side(d.b, d.b_span) + "</tr>"
                    for d in doc.disagreements]  # fmt: skip
            out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _side(name: str, span: SpanRef | None) -> str:
    if span is None:
        return f"<td><bdi>{html.escape(name)}</bdi>: —</td>"
    return (f"<td><bdi>{html.escape(name)}</bdi>: {html.escape(span.label)} "
            f"{span.start}–{span.end} <bdi dir=\"auto\">{html.escape(span.text)}</bdi></td>")  # fmt: skip


FORMATS: dict[str, Callable[[AgreementReport], str]] = {
    ".html": html_page,
    ".htm": html_page,
    ".md": markdown,
    ".tex": latex,
}
