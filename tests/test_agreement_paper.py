"""`agreement --report`: a report for a paper or the team, and the paths it may not write."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest

from annotator.agreement.paper import latex, markdown
from annotator.agreement.report import DocInput, agreement_report
from annotator.model.document import Layer, Relation, Span
from tests.test_agreement_report import _three_annotator_project
from tests.test_cli import run

TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة"


def sp(word: str, label: str, sid: str, **attrs: str) -> Span:
    i = TEXT.index(word)
    return Span(i, i + len(word), label, word, dict(attrs), sid)


def _report(**kw: int) -> dict[str, object]:
    rel = [Relation("c", "s", "attributed_to", "r1")]
    layers = {
        "la_yla & <b>": Layer("la_yla & <b>", "done",
                              [sp("الوزير", "speaker", "s", kind="person"), sp("المحادثات مثمرة", "claim", "c"),
                               sp("الزيارة", "event", "e")], rel),
        "omar": Layer("omar", "done",
                      [sp("الوزير", "speaker", "s", kind="state"), sp("المحادثات", "claim", "c"),
                       sp("الزيارة", "claim", "e")], rel),
    }  # fmt: skip
    docs = [DocInput(f"d{i}", TEXT, layers) for i in range(3)]
    return agreement_report(docs, list(layers), **kw)


def test_markdown_and_latex_have_the_methods_and_every_table() -> None:
    report = _report(bootstrap=30, seed=2)
    md = markdown(report)
    assert "Of the 3 documents" in md and "3 were finished by at least two" in md
    assert "30 resamples" in md and "DKPro" in md
    for title in ("Headline figures", "Pairs", "Labels", "Attributes on exactly matched spans",
                  "Disagreements (all pairs)", "Labels confused"):  # fmt: skip
        assert f"## {title}" in md, title
    assert r"| unitizing alpha (alpha\_U) |" in md and "95% interval" in md
    tex = latex(report)
    assert r"la\_yla \& \textless{}b\textgreater{} / omar" in tex and r"\begin{tabular}" in tex
    assert tex.count(r"\begin{table}") == tex.count(r"\end{table}") >= 5
    plain = markdown(_report())
    assert "95% interval" not in plain and "resamples" not in plain  # no empty interval column


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_cli_writes_each_format_and_never_a_users_file(tmp_path: Path) -> None:
    db = _three_annotator_project(tmp_path)
    folder = tmp_path / "تقارير #1 ?%"
    html_out, md_out = folder / "agreement report.html", folder / "agreement report.md"
    done = run("agreement", str(db), "--report", str(html_out), "--bootstrap", "40")
    assert done.returncode == 0 and f"Wrote the report to {html_out}" in done.stdout
    page = html_out.read_text("utf-8")
    parser = _Tags()
    parser.feed(page)
    assert parser.tags.count("svg") == 3 and "table" in parser.tags and "<b>" not in page
    assert "الزيارة" in page  # the worst document's disagreeing span, side by side
    manifest = json.loads((folder / "agreement report.html.manifest.json").read_text("utf-8"))
    assert manifest["written"] == ["agreement report.html"] and manifest["documents"] == 2
    # a Markdown report beside it, then the same path again
    assert run("agreement", str(db), "--report", str(md_out)).returncode == 0
    again = run("agreement", str(db), "--report", str(md_out))
    assert again.returncode == 2 and "already exists" in again.stderr and "--report" in again.stderr
    before = md_out.stat().st_mtime_ns
    assert run("agreement", str(db), "--report", str(md_out), "--force").returncode == 0
    assert (
        md_out.stat().st_mtime_ns >= before
        and "# Inter-annotator agreement" in md_out.read_text("utf-8")
    )
    # a file the user wrote is never replaced, --force or not
    mine = folder / "notes.tex"
    mine.write_text("my notes", "utf-8")
    for extra in ([], ["--force"]):
        refused = run("agreement", str(db), "--report", str(mine), *extra)
        assert refused.returncode == 2 and "Traceback" not in refused.stderr
        assert mine.read_text("utf-8") == "my notes"
    assert sorted(p.name for p in folder.iterdir()) == [
        "agreement report.html",
        "agreement report.html.manifest.json",
        "agreement report.md",
        "agreement report.md.manifest.json",
        "notes.tex",
    ]  # fmt: skip  (no hidden leftovers)


def test_report_paths_that_are_refused_before_anything_is_computed(tmp_path: Path) -> None:
    db = _three_annotator_project(tmp_path)
    wrong = run("agreement", str(db), "--report", str(tmp_path / "r.pdf"))
    assert wrong.returncode == 2 and ".html, .md or .tex" in wrong.stderr
    (tmp_path / "dir.md").mkdir()
    folder = run("agreement", str(db), "--report", str(tmp_path / "dir.md"), "--force")
    assert folder.returncode == 2 and "folder" in folder.stderr
    project = run("agreement", str(db), "--report", str(db), "--force")
    assert project.returncode == 2 and db.stat().st_size > 0
    under_file = run("agreement", str(db), "--report", str(tmp_path / "in.jsonl" / "r.md"))
    assert under_file.returncode != 0 and "Traceback" not in under_file.stderr
    assert (tmp_path / "in.jsonl").is_file()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_unwritable_folder_is_one_sentence(tmp_path: Path) -> None:
    db = _three_annotator_project(tmp_path)
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    result = run("agreement", str(db), "--report", str(locked / "r.md"))
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert list(locked.iterdir()) == []


def test_bad_choices_are_usage_errors(tmp_path: Path) -> None:
    db = _three_annotator_project(tmp_path)
    for args, words in ((["--labels", "nothing"], "unknown label 'nothing'"),
                        (["--annotators", "layla,nobody"], "no annotator 'nobody'"),
                        (["--annotators", "layla,layla"], "twice")):  # fmt: skip
        result = run("agreement", str(db), *args)
        assert result.returncode == 2 and words in result.stderr and not result.stdout
