"""What an export renames, leaves out or cannot keep is said: ids brat, WebAnno and doccano number
their own way, document meta, the spans NER never sees, the manifest ``--out -`` cannot keep; and
token formats keep every grapheme cluster (a flag, a keycap) whole."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import cli
from annotator.cli.exporting import NO_MANIFEST

TEXT = "قال الوزير 🇸🇦 إن المحادثات مثمرة 1\ufe0f\u20e3 ورحب بها الرئيس."
FLAG = TEXT.index("🇸🇦")
CLAIM_END = TEXT.index("مثمرة") + len("مثمرة")
SPANS = [
    {"id": "s7", "start": 4, "end": 10, "label": "speaker", "text": "الوزير"},
    {"id": "s9", "start": FLAG, "end": FLAG + 2, "label": "speaker", "text": "🇸🇦"},
    {"id": "s11", "start": 0, "end": CLAIM_END, "label": "claim", "text": TEXT[:CLAIM_END]},
]
RELATIONS = [{"id": "r4", "head": "s11", "child": "s7", "label": "attributed_to"}]


def _invoke(*args: str) -> tuple[str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


@pytest.fixture
def project(tmp_path: Path) -> Path:
    line = {"id": "d1", "title": "t", "text": TEXT, "meta": {"source": "sana", "date": "2024-05-01"},
            "annotator": "layla", "status": "done", "spans": SPANS, "relations": RELATIONS}  # fmt: skip
    plain = {"id": "d2", "text": "نص بلا بيانات", "annotator": "layla", "status": "done",
             "spans": [{"start": 0, "end": 2, "label": "event", "text": "نص"}]}  # fmt: skip
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in (line, plain)), "utf-8")
    db = tmp_path / "p.db"
    _invoke("import", str(db), str(src))
    return db


def _manifest(summary: str) -> dict[str, object]:
    where = summary.rpartition("Details per label: ")[2].strip().rstrip(".")
    loaded: dict[str, object] = json.loads(Path(where).read_text("utf-8"))
    return loaded


@pytest.mark.parametrize(
    ("fmt", "meta_lost"), [("brat", 1), ("webanno", 1), ("doccano", 0), ("jsonl", 0)]
)
def test_renamed_ids_and_lost_meta_are_counted_and_said(
    project: Path, tmp_path: Path, fmt: str, meta_lost: int
) -> None:
    out = tmp_path / ("out" if fmt in ("brat", "webanno") else "out.jsonl")
    said, _ = _invoke("export", str(project), "--format", fmt, "--annotator", "layla",
                      "--out", str(out))  # fmt: skip
    lost = _manifest(said)["not_exported"]
    assert isinstance(lost, dict)
    assert lost["meta"] == meta_lost
    renamed = fmt != "jsonl"
    assert (lost["span_ids"], lost["relation_ids"]) == ((4, 1) if renamed else (0, 0))
    if renamed:
        assert "Renamed: 4 span ids and 1 relation id;" in said
    else:
        assert "Renamed" not in said
    if meta_lost:
        assert f"the meta (source, date, ...) of 1 document; the {fmt} format" in said
    else:
        assert "the meta (" not in said


def test_doccano_carries_the_meta_and_it_comes_back(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "layla.jsonl"
    _invoke(
        "export", str(project), "--format", "doccano", "--annotator", "layla", "--out", str(out)
    )
    first = json.loads(out.read_text("utf-8").splitlines()[0])
    assert (first["source"], first["date"]) == ("sana", "2024-05-01")
    back = tmp_path / "back.db"
    _invoke("import", str(back), str(out), "--format", "doccano", "--annotator", "layla")
    from annotator.store import Project

    with Project.open(back) as p:
        assert p.find_document("d1").meta == {"source": "sana", "date": "2024-05-01"}


def test_a_meta_key_doccano_uses_itself_is_counted(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "d1", "text": "نص", "meta": {"label": "x"}, "annotator": "a",
                               "status": "done", "spans": []}), "utf-8")  # fmt: skip
    _invoke("import", str(tmp_path / "p.db"), str(src))
    said, _ = _invoke("export", str(tmp_path / "p.db"), "--format", "doccano", "--annotator", "a",
                      "--out", str(tmp_path / "o.jsonl"))  # fmt: skip
    assert _manifest(said)["not_exported"]["meta"] == 1  # type: ignore[index]
    assert "the meta (source, date, ...) of 1 document; the doccano format" in said


def test_out_dash_says_no_manifest_was_kept(project: Path, tmp_path: Path) -> None:
    data, said = _invoke("export", str(project), "--format", "jsonl", "--annotator", "layla",
                         "--out", "-")  # fmt: skip
    assert [json.loads(x)["id"] for x in data.splitlines()] == ["d1", "d2"]
    assert "Wrote 2 documents" in said and said.rstrip().endswith(NO_MANIFEST)
    assert "Details per label" not in said
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "p.db"]  # nothing kept


def test_the_ner_summary_counts_the_spans_left_out_of_the_entities(
    project: Path, tmp_path: Path
) -> None:
    pytest.importorskip("spacy")
    said, _ = _invoke("export", str(project), "--format", "spacy", "--annotator", "layla",
                      "--spacy-pipeline", "ner", "--out", str(tmp_path / "ner"))  # fmt: skip
    manifest = _manifest(said)
    dropped = manifest["dropped"]
    assert isinstance(dropped, list) and len(dropped) == 2  # both speakers lie inside the claim
    assert {d["label"] for d in dropped} == {"speaker"}
    assert (
        "NER trains on doc.ents, which cannot overlap: 2 spans left out of them (speaker 2); "
        "NER never sees the label speaker." in said
    )


@pytest.mark.parametrize("fmt", ["spacy", "hf-bio", "conll", "jsonl"])
def test_token_formats_keep_a_flag_and_a_keycap_whole(
    project: Path, tmp_path: Path, fmt: str
) -> None:
    from annotator.text.tokens import tokenize

    words = [t.text for t in tokenize(TEXT)]
    assert "🇸🇦" in words and "1\ufe0f\u20e3" in words
    out = tmp_path / "o"
    said, _ = _invoke("export", str(project), "--format", fmt, "--annotator", "layla",
                      "--out", str(out if fmt != "jsonl" else tmp_path / "o.jsonl"))  # fmt: skip
    assert _manifest(said)["widened"] == []  # the flag span fits its token exactly
    if fmt == "spacy":
        spacy = pytest.importorskip("spacy")
        from spacy.tokens import DocBin

        from annotator.export.spacy_tokenizer import AnnotatorTokenizer

        nlp = spacy.blank("ar")
        (doc, _plain) = list(DocBin().from_disk(out / "0000.spacy").get_docs(nlp.vocab))
        assert "🇸🇦" in [t.text for t in doc]
        assert [t.text for t in doc] == [t.text for t in AnnotatorTokenizer(nlp.vocab)(TEXT)]
        assert "🇸🇦" in [s.text for s in doc.spans["sc"]]
    elif fmt == "jsonl":
        line = json.loads((tmp_path / "o.jsonl").read_text("utf-8").splitlines()[0])
        assert [t["text"] for t in line["tokens"]] == words
        flag = next(s for s in line["spans"] if s["text"] == "🇸🇦")
        assert flag["token_start"] == flag["token_end"] == words.index("🇸🇦")
    else:
        files = [out] if out.is_file() else sorted(p for p in out.rglob("*") if p.is_file())
        written = "\n".join(p.read_text("utf-8") for p in files)
        assert "🇸🇦" in written and "🇸\n" not in written and "\ufe0f\u20e3" in written
