"""Packages coming back, judged by their lineage: two packages of one annotator, her undo, and
counts that add up to the layers a merge read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from annotator.model.edits import DeleteSpan
from annotator.store import Project
from tests.helpers_merge import lead_project, mark, merge, package, texts
from tests.test_cli import run

COUNTS = ("layers_added", "layers_replaced", "identical", "older")


def _unmark(path: Path, ext_id: str, word: str, annotator: str = "layla") -> None:
    with Project.open(path) as p:
        doc = p.find_document(ext_id)
        (span,) = [s for s in p.spans(doc.id, annotator) if s.text == word]
        p.apply(DeleteSpan(span), annotator)


@pytest.fixture
def lead(tmp_path: Path) -> Path:
    return lead_project(tmp_path / "q6.db", 4)


@pytest.mark.parametrize("on_conflict", ["replace", "keep"])
def test_counts_add_up_to_the_layers_read(lead: Path, on_conflict: str) -> None:
    pkg = package(lead, "l.db")
    for i in range(4):
        mark(pkg, f"d{i}", "layla", "الوزير", "speaker")
    merge(lead, pkg)
    for i in range(3):  # she edits three; the lead edits the same three in the project
        mark(pkg, f"d{i}", "layla", "الزيارة", "event")
        mark(lead, f"d{i}", "layla", "ناجحة", "stance")
    twin = lead.with_name("twin.db")  # the same project, to read the sentence too
    shutil.copy(lead, twin)
    said = run("merge", str(twin), str(pkg), "--on-conflict", on_conflict).stdout
    assert "3 conflicts." in said and "0 replaced by a newer version" in said
    got = merge(lead, pkg, on_conflict)
    conflicts = got["conflicts"]
    assert isinstance(conflicts, list) and len(conflicts) == 3
    assert [got[k] for k in COUNTS] == [0, 0, 1, 0]
    assert sum(int(got[k]) for k in COUNTS) + len(conflicts) == 4  # type: ignore[call-overload]


def test_a_second_package_of_her_documents_conflicts_instead_of_overwriting(lead: Path) -> None:
    first, second = package(lead, "l6a.db"), package(lead, "l6b.db")  # from the same state
    mark(first, "d0", "layla", "الوزير", "speaker")
    mark(second, "d0", "layla", "الزيارة", "event")
    assert merge(lead, first)["layers_added"] == 1
    refused = run("merge", str(lead), str(second))
    assert refused.returncode == 2 and "'layla' from l6b.db in 1 document (d0)" in refused.stderr
    assert texts(lead, "d0", "layla") == ["الوزير"]  # l6a's work is still there
    kept = merge(lead, second, "keep")
    assert (kept["layers_replaced"], len(kept["conflicts"])) == (0, 1)  # type: ignore[arg-type]
    assert texts(lead, "d0", "layla") == ["الوزير"]
    mark(
        first, "d0", "layla", "المحادثات", "claim"
    )  # l6a goes on: the project is still what it sent
    assert merge(lead, first)["layers_replaced"] == 1
    assert texts(lead, "d0", "layla") == ["المحادثات", "الوزير"]


def test_her_undo_replaces_the_version_merged_before(lead: Path) -> None:
    pkg = package(lead, "l.db")
    mark(pkg, "d0", "layla", "الوزير", "speaker")  # A
    merge(lead, pkg)
    _unmark(pkg, "d0", "الوزير")
    mark(pkg, "d0", "layla", "الزيارة", "event")  # B
    assert merge(lead, pkg)["layers_replaced"] == 1
    _unmark(pkg, "d0", "الزيارة")
    mark(pkg, "d0", "layla", "الوزير", "speaker")  # A again: her newest version
    third = merge(lead, pkg)
    assert (third["layers_replaced"], third["older"], third["conflicts"]) == (1, 0, [])
    assert texts(lead, "d0", "layla") == ["الوزير"]
    again = merge(lead, pkg)
    assert (again["identical"], again["older"], again["layers_replaced"]) == (1, 0, 0)
