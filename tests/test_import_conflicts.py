"""Importing a layer an annotator already has (SPEC section 4): fail by default, replace or keep;
identical content is counted as identical, and the summary says which number is which."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.store import Project
from annotator.store.base import ImportReport, OnConflict
from tests.conftest import ARTICLE
from tests.test_cli import run

SECOND = "وأضاف المتحدث أن الاجتماع المقبل سيعقد في القاهرة."


def _line(doc: str, text: str, words: list[tuple[str, str]], who: str = "layla") -> str:
    spans = [
        {"start": text.index(w), "end": text.index(w) + len(w), "label": lab} for w, lab in words
    ]
    obj = {"id": doc, "text": text, "annotator": who, "status": "done", "spans": spans}
    return json.dumps(obj, ensure_ascii=False)


def _file(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _import(
    project: Project, path: Path, on_conflict: OnConflict = OnConflict.FAIL
) -> ImportReport:
    options = ImportOptions(label_ids=project.schema.label_ids)
    return project.add_documents(read_inputs([path], options), on_conflict=on_conflict)


@pytest.fixture
def first(tmp_path: Path, project: Project) -> Project:
    original = _file(tmp_path / "first.jsonl", _line("d1", ARTICLE, [("وزير الخارجية", "speaker")]))
    report = _import(project, original)
    assert (report.documents_added, report.layers_added, report.spans) == (1, 1, 1)
    return project


def _spans(project: Project) -> list[tuple[str, str]]:
    doc = project.find_document("d1")
    return [(s.text, s.label) for s in project.spans(doc.id, "layla")]


def test_a_differing_layer_is_refused_by_default_naming_annotator_and_document(
    tmp_path: Path, first: Project
) -> None:
    corrected = _file(
        tmp_path / "corrected.jsonl",
        _line("new", SECOND, [("المتحدث", "speaker")]),
        _line("d1", ARTICLE, [("وزير", "speaker")]),
    )
    with pytest.raises(
        InputError,
        match=r"corrected\.jsonl, line 2: .*'layla' in 1 document \(d1\).*nothing was imported.*--on-conflict",
    ) as err:
        _import(first, corrected)
    assert "\n" not in str(err.value)
    assert first.document_count() == 1  # the new document of the same file was not added either
    assert _spans(first) == [("وزير الخارجية", "speaker")]


def test_identical_content_is_counted_as_identical_not_as_a_duplicate_document(
    tmp_path: Path, first: Project
) -> None:
    again = _file(tmp_path / "again.jsonl", _line("d1", ARTICLE, [("وزير الخارجية", "speaker")]))
    report = _import(first, again)
    assert (report.documents_added, report.documents_present, report.layers_identical) == (
        0,
        ["d1"],
        1,
    )
    assert (report.layers_added, report.layers_replaced, report.layers_kept, report.spans) == (
        0,
        0,
        0,
        0,
    )


def test_replace_takes_the_imported_layer_and_logs_the_old_one(
    tmp_path: Path, first: Project
) -> None:
    corrected = _file(
        tmp_path / "c.jsonl", _line("d1", ARTICLE, [("وزير", "speaker"), ("المحادثات", "claim")])
    )
    report = _import(first, corrected, OnConflict.REPLACE)
    assert (report.layers_replaced, report.spans, report.layers_added) == (1, 2, 0)
    assert [(c.document, c.annotator, c.outcome) for c in report.conflicts] == [
        ("d1", "layla", "replaced")
    ]
    assert _spans(first) == [("وزير", "speaker"), ("المحادثات", "claim")]
    old = first.db.execute(
        "SELECT detail FROM changelog WHERE action = 'import replaced layer'"
    ).fetchone()
    assert "وزير الخارجية" not in old[0] and json.loads(old[0])["spans"][0][1:4] == [
        ARTICLE.index("وزير الخارجية"), ARTICLE.index("وزير الخارجية") + 13, "speaker"]  # fmt: skip


def test_keep_leaves_the_project_layer_and_counts_it(tmp_path: Path, first: Project) -> None:
    corrected = _file(tmp_path / "c.jsonl", _line("d1", ARTICLE, [("وزير", "speaker")]),
                      _line("d2", SECOND, [("المتحدث", "speaker")]))  # fmt: skip
    report = _import(first, corrected, OnConflict.KEEP)
    assert (report.layers_kept, report.layers_added, report.documents_added) == (1, 1, 1)
    assert _spans(first) == [("وزير الخارجية", "speaker")]


def test_an_untouched_layer_is_filled_without_conflict(tmp_path: Path, project: Project) -> None:
    plain = _file(
        tmp_path / "plain.jsonl",
        json.dumps(
            {"id": "d1", "text": ARTICLE, "annotator": "layla", "status": "todo"},
            ensure_ascii=False,
        ),
    )
    _import(project, plain)
    assert "layla" in project.annotators()
    report = _import(
        project, _file(tmp_path / "l.jsonl", _line("d1", ARTICLE, [("وزير", "speaker")]))
    )
    assert (report.layers_added, report.spans) == (1, 1)


def test_two_differing_lines_for_one_layer_in_one_file_conflict(
    tmp_path: Path, project: Project
) -> None:
    both = _file(tmp_path / "both.jsonl", _line("d1", ARTICLE, [("وزير", "speaker")]),
                 _line("d1", ARTICLE, [("الوزارة", "speaker")]))  # fmt: skip
    with pytest.raises(InputError, match=r"d1 is in this file twice, lines 1 and 2, .* 'layla'"):
        _import(project, both)
    assert project.document_count() == 0


def test_the_command_line_says_each_number_in_words_and_json(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    first = _file(tmp_path / "first.jsonl", _line("d1", ARTICLE, [("وزير الخارجية", "speaker")]))
    assert run("import", str(db), str(first)).returncode == 0
    corrected = _file(tmp_path / "corrected.jsonl", _line("d1", ARTICLE, [("وزير", "speaker")]))
    refused = run("import", str(db), str(corrected))
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert "'layla' in 1 document (d1)" in refused.stderr and refused.stderr.count("\n") == 1
    same = run("import", str(db), str(first))
    assert same.returncode == 0
    assert (
        "Imported 0 new documents" in same.stdout
        and "1 was already there (same text): d1" in same.stdout
    )
    assert "0 added, 1 identical to the project's (nothing to do), 0 replaced" in same.stdout
    assert "span" not in same.stdout.split("\n")[0]  # no "0 documents ... with N spans"
    replaced = run("import", str(db), str(corrected), "--on-conflict", "replace", "--json")
    counts = json.loads(replaced.stdout)
    assert (counts["documents_added"], counts["layers_replaced"], counts["layers_identical"]) == (
        0,
        1,
        0,
    )
    assert counts["conflicts"][0]["outcome"] == "replaced"
    kept = run("import", str(db), str(first), "--on-conflict", "keep")
    assert "1 differing and kept as the project had them" in kept.stdout
    assert "layla on d1: kept" in kept.stdout


def test_the_import_dialog_offers_the_choice(qtbot: object, tmp_path: Path) -> None:
    from tests.ui_helpers import make_window

    w = make_window(qtbot, tmp_path, {"a": "نص موجود"})  # type: ignore[arg-type]
    project = w.session.project
    first = _file(tmp_path / "first.jsonl", _line("d1", ARTICLE, [("وزير الخارجية", "speaker")]))
    _import(project, first)
    dialog = w.dialogs.show_import()
    dialog.add_paths([_file(tmp_path / "c.jsonl", _line("d1", ARTICLE, [("وزير", "speaker")]))])
    assert dialog.on_conflict.currentData() == "fail"
    job = dialog.run_import()
    assert job is not None
    with qtbot.waitSignal(job.failed, timeout=30000) as blocker:  # type: ignore[attr-defined]
        pass
    assert "'layla' in 1 document" in blocker.args[0]
    assert "Nothing was imported" in dialog.summary.text()
    dialog.on_conflict.setCurrentIndex(dialog.on_conflict.findData("replace"))
    job = dialog.run_import()
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=30000):  # type: ignore[attr-defined]
        pass
    assert _spans(project) == [("وزير", "speaker")]


def test_the_import_dialog_skips_the_projects_own_files_in_its_folder(
    qtbot: object, tmp_path: Path
) -> None:
    from tests.ui_helpers import make_window

    w = make_window(qtbot, tmp_path, {"a": "نص موجود"})  # type: ignore[arg-type]
    (tmp_path / "b.txt").write_text("عنوان\nنص جديد هنا.\n", encoding="utf-8")
    (tmp_path / "p.db.backups").mkdir(exist_ok=True)  # with the note of an import that ran
    (tmp_path / "p.db.backups" / "running-4242.json").write_text('{"what": "an import"}', "utf-8")
    dialog = w.dialogs.show_import()
    dialog.add_paths([tmp_path])  # the folder holding p.db, its journals and its backups
    job = dialog.run_import()
    assert job is not None
    with qtbot.waitSignal(job.done, timeout=30000):  # type: ignore[attr-defined]
        pass
    assert w.session.project.document_count() == 2
