"""Packages coming back, judged by their lineage: two packages of one annotator, her undo, and
counts that add up to the layers a merge read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.jobs.package import package_for
from annotator.model.document import DocumentRecord, Span
from annotator.model.edits import AddSpan, DeleteSpan
from annotator.model.schema import default_schema
from annotator.store import Project
from tests.test_cli import run

TEXT = "قال الوزير إن المحادثات مثمرة وإن الزيارة ناجحة"
COUNTS = ("layers_added", "layers_replaced", "identical", "older")


def _mark(path: Path, ext_id: str, word: str, label: str, annotator: str = "layla") -> None:
    with Project.open(path) as p:
        doc = p.find_document(ext_id)
        i = doc.text.index(word)
        p.apply(AddSpan(Span(i, i + len(word), label, word, doc_id=doc.id)), annotator)
        p.set_status(doc.id, annotator, "done")


def _unmark(path: Path, ext_id: str, word: str, annotator: str = "layla") -> None:
    with Project.open(path) as p:
        doc = p.find_document(ext_id)
        (span,) = [s for s in p.spans(doc.id, annotator) if s.text == word]
        p.apply(DeleteSpan(span), annotator)


def _texts(path: Path, ext_id: str, annotator: str = "layla") -> list[str]:
    with Project.open(path) as p:
        return sorted(s.text for s in p.spans(p.find_document(ext_id).id, annotator))


def _package(lead: Path, out: str, name: str = "layla") -> Path:
    pkg = lead.with_name(out)
    with Project.open(lead) as p:
        package_for(p, name, pkg)
    return pkg


def _merge(lead: Path, pkg: Path, on_conflict: str = "fail") -> dict[str, object]:
    got = run("merge", str(lead), str(pkg), "--on-conflict", on_conflict, "--json")
    assert got.returncode == 0, got.stderr
    data: dict[str, object] = json.loads(got.stdout)[str(pkg)]
    return data


@pytest.fixture
def lead(tmp_path: Path) -> Path:
    db = tmp_path / "q6.db"
    with Project.create(db, default_schema()) as p:
        p.add_documents([DocumentRecord(f"d{i}", "t", f"{TEXT} {i}") for i in range(4)])
        p.assign(["layla"], 0.0, 0, 1)
    return db


@pytest.mark.parametrize("on_conflict", ["replace", "keep"])
def test_counts_add_up_to_the_layers_read(lead: Path, on_conflict: str) -> None:
    pkg = _package(lead, "l.db")
    for i in range(4):
        _mark(pkg, f"d{i}", "الوزير", "speaker")
    _merge(lead, pkg)
    for i in range(3):  # she edits three; the lead edits the same three in the project
        _mark(pkg, f"d{i}", "الزيارة", "event")
        _mark(lead, f"d{i}", "ناجحة", "stance")
    twin = lead.with_name("twin.db")  # the same project, to read the sentence too
    shutil.copy(lead, twin)
    said = run("merge", str(twin), str(pkg), "--on-conflict", on_conflict).stdout
    assert "3 conflicts." in said and "0 replaced by a newer version" in said
    got = _merge(lead, pkg, on_conflict)
    conflicts = got["conflicts"]
    assert isinstance(conflicts, list) and len(conflicts) == 3
    assert [got[k] for k in COUNTS] == [0, 0, 1, 0]
    assert sum(int(got[k]) for k in COUNTS) + len(conflicts) == 4  # type: ignore[call-overload]


def test_a_second_package_of_her_documents_conflicts_instead_of_overwriting(lead: Path) -> None:
    first, second = _package(lead, "l6a.db"), _package(lead, "l6b.db")  # from the same state
    _mark(first, "d0", "الوزير", "speaker")
    _mark(second, "d0", "الزيارة", "event")
    assert _merge(lead, first)["layers_added"] == 1
    refused = run("merge", str(lead), str(second))
    assert refused.returncode == 2 and "'layla' from l6b.db in 1 document (d0)" in refused.stderr
    assert _texts(lead, "d0") == ["الوزير"]  # l6a's work is still there
    kept = _merge(lead, second, "keep")
    assert (kept["layers_replaced"], len(kept["conflicts"])) == (0, 1)  # type: ignore[arg-type]
    assert _texts(lead, "d0") == ["الوزير"]
    _mark(first, "d0", "المحادثات", "claim")  # l6a goes on: the project is still what it sent
    assert _merge(lead, first)["layers_replaced"] == 1
    assert _texts(lead, "d0") == ["المحادثات", "الوزير"]


def test_her_undo_replaces_the_version_merged_before(lead: Path) -> None:
    pkg = _package(lead, "l.db")
    _mark(pkg, "d0", "الوزير", "speaker")  # A
    _merge(lead, pkg)
    _unmark(pkg, "d0", "الوزير")
    _mark(pkg, "d0", "الزيارة", "event")  # B
    assert _merge(lead, pkg)["layers_replaced"] == 1
    _unmark(pkg, "d0", "الزيارة")
    _mark(pkg, "d0", "الوزير", "speaker")  # A again: her newest version
    third = _merge(lead, pkg)
    assert (third["layers_replaced"], third["older"], third["conflicts"]) == (1, 0, [])
    assert _texts(lead, "d0") == ["الوزير"]
    again = _merge(lead, pkg)
    assert (again["identical"], again["older"], again["layers_replaced"]) == (1, 0, 0)
