"""WebAnno TSV 3.3 both ways (INCEpTION): UTF-16 offsets converted and checked, exact round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.errors import InputError
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.jobs.export import export_dataset
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.store.base import ImportReport
from tests.test_export_labelstudio import _content, _with_more_layers


def _import(project: Project, path: Path) -> ImportReport:
    options = ImportOptions(schema=project.schema, label_ids=project.schema.label_ids)
    return project.add_documents(read_inputs([path], options))


def test_export_then_import_is_exact(tmp_path: Path) -> None:
    project = _with_more_layers(tmp_path / "a")
    out = tmp_path / "inception out"
    manifest = export_dataset(project, "webanno", out, layer="all")
    assert manifest["not_exported"] == {"attributes": 0, "relations": 0, "statuses": 0, "meta": 0,
                                        "span_ids": manifest["spans"],
                                        "relation_ids": manifest["relations"]}  # fmt: skip
    assert manifest["dropped"] == []
    assert sorted(p.name for p in (out / "doc-1").iterdir()) == ["layla.tsv", "omar.tsv"]
    tsv = (out / "doc-1" / "layla.tsv").read_text("utf-8")
    assert tsv.startswith("#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|label|kind|form")
    doc = project.find_document("doc-1")
    emoji_units = len(doc.text[: doc.text.index("قال")].encode("utf-16-le")) // 2
    assert f"\t{emoji_units}-{emoji_units + 3}\tقال\t" in tsv  # UTF-16: the emoji counts two
    again = Project.create(tmp_path / "b.db", default_schema())
    _import(again, out)
    back = again.find_document("doc-1")
    assert back.text == doc.text
    for name in ("layla", "omar"):
        assert _content(again.layer(back.id, name)) == _content(project.layer(doc.id, name)), name
    project.close()
    again.close()


def test_offsets_that_miss_their_token_name_the_line(tmp_path: Path, project: Project) -> None:
    folder = tmp_path / "doc"
    folder.mkdir()
    path = folder / "layla.tsv"
    path.write_text(
        "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|label\n\n\n"
        "#Text=قال الوزير\n1-1\t0-3\tقال\t_\t\n1-2\t5-11\tالوزير\tspeaker[1]\t\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match=r"layla\.tsv: line 7: the offsets 5-11 \(UTF-16\)"):
        _import(project, path)
    assert project.document_count() == 0


def test_an_inception_file_with_features_and_a_relation(tmp_path: Path, project: Project) -> None:
    folder = tmp_path / "article.txt"
    folder.mkdir()
    (folder / "omar.tsv").write_text(
        "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Span|label|kind\n"
        "#T_RL=webanno.custom.Relation|label|BT_webanno.custom.Span\n\n\n"
        "#Text=قال الوزير إن المحادثات مثمرة\n"
        "1-1\t0-3\tقال\t_\t_\t_\t_\t\n"
        "1-2\t4-10\tالوزير\tspeaker\tperson\tattributed\\_to\t1-4[2_0]\t\n"
        "1-3\t11-13\tإن\t_\t_\t_\t_\t\n"
        "1-4\t14-23\tالمحادثات\tclaim[2]\t*[2]\t_\t_\t\n"
        "1-5\t24-29\tمثمرة\tclaim[2]\t*[2]\t_\t_\t\n",
        encoding="utf-8",
    )
    _import(project, folder / "omar.tsv")
    doc = project.find_document("article.txt")
    layer = project.layer(doc.id, "omar")
    assert [(s.text, s.label, s.attributes) for s in layer.spans] == [
        ("الوزير", "speaker", {"kind": "person"}), ("المحادثات مثمرة", "claim", {})]  # fmt: skip
    assert [(r.head, r.child, r.label) for r in layer.relations] == [("s2", "s1", "attributed_to")]


ENDINGS = ["\n", "\n\n\xa0", " \n", "\r\n", "\r\n\r\n", "\n \n\t"]


def test_texts_ending_in_white_space_come_back_exactly_and_are_not_added_twice(
    tmp_path: Path, project: Project
) -> None:
    texts = [f"{' ' * k}\n قال الوزير\n \n\xa0\nإن المحادثات مثمرة{end}" for k, end in
             enumerate(ENDINGS)]  # fmt: skip
    raw = tmp_path / "in.jsonl"
    raw.write_text("".join(json.dumps({"id": f"doc_{k}", "text": t, "annotator": a,
                                       "status": "done", "spans": [{"start": t.index("الوزير"),
                                       "end": t.index("الوزير") + 6, "label": "speaker"}]}) + "\n"
                           for k, t in enumerate(texts) for a in ("layla", "omar")), "utf-8")  # fmt: skip
    _import(project, raw)
    before = {d.ext_id: d.text for d in map(project.find_document, [f"doc_{k}" for k in range(6)])}
    assert before["doc_3"].endswith("مثمرة\n")  # the CRLF was stored as LF
    out = tmp_path / "wa"
    export_dataset(project, "webanno", out, layer="all")
    report = _import(project, out)
    assert report.documents_added == 0
    assert sorted(report.documents_present) == sorted(before)
    assert report.layers_identical == 12
    fresh = Project.create(tmp_path / "b.db", default_schema())
    _import(fresh, out)
    assert {k: fresh.find_document(k).text for k in before} == before
    fresh.close()


def test_an_article_imported_twice_in_one_call_is_named_once(tmp_path: Path) -> None:
    project = _with_more_layers(tmp_path / "a")
    out = tmp_path / "out"
    export_dataset(project, "webanno", out, layer="all")  # doc-1/layla.tsv and doc-1/omar.tsv
    report = _import(project, out)
    assert report.documents_present == ["doc-1"]
    fresh = Project.create(tmp_path / "b.db", default_schema())
    report = _import(fresh, out)
    assert report.documents_added == 1 and report.documents_present == []
    project.close()
    fresh.close()
