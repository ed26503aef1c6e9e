"""Merging annotators' copies: new layers copied, twice adds nothing, conflicts reported, schemas checked."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from annotator.errors import ProjectError
from annotator.jobs.merge import merge_projects
from annotator.model.document import DocumentRecord, Span
from annotator.model.edits import AddSpan
from annotator.model.schema import default_schema, parse_schema
from annotator.store import Project
from tests.test_cli import run

TEXT = "قال الوزير إن المحادثات مثمرة"


def _label(path: Path, annotator: str, word: str, label: str, done: bool = True) -> None:
    with Project.open(path) as p:
        doc = p.find_document("a")
        i = TEXT.index(word)
        p.apply(AddSpan(Span(i, i + len(word), label, word, doc_id=doc.id)), annotator)
        if done:
            p.set_status(doc.id, annotator, "done")


@pytest.fixture
def copies(tmp_path: Path) -> dict[str, Path]:
    lead = tmp_path / "lead.db"
    with Project.create(lead, default_schema()) as p:
        p.add_documents([DocumentRecord("a", "t", TEXT), DocumentRecord("b", "t", TEXT + " أيضا")])
    out = {"lead": lead}
    for name in ("layla", "omar"):
        out[name] = tmp_path / f"{name}.db"
        shutil.copy(lead, out[name])
    _label(out["layla"], "layla", "الوزير", "speaker")
    _label(out["omar"], "omar", "المحادثات مثمرة", "claim")
    return out


def test_merge_copies_layers_and_twice_adds_nothing(copies: dict[str, Path]) -> None:
    with Project.open(copies["lead"]) as lead:
        first = merge_projects(lead, [copies["layla"], copies["omar"]])
        assert [r.layers_added for r in first.values()] == [1, 1]
        doc = lead.find_document("a")
        assert [s.text for s in lead.spans(doc.id, "layla")] == ["الوزير"]
        assert lead.status(doc.id, "omar") == "done"
        again = merge_projects(lead, [copies["layla"], copies["omar"]])
        assert [(r.layers_added, r.identical, r.documents_added) for r in again.values()] == [
            (0, 1, 0),
            (0, 1, 0),
        ]
        assert len(lead.spans(doc.id, "layla")) == 1


def test_conflicting_edits_are_reported_not_overwritten(copies: dict[str, Path]) -> None:
    with Project.open(copies["lead"]) as lead:
        merge_projects(lead, [copies["layla"]])
    _label(copies["layla"], "layla", "قال", "event")  # layla keeps working in her copy
    _label(copies["lead"], "layla", "مثمرة", "stance")  # and someone edited her layer in the lead's
    refused = run("merge", str(copies["lead"]), str(copies["layla"]))  # by default: nothing
    assert refused.returncode == 2 and "'layla' from layla.db in 1 document (a)" in refused.stderr
    result = run("merge", str(copies["lead"]), str(copies["layla"]), "--on-conflict", "keep")
    assert (
        result.returncode == 0
        and "1 conflict." in result.stdout
        and "conflict: layla on a" in result.stdout
    )
    with Project.open(copies["lead"]) as lead:
        doc = lead.find_document("a")
        assert sorted(s.text for s in lead.spans(doc.id, "layla")) == ["الوزير", "مثمرة"]


def test_new_documents_come_along(copies: dict[str, Path], tmp_path: Path) -> None:
    with Project.open(copies["omar"]) as p:
        p.add_documents([DocumentRecord("c", "t", "نص جديد تماما")])
    data = json.loads(run("merge", str(copies["lead"]), str(copies["omar"]), "--json").stdout)
    assert data[str(copies["omar"])]["documents_added"] == 1
    with Project.open(copies["lead"]) as lead:
        assert lead.document_count() == 3


def without_neutral() -> str:
    """The default schema with one attribute value (and its Arabic name) removed."""
    return (
        default_schema()
        .source.replace(
            'values = ["support", "oppose", "neutral"]', 'values = ["support", "oppose"]'
        )
        .replace(', neutral = "حياد"', "")
    )


def test_schema_mismatch_is_refused_with_the_difference(
    copies: dict[str, Path], tmp_path: Path
) -> None:
    source = without_neutral()
    other = tmp_path / "other.db"
    Project.create(other, parse_schema(source)).close()
    with (
        Project.open(copies["lead"]) as lead,
        pytest.raises(ProjectError, match="label 'stance' has attributes"),
    ):
        merge_projects(lead, [other])
    result = run("merge", str(copies["lead"]), str(other))
    assert result.returncode != 0 and "different label schema" in result.stderr


@pytest.mark.parametrize("bad", ["empty", "foreign", "newer", "schema", "missing", "lead"])
def test_a_bad_copy_stops_the_merge_before_anything_is_written(
    copies: dict[str, Path], tmp_path: Path, bad: str
) -> None:
    import sqlite3

    from annotator.store.identity import schema_version

    broken = tmp_path / f"{bad}.db"
    if bad == "empty":
        broken.write_bytes(b"")
    elif bad == "foreign":
        sqlite3.connect(broken).execute("CREATE TABLE x (a)").connection.commit()
    elif bad == "newer":
        shutil.copy(copies["omar"], broken)
        con = sqlite3.connect(broken)
        con.execute(f"PRAGMA user_version = {schema_version() + 1}")
        con.commit()
        con.close()
    elif bad == "schema":
        Project.create(broken, parse_schema(without_neutral())).close()
    elif bad == "lead":
        broken = copies["lead"]
    result = run("merge", str(copies["lead"]), str(copies["layla"]), str(broken))
    usage = bad == "lead"  # naming the project as its own copy is a usage mistake
    assert result.returncode == (2 if usage else 3), result.stdout + result.stderr
    assert broken.name in result.stderr and "Traceback" not in result.stderr
    with Project.open(copies["lead"]) as lead:
        assert lead.annotators() == []  # layla's copy, named first, was not merged either


def test_a_failure_while_writing_undoes_the_whole_merge(
    copies: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    real = Project.add_documents

    def failing_second(self: Project, *args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise ProjectError("the disk is full")
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Project, "add_documents", failing_second)
    with Project.open(copies["lead"]) as lead:
        with pytest.raises(ProjectError, match="disk is full"):
            merge_projects(lead, [copies["layla"], copies["omar"]])
        assert lead.annotators() == []
        assert not lead.db.conn.in_transaction
