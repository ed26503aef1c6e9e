"""Every export format, read back by its consumer where that is light: offsets, overlaps, clitics."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.export.formats import FORMATS, export_format
from annotator.export.options import ExportOptions
from annotator.importers import read_inputs
from annotator.importers.options import ImportOptions
from annotator.jobs.export import export_dataset, export_summary
from annotator.model.schema import default_schema
from annotator.store import Project
from annotator.text.plural import plural

# Written for the tests: an emoji before the spans, a CRLF, a clitic (و) glued to a speaker,
# a speaker inside a claim, and a claim whose speaker is in the previous paragraph.
RAW = "😀 قال وزير الخارجية إن «المحادثات مثمرة».\r\nوأكدت والصين دعمها للاتفاق."
TEXT = RAW.replace("\r\n", "\n")


def _at(word: str, text: str = RAW, nth: int = 0) -> dict[str, Any]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(word, i + 1)
    return {"start": i, "end": i + len(word), "text": word}


SPANS = [
    {"id": "s1", **_at("وزير الخارجية"), "label": "speaker", "attributes": {"kind": "person"}},
    {
        "id": "s2",
        **_at("المحادثات مثمرة"),
        "label": "claim",
        "attributes": {"form": "direct_quote"},
    },
    {"id": "s3", **_at("الخارجية"), "label": "speaker", "attributes": {"kind": "organization"}},
    {
        "id": "s4",
        **_at("الصين"),
        "label": "speaker",
        "attributes": {"kind": "state"},
    },  # inside والصين
    {"id": "s5", **_at("دعمها للاتفاق"), "label": "claim", "attributes": {}},
    {"id": "s6", **_at("دعمها"), "label": "stance", "attributes": {"polarity": "support"}},
]
RELATIONS = [
    {"id": "r1", "head": "s2", "child": "s1", "label": "attributed_to"},
    {"id": "r2", "head": "s5", "child": "s1", "label": "attributed_to"},  # crosses the line break
    {"id": "r3", "head": "s6", "child": "s4", "label": "holder"},
]


def _project(tmp_path: Path, extra_docs: int = 0) -> Project:
    lines = [{"id": "doc-1", "text": RAW, "annotator": "layla", "status": "done",
              "spans": SPANS, "relations": RELATIONS}]  # fmt: skip
    lines += [{"id": f"plain-{i}", "text": f"نص رقم {i}", "annotator": "layla", "status": "done",
               "spans": [{"start": 0, "end": 2, "label": "event"}]} for i in range(extra_docs)]  # fmt: skip
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    project = Project.create(tmp_path / "p.db", default_schema())
    project.add_documents(read_inputs([src], ImportOptions()))
    return project


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return _project(tmp_path)


def test_jsonl_spans_match_text_and_no_cr(tmp_path: Path, project: Project) -> None:
    out = tmp_path / "o" / "d.jsonl"
    export_dataset(project, "jsonl", out, "layla")
    raw = out.read_text("utf-8")
    assert "\r" not in raw and "\\r" not in raw
    obj = json.loads(raw)
    assert obj["text"] == TEXT
    for s in obj["spans"]:
        assert obj["text"][s["start"] : s["end"]] == s["text"]
    assert len(obj["relations"]) == 3


def test_doccano_counts_utf16_units_after_an_emoji(tmp_path: Path, project: Project) -> None:
    out = tmp_path / "o" / "d.jsonl"
    export_dataset(project, "doccano", out, "layla")
    obj = json.loads(out.read_text("utf-8"))
    units = obj["text"].encode("utf-16-le")
    by_id = {e["id"]: e for e in obj["entities"]}
    for e in obj["entities"]:
        shown = units[2 * e["start_offset"] : 2 * e["end_offset"]].decode("utf-16-le")
        assert shown == next(
            s["text"] for s in SPANS if s["label"] == e["label"] and s["text"] == shown
        )
    first = by_id[1]
    assert first["start_offset"] == _at("وزير الخارجية", TEXT)["start"] + 1  # the emoji is 2 units
    text_of = {
        e["id"]: units[2 * e["start_offset"] : 2 * e["end_offset"]].decode("utf-16-le")
        for e in obj["entities"]
    }
    assert {(text_of[r["from_id"]], text_of[r["to_id"]], r["type"]) for r in obj["relations"]} == {
        ("المحادثات مثمرة", "وزير الخارجية", "attributed_to"),
        ("دعمها للاتفاق", "وزير الخارجية", "attributed_to"),
        ("دعمها", "الصين", "holder"),
    }


def test_doccano_round_trip_through_its_importer(tmp_path: Path, project: Project) -> None:
    out = tmp_path / "o" / "layla.jsonl"
    export_dataset(project, "doccano", out, "layla")
    again = Project.create(tmp_path / "q.db", default_schema())
    report = again.add_documents(
        read_inputs([out], ImportOptions(format="doccano", label_ids=again.schema.label_ids))
    )
    assert report.spans == 6 and report.relations == 3
    doc = next(again.documents())
    layer = again.layer(doc.id, "layla")  # named after the file
    assert sorted((s.start, s.end, s.label) for s in layer.spans) == sorted(
        (
            s["start"] - (s["start"] > RAW.index("\r")),
            s["end"] - (s["end"] > RAW.index("\r")),
            s["label"],
        )
        for s in SPANS
    )


def _columns(manifest: dict[str, Any]) -> dict[str, list[str]]:
    return manifest["columns"]  # type: ignore[no-any-return]


def test_hf_bio_folder_loads_with_its_card_and_keeps_overlaps(
    tmp_path: Path, project: Project
) -> None:
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "o" / "hf"
    manifest = export_dataset(project, "hf-bio", out, "layla")
    assert sorted(manifest["written"]) == ["README.md", "data.jsonl"]
    assert (out / "README.md").read_text("utf-8").startswith("---\nconfigs:")
    ds = datasets.load_dataset(str(out), split="train")  # the card gives features and splits
    row = ds[0]
    claim_names = _columns(manifest)["claim_tags"]
    assert ds.features["claim_tags"].feature.names == claim_names
    claim_tags = [claim_names[i] for i in row["claim_tags"]]
    sp_names = _columns(manifest)["speaker_event_tags"]
    sp_tags = [sp_names[i] for i in row["speaker_event_tags"]]
    # the two claims and the speaker inside nothing: claims in their own column, speakers in theirs
    assert claim_tags.count("B-claim") == 2 and sp_tags.count("B-speaker") == 2
    # the nested speaker (الخارجية inside وزير الخارجية) shares a column with its parent: reported
    assert [d["span"] for d in manifest["dropped"]] == ["s3"]
    assert "overlaps a longer span" in manifest["dropped"][0]["reason"]
    # the clitic-internal speaker is widened to the whole word and reported
    assert manifest["widened_by_label"] == {"speaker": 1}
    assert manifest["widened"][0]["token_text"] == "والصين"
    for (start, end), tok in zip(row["token_offsets"], row["tokens"], strict=True):
        assert TEXT[start:end] == tok


def test_hf_bio_paragraph_rows_and_empty_splits(tmp_path: Path, project: Project) -> None:
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "o" / "hf"
    manifest = export_dataset(project, "hf-bio", out, "layla", split="0,100",
                              options=ExportOptions(unit="paragraph"))  # fmt: skip
    # no document went to train: no file, and the manifest and summary say so
    assert sorted(manifest["written"]) == ["README.md", "dev.jsonl"]
    assert manifest["split"]["empty"] == ["train"]
    assert "The train split has no document: no file was written for it." in export_summary(
        manifest
    )
    ds = datasets.load_dataset(str(out), split="validation")
    rows = list(ds)
    assert [r["id"] for r in rows] == ["doc-1#0", "doc-1#1"]
    second = rows[1]
    assert second["doc_id"] == "doc-1" and second["start"] == TEXT.index("وأكدت")
    assert TEXT[second["token_offsets"][0][0] :].startswith(second["tokens"][0])
    # the claim whose speaker is in the first paragraph is whole in the second: nothing cut here
    assert manifest["cut"] == []
    names = ds.features["claim_tags"].feature.names
    assert [names[i] for i in second["claim_tags"]].count("B-claim") == 1


def test_a_span_across_a_paragraph_break_is_cut_and_listed(tmp_path: Path) -> None:
    text = "قال الوزير إن المحادثات\nمثمرة جدا."
    src = tmp_path / "in.jsonl"
    start = text.index("المحادثات")
    span = {"start": start, "end": text.index(" جدا"), "label": "claim"}
    src.write_text(json.dumps({"id": "d", "text": text, "annotator": "layla", "status": "done",
                               "spans": [span]}, ensure_ascii=False), "utf-8")  # fmt: skip
    with Project.create(tmp_path / "p.db", default_schema()) as p:
        p.add_documents(read_inputs([src], ImportOptions()))
        manifest = export_dataset(p, "hf-bio", tmp_path / "hf", "layla",
                                  options=ExportOptions(unit="paragraph"))  # fmt: skip
    rows = [json.loads(x) for x in (tmp_path / "hf" / "data.jsonl").read_text("utf-8").splitlines()]
    assert [r["claim_tags"] for r in rows] == [["O", "O", "O", "B-claim"], ["B-claim", "O", "O"]]
    assert [(c["label"], c["reason"]) for c in manifest["cut"]] == [
        ("claim", "crosses a paragraph break")
    ]
    assert manifest["cut_by_label"] == {"claim": 1}


def test_conll_has_a_blank_line_between_paragraphs(tmp_path: Path, project: Project) -> None:
    out = tmp_path / "o" / "d.conll"
    export_dataset(project, "conll", out, "layla")
    content = out.read_text("utf-8")
    assert "\r" not in content
    body = [line for line in content.split("\n") if not line.startswith("#")]
    blank = body.index("")
    assert body[blank - 1].split("\t")[0] == "." and body[blank + 1].split("\t")[0] == "وأكدت"
    rows = [line.split("\t") for line in body if line]
    assert all(len(r) == 6 for r in rows)
    assert all(TEXT[int(r[1]) : int(r[2])] == r[0] for r in rows)


def test_brat_fragments_attributes_relations_and_round_trip(tmp_path: Path) -> None:
    project = _project(tmp_path)
    cross = {
        "id": "s9",
        "start": RAW.index("مثمرة"),
        "end": RAW.index("وأكدت") + 5,
        "label": "claim",
    }
    src = tmp_path / "x.jsonl"
    src.write_text(
        json.dumps(
            {"id": "two", "text": RAW + " ", "annotator": "layla", "spans": [cross]},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )
    project.add_documents(read_inputs([src], ImportOptions()))
    out = tmp_path / "brat"
    export_dataset(project, "brat", out, "layla")
    conf = (out / "annotation.conf").read_text("utf-8")
    assert "<OVERLAP>" in conf and "attributed_to\tArg1:claim, Arg2:speaker" in conf
    two = (out / "two.ann").read_text("utf-8")
    assert ";" in two.split("\t")[1]  # split at the line break
    ann = (out / "doc-1.ann").read_text("utf-8").splitlines()
    assert sum(line.startswith("T") for line in ann) == 6
    t_text = {line.split("\t")[0]: line.split("\t")[2] for line in ann if line.startswith("T")}
    assert "A1\tkind T1 person" in ann and t_text["T1"] == "وزير الخارجية"
    rels = {
        (r.split()[1], t_text[r.split()[2][5:]], t_text[r.split()[3][5:]])
        for r in ann
        if r.startswith("R")
    }
    assert ("holder", "دعمها", "الصين") in rels and (
        "attributed_to",
        "دعمها للاتفاق",
        "وزير الخارجية",
    ) in rels
    again = Project.create(tmp_path / "b.db", default_schema())
    again.add_documents(
        read_inputs(
            [out], ImportOptions(format="brat", annotator="layla", label_ids=again.schema.label_ids)
        )
    )
    export_dataset(again, "brat", tmp_path / "brat2", "layla")
    assert (tmp_path / "brat2" / "doc-1.ann").read_text("utf-8") == (out / "doc-1.ann").read_text(
        "utf-8"
    )
    assert (tmp_path / "brat2" / "two.ann").read_text("utf-8") == two


def test_split_is_deterministic_and_stable_when_documents_are_added(tmp_path: Path) -> None:
    small = _project(tmp_path / "a", extra_docs=30)
    big = _project(tmp_path / "b", extra_docs=60)

    def parts(project: Project, where: Path) -> dict[str, set[str]]:
        manifest = export_dataset(
            project, "jsonl", where / "d.jsonl", "layla", split="70,20,10", seed=5
        )
        out: dict[str, set[str]] = {}
        for path in manifest["files"]:
            name = Path(path).name.split(".")[1]
            out[name] = {
                json.loads(line)["id"] for line in Path(path).read_text("utf-8").splitlines()
            }
        assert manifest["split"]["seed"] == 5
        return out

    a, b = parts(small, tmp_path / "oa"), parts(big, tmp_path / "ob")
    for name in a:
        assert a[name] <= b[name]  # nobody moved
    assert sum(len(v) for v in b.values()) == 61 and all(b.values())


def test_majority_layer(tmp_path: Path) -> None:
    text = "قال الوزير إن المحادثات مثمرة"
    sp = {"id": "s1", **_at("الوزير", text), "label": "speaker", "attributes": {"kind": "person"}}
    cl = {"id": "s2", **_at("المحادثات مثمرة", text), "label": "claim", "attributes": {}}
    other = {"id": "s3", **_at("قال", text), "label": "event", "attributes": {}}
    rel = {"id": "r1", "head": "s2", "child": "s1", "label": "attributed_to"}
    anns = [
        {"annotator": "a", "status": "done", "spans": [sp, cl], "relations": [rel]},
        {"annotator": "b", "status": "done", "spans": [sp, cl, other], "relations": [rel]},
        {"annotator": "c", "status": "done", "spans": [sp], "relations": []},
        {"annotator": "d", "status": "in_progress", "spans": [other], "relations": []},
    ]
    src = tmp_path / "m.jsonl"
    src.write_text(
        json.dumps({"id": "m", "text": text, "annotations": anns}, ensure_ascii=False),
        encoding="utf-8",
    )
    project = Project.create(tmp_path / "m.db", default_schema())
    project.add_documents(read_inputs([src], ImportOptions()))
    out = tmp_path / "o" / "m.jsonl"
    export_dataset(project, "jsonl", out, layer="majority")
    obj = json.loads(out.read_text("utf-8"))
    assert [(s["text"], s["label"], s["attributes"]) for s in obj["spans"]] == [
        ("الوزير", "speaker", {"kind": "person"}), ("المحادثات مثمرة", "claim", {})]  # fmt: skip
    assert obj["relations"] == [{"id": "r1", "head": "s2", "child": "s1", "label": "attributed_to"}]


def test_a_majority_needs_two_finished_annotators_and_each_document_without_one_is_named(
    tmp_path: Path,
) -> None:
    """One finished annotator is no majority (her spans were exported as one); a document left
    out is named in the summary and the manifest, with the reason."""
    text = "قال الوزير إن المحادثات مثمرة"
    sp = {"id": "s1", **_at("الوزير", text), "label": "speaker", "attributes": {}}
    cl = {"id": "s2", **_at("المحادثات مثمرة", text), "label": "claim", "attributes": {}}

    def layer(who: str, status: str, *spans: dict[str, object]) -> dict[str, object]:
        return {"annotator": who, "status": status, "spans": list(spans), "relations": []}

    docs = {
        "agreed": [layer("layla", "done", sp), layer("omar", "done", sp, cl),
                   layer("sara", "in_progress", cl)],
        "only layla": [layer("layla", "done", sp), layer("omar", "in_progress", sp)],
        "apart": [layer("layla", "done", sp), layer("omar", "done", cl)],
    }  # fmt: skip
    src = tmp_path / "m.jsonl"
    src.write_text("\n".join(json.dumps({"id": k, "text": f"{text} {k}", "annotations": v},
                                         ensure_ascii=False) for k, v in docs.items()), "utf-8")  # fmt: skip
    db, out = tmp_path / "m.db", tmp_path / "maj.jsonl"
    assert CliRunner().invoke(cli, ["import", str(db), str(src)]).exit_code == 0
    done = CliRunner().invoke(cli, ["export", str(db), "--format", "jsonl", "--layer", "majority",
                                    "--out", str(out)])  # fmt: skip
    assert done.exit_code == 0, done.output
    (line,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert line["id"] == "agreed" and [s["text"] for s in line["spans"]] == ["الوزير"]
    manifest = json.loads((tmp_path / "maj.manifest.json").read_text("utf-8"))
    assert manifest["documents_left_out"] == [
        {"document": "only layla", "reason": "finished by 1 of its 2 annotators: a majority needs 2"},
        {"document": "apart", "reason": "no span has a majority of the 2 annotators who finished it"},
    ]  # fmt: skip
    assert "Left out: 2 annotated documents without a majority (only layla, apart)" in done.stdout


@pytest.mark.parametrize("fmt", [f.name for f in FORMATS])
def test_what_a_format_cannot_carry_is_counted_in_manifest_and_summary(
    tmp_path: Path, project: Project, fmt: str
) -> None:
    if fmt == "spacy":
        pytest.importorskip("spacy")
    row = export_format(fmt)
    out = tmp_path / "o" / ("d" if row.folder else f"d{row.suffix}")
    manifest = export_dataset(project, fmt, out, "layla")
    attrs = {} if row.attributes else {"claim": 1, "speaker": 3, "stance": 1}
    rels = {} if row.relations else {"attributed_to": 2, "holder": 1}
    renumbered = fmt in ("brat", "webanno", "doccano")  # their ids are their own: T1, [1], 1
    assert manifest["not_exported"] == {
        "attributes": sum(attrs.values()),
        "relations": sum(rels.values()),
        "statuses": 0,
        "meta": 0,  # no document here has meta
        "span_ids": manifest["spans"] if renumbered else 0,
        "relation_ids": manifest["relations"] if renumbered else 0,
    }
    assert manifest["not_exported_by_label"] == {"attributes": attrs, "relations": rels,
                                                 "statuses": {}}  # fmt: skip
    on_disk = json.loads(Path(manifest["manifest"]).read_text("utf-8"))
    assert on_disk["not_exported"] == manifest["not_exported"]
    summary = export_summary(manifest)
    if attrs or rels:  # spans-csv keeps attributes but has no place for relations
        assert (
            f"{plural(sum(attrs.values()), 'attribute value')}, {plural(sum(rels.values()), 'relation')}"
            in (summary)
        )
    else:
        assert "Not exported" not in summary
    assert f"and {plural(3 - sum(rels.values()), 'relation')}" in summary


def test_conll2003_is_read_by_spacy_convert(tmp_path: Path, project: Project) -> None:
    spacy = pytest.importorskip("spacy")
    out = tmp_path / "o" / "d.conll"
    manifest = export_dataset(project, "conll2003", out, "layla", labels=["speaker"])
    text = out.read_text("utf-8")
    assert text.startswith("-DOCSTART- -X- O O\n\n") and "#" not in text
    assert all(len(line.split()) == 4 for line in text.splitlines() if line)
    assert [d["text"] for d in manifest["dropped"]] == ["الخارجية"]  # inside وزير الخارجية
    assert manifest["dropped_by_label"] == {"speaker": 1}
    assert [w["token_text"] for w in manifest["widened"]] == ["والصين"]
    converted = tmp_path / "spacy"
    converted.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(out), str(converted), "-c", "ner"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    from spacy.tokens import DocBin

    (doc,) = DocBin().from_disk(converted / "d.spacy").get_docs(spacy.blank("ar").vocab)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("وزير الخارجية", "speaker"),
        ("والصين", "speaker"),
    ]


def test_max_tokens_cuts_rows_at_sentence_ends_and_lists_a_cut_span(tmp_path: Path) -> None:
    # three sentences of 5 tokens each (4 words and the full stop); a claim over the last two
    text = "قال الوزير إن المحادثات. وأكدت الحكومة دعمها الكامل. وذكرت الوكالة أن الزيارة."
    src = tmp_path / "in.jsonl"
    claim = {"start": text.index("وأكدت"), "end": len(text), "label": "claim"}
    speaker = {"start": text.index("الوزير"), "end": text.index(" إن"), "label": "speaker"}
    src.write_text(json.dumps({"id": "d", "text": text, "annotator": "layla", "status": "done",
                               "spans": [claim, speaker]}, ensure_ascii=False), "utf-8")  # fmt: skip
    with Project.create(tmp_path / "p.db", default_schema()) as p:
        p.add_documents(read_inputs([src], ImportOptions()))
        manifest = export_dataset(p, "hf-bio", tmp_path / "hf", "layla",
                                  options=ExportOptions(max_tokens=8))  # fmt: skip
        rows = [
            json.loads(x) for x in (tmp_path / "hf" / "data.jsonl").read_text("utf-8").splitlines()
        ]
        # at most 8 tokens a row; the first cut is at the first full stop, the claim (10 tokens)
        # cannot fit one window: it is cut, tagged B- again where its second piece starts, listed
        assert [len(r["tokens"]) for r in rows] == [5, 8, 2]
        assert [r["id"] for r in rows] == ["d~0", "d~1", "d~2"]
        assert all(r["tokens"][-1] == "." for r in rows[:1])
        assert rows[1]["start"] == text.index("وأكدت") == rows[1]["token_offsets"][0][0]
        assert rows[2]["claim_tags"][0] == "B-claim"
        assert [(c["label"], c["reason"]) for c in manifest["cut"]] == [
            ("claim", "crosses a --max-tokens window")
        ]
        whole = export_dataset(p, "hf-bio", tmp_path / "hf2", "layla",
                               options=ExportOptions(max_tokens=15))  # fmt: skip
        assert whole["cut"] == []


def test_the_dataset_card_reports_agreement_when_two_annotators_finished(tmp_path: Path) -> None:
    pytest.importorskip("datasets")
    from annotator.jobs.agreement import project_agreement
    from tests.test_export_targets import _make

    db = _make(tmp_path / "two" / "news.db", 8)  # layla and omar both finish most documents
    with Project.open(db) as store:
        manifest = export_dataset(store, "hf-bio", tmp_path / "hf", "layla")
        report = project_agreement(store).to_json()
    card = (tmp_path / "hf" / "README.md").read_text("utf-8")
    alpha = report["token"]["krippendorff_alpha"]
    assert f"Krippendorff's alpha over tokens {alpha:.3f}" in card
    assert manifest["agreement"]["annotators"] == ["layla", "omar"]
    alone = _project(tmp_path / "one")
    export_dataset(alone, "hf-bio", tmp_path / "hf1", "layla")
    assert "Krippendorff" not in (tmp_path / "hf1" / "README.md").read_text("utf-8")
    alone.close()


def test_hf_bio_parquet_loads_as_the_json_lines_do(tmp_path: Path, project: Project) -> None:
    datasets = pytest.importorskip("datasets")
    pytest.importorskip("pyarrow")
    as_json = export_dataset(project, "hf-bio", tmp_path / "j", "layla")
    as_parquet = export_dataset(project, "hf-bio", tmp_path / "p", "layla",
                                options=ExportOptions(parquet=True))  # fmt: skip
    assert sorted(as_parquet["written"]) == ["README.md", "data.parquet"]
    assert as_parquet["files"] == [str(tmp_path / "p" / "data.parquet")]
    a = datasets.load_dataset(str(tmp_path / "j"), split="train")
    b = datasets.load_dataset(str(tmp_path / "p"), split="train")
    assert a.features == b.features and list(a) == list(b)
    assert as_json["widened"] == as_parquet["widened"]


def _in_progress(tmp_path: Path) -> Project:
    tmp_path.mkdir(parents=True, exist_ok=True)
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "doc-1", "text": RAW, "annotator": "layla",
                               "status": "in_progress", "spans": SPANS[:1]}), "utf-8")  # fmt: skip
    project = Project.create(tmp_path / "p.db", default_schema())
    project.add_documents(read_inputs([src], ImportOptions()))
    return project


@pytest.mark.parametrize("fmt", ["webanno", "brat", "doccano", "prodigy", "spans-csv", "conll"])
def test_a_status_the_format_cannot_carry_is_counted(tmp_path: Path, fmt: str) -> None:
    project = _in_progress(tmp_path)
    row = export_format(fmt)
    manifest = export_dataset(project, fmt, tmp_path / ("d" if row.folder else f"d{row.suffix}"),
                              "layla")  # fmt: skip
    assert manifest["not_exported"]["statuses"] == 1
    assert manifest["not_exported_by_label"]["statuses"] == {"in_progress": 1}
    assert "1 layer status other than done (in_progress 1;" in export_summary(manifest)
    project.close()


@pytest.mark.parametrize("fmt", ["label-studio", "jsonl"])
def test_a_status_comes_back_where_the_format_has_a_place(tmp_path: Path, fmt: str) -> None:
    project = _in_progress(tmp_path / "a")
    out = tmp_path / ("ls" if fmt == "label-studio" else "d.jsonl")
    manifest = export_dataset(project, fmt, out, "layla")
    assert manifest["not_exported"]["statuses"] == 0
    again = Project.create(tmp_path / "b.db", default_schema())
    again.add_documents(read_inputs([out], ImportOptions(schema=again.schema)))
    back = again.find_document("doc-1")
    assert again.layer(back.id, "layla").status == "in_progress"
    project.close()
    again.close()


def test_labels_counts_the_relations_whose_other_end_is_outside_them(
    tmp_path: Path, project: Project
) -> None:
    out = tmp_path / "claims.jsonl"
    manifest = export_dataset(project, "jsonl", out, "layla", labels=["claim"])
    obj = json.loads(out.read_text("utf-8"))
    assert {s["label"] for s in obj["spans"]} == {"claim"} and obj["relations"] == []
    # r1 and r2 join a claim to a speaker; r3 (stance to speaker) has no end in the export
    assert manifest["relations"] == 0
    assert manifest["not_exported"]["relations"] == 2 == manifest["relations_outside_labels"]
    assert manifest["not_exported_by_label"]["relations"] == {"attributed_to": 2}
    summary = export_summary({**manifest, "manifest": "m.json"})
    assert "Wrote 1 document, 2 spans and 0 relations" in summary
    assert "Not exported: 2 relations with an end outside --labels." in summary
    assert "has no place for them" not in summary  # jsonl holds relations: that is not why
    both = export_dataset(project, "jsonl", tmp_path / "b.jsonl", "layla", labels=["claim", "speaker"])  # fmt: skip
    assert both["relations"] == 2 and both["not_exported"]["relations"] == 1  # r3: stance out
