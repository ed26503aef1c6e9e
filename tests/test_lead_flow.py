"""The lead's commands from the README, end to end: assign, package, three annotators' work,
merge, progress, stats, agreement and its report, reading what each one says."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.model.document import DocumentRecord, Span
from annotator.model.edits import AddSpan
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_cli import run

WORDS = ["قال", "الوزير", "إن", "المحادثات", "مثمرة", "وإن", "الزيارة", "ناجحة"]
LABELS = ["event", "speaker", "claim", "claim", "stance", "claim", "event", "stance"]


def _work(package: Path, name: str, skip: int) -> None:
    """She marks every word but the ``skip``-th of each document and finishes them."""
    with Project.open(package) as p:
        for doc in p.documents():
            pos = 0
            for i, (word, label) in enumerate(zip(WORDS, LABELS, strict=True)):
                start = doc.text.index(word, pos)
                pos = start + len(word)
                if i != skip:
                    span = Span(start, pos, label, word, doc_id=doc.id)
                    p.apply(AddSpan(span), name)
            p.set_status(doc.id, name, "done")


def test_assign_package_merge_watch_and_report(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    with Project.create(db, default_schema()) as p:
        p.add_documents(
            [DocumentRecord(f"d{i}", "t", " ".join(WORDS) + f" {i}") for i in range(10)]
        )
        p.ensure_annotator("maha")  # the lead opened the window under her own name
    assigned = run("assign", str(db), "--annotators", "layla,omar,sara", "--overlap", "30%",
                   "--per-overlap", "2", "--seed", "7")  # fmt: skip
    assert assigned.returncode == 0 and "3 shared by 2 for agreement" in assigned.stdout
    packages = []
    for k, name in enumerate(["layla", "omar", "sara"]):
        out = tmp_path / f"{name}.db"
        made = run("package", str(db), "--annotator", name, "--out", str(out))
        assert made.returncode == 0 and f"Wrote {out}:" in made.stdout, made.stderr
        _work(out, name, skip=k)
        packages.append(str(out))
    merged = run("merge", str(db), *packages)
    assert merged.returncode == 0, merged.stderr
    assert merged.stdout.count("0 conflicts.") == 3 and "Traceback" not in merged.stderr
    with Project.open(db) as p:  # 10 documents, 3 of them by two: 13 layers came back
        assert sum(len(p.layer_names(d.id)) for d in p.documents()) == 13
    progress = json.loads(run("progress", str(db), "--json").stdout)
    assert sorted(progress["annotators"]) == ["layla", "omar", "sara"]  # not maha
    assert sum(a["done"] for a in progress["annotators"].values()) == 13
    stats = json.loads(run("stats", str(db), "--json").stdout)
    assert stats["not_started"]["documents"] == 0 and stats["annotators"] == ["layla", "omar", "sara"]  # fmt: skip
    table = run("agreement", str(db))
    assert table.returncode == 0, table.stderr
    # overlap by two of three: nothing is shared by all, and the table says what to run instead
    assert "share documents only in pairs" in table.stdout and "--annotators " in table.stdout
    hint = table.stdout.split("annotator agreement ")[-1].split(" (")[0]
    pair = run("agreement", *hint.split(), "--json")
    data = json.loads(pair.stdout)
    assert data["unitizing"]["alpha_u"] is not None and data["unitizing"]["documents"] >= 1
    report = tmp_path / "agreement.html"
    first = run("agreement", str(db), "--bootstrap", "50", "--seed", "7", "--report", str(report))
    assert first.returncode == 0 and report.exists()
    again = run("agreement", str(db), "--report", str(report))
    assert again.returncode == 2 and "an earlier report written there" in again.stderr
