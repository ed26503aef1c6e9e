"""--format spans-csv: one row per span for spreadsheets and pandas, nothing dropped silently."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from annotator.export.spanscsv import context
from annotator.jobs.export import export_dataset
from tests.test_export_formats import RELATIONS, SPANS, TEXT, _project


def test_one_row_per_span_with_context_and_relations_counted(tmp_path: Path) -> None:
    project = _project(tmp_path / "a")
    out = tmp_path / "spans #1.csv"
    manifest = export_dataset(project, "spans-csv", out, layer="all")
    assert manifest["not_exported"] == {
        "attributes": 0,
        "relations": len(RELATIONS),
        "statuses": 0,
        "meta": 0,
        "span_ids": 0,
        "relation_ids": 0,
    }
    assert out.read_bytes().startswith("\ufeff".encode())
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(SPANS)
    for row in rows:
        start, end = int(row["start"]), int(row["end"])
        assert TEXT[start:end] == row["text"] and row["annotator"] == "layla"
        assert row["document"] == "doc-1"
        before, after = context(TEXT, start, end)
        assert (row["before"], row["after"]) == (before, after)
    by_sid = {r["sid"]: r for r in rows}
    for span in SPANS:
        assert json.loads(by_sid[str(span["id"])]["attributes"]) == span["attributes"]
    project.close()


def test_pandas_reads_it(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    project = _project(tmp_path / "a")
    out = tmp_path / "spans.csv"
    export_dataset(project, "spans-csv", out, "layla")
    frame = pandas.read_csv(out)
    assert list(frame.columns)[:3] == ["document", "annotator", "sid"]
    assert sorted(frame["label"]) == sorted(str(s["label"]) for s in SPANS)
    project.close()


def test_context_stays_on_the_line() -> None:
    text = "سطر أول هنا\nقال الوزير إن المحادثات كانت مثمرة جدا اليوم في العاصمة\nسطر"
    i = text.index("الوزير")
    assert context(text, i, i + 6, 2) == ("قال", "إن المحادثات")


@pytest.mark.parametrize("saved_as", ["as exported", "re-saved with ';'"])
def test_importing_the_spans_table_is_refused_in_one_sentence(
    tmp_path: Path, saved_as: str
) -> None:
    project = _project(tmp_path / "a")
    out = tmp_path / "spans.csv"
    export_dataset(project, "spans-csv", out, layer="all")
    project.close()
    if saved_as != "as exported":  # a spreadsheet in an Arabic locale saves with ';'
        with out.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.reader(fh))
        with out.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh, delimiter=";").writerows(rows)
    target = tmp_path / "new.db"
    result = subprocess.run(
        [sys.executable, "-c", "from annotator.cli import main; main()", "import", str(target),
         str(out)], capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 2, result.stdout
    assert result.stderr.strip() == (
        f"annotator: {out}, line 1: this is a spans table exported by annotator; it has no article"
        " texts: import the jsonl export instead"
    )
    assert not target.exists()  # nothing half-written
