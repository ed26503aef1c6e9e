"""spaCy as a consumer: the exported folder trains with `spacy train`, tokenises with the project's
tokenizer (0 misaligned tokens in `spacy debug data`), keeps every span, relation and attribute,
and is written in shards."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest

from annotator.errors import UsageError
from annotator.export import spacy_docbin
from annotator.export.options import ExportOptions
from annotator.export.spacy_tokenizer import NAME as TOKENIZER
from annotator.export.spacy_tokenizer import AnnotatorTokenizer
from annotator.jobs.export import export_dataset, export_summary
from annotator.store import Project
from tests.test_export_formats import RELATIONS, SPANS, TEXT, _project

spacy = pytest.importorskip("spacy")
if TOKENIZER not in {e.name for e in entry_points(group="spacy_tokenizers")}:
    pytest.skip(  # a virtualenv installed before the entry point was declared
        "the spaCy entry point is not installed: run pip install -e . again",
        allow_module_level=True,
    )


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return _project(tmp_path / "p", extra_docs=12)


def _spacy(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "spacy", *args], capture_output=True, text=True,
                          timeout=600, cwd=cwd)  # fmt: skip


def _docs(folder: Path, nlp: Any) -> list[Any]:
    from spacy.tokens import DocBin

    docs = []
    for shard in sorted(folder.glob("*.spacy")):
        docs += list(DocBin().from_disk(shard).get_docs(nlp.vocab))
    return docs


def test_the_config_uses_the_project_tokenizer_and_every_span_arrives(
    tmp_path: Path, project: Project
) -> None:
    out = tmp_path / "spacy"
    manifest = export_dataset(project, "spacy", out, "layla")
    assert sorted(manifest["written"]) == ["0000.spacy", "config.cfg"]
    config = spacy.util.load_config(out / "config.cfg")
    assert config["nlp"]["tokenizer"] == {"@tokenizers": "annotator.Tokenizer.v1"}
    assert config["nlp"]["pipeline"] == ["tok2vec", "spancat"]
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    assert isinstance(nlp.tokenizer, AnnotatorTokenizer)
    docs = _docs(out, nlp)
    assert len(docs) == 13 == manifest["documents"]
    for doc in docs:  # the trained pipeline will see the same tokens as the data
        assert [t.text for t in nlp.make_doc(doc.text)] == [t.text for t in doc]
    (doc,) = [d for d in docs if d.user_data["id"] == "doc-1"]
    assert doc.text == TEXT
    widened = {w["span"]: (w["token_text"]) for w in manifest["widened"]}
    got = {s.id_: (s.text, s.label_) for s in doc.spans["sc"]}
    for span in SPANS:
        text = widened.get(str(span["id"]), span["text"])
        assert got[str(span["id"])] == (text, span["label"])  # exactly, or widened and listed
    assert widened == {"s4": "والصين"}
    assert len(doc.ents) < 6 and len(doc.spans["sc"]) == 6  # overlaps stay in spans["sc"] only
    assert manifest["not_in_ents"] > 0
    assert list(doc.user_data["annotator.relations"]) == RELATIONS  # msgpack gives a tuple
    assert doc.user_data["annotator.attributes"] == {
        str(s["id"]): s["attributes"] for s in SPANS if s["attributes"]
    }
    assert manifest["not_exported"] == {
        "attributes": 0,
        "relations": 0,
        "statuses": 0,
        "meta": 0,
        "span_ids": 0,
        "relation_ids": 0,
    }


def test_debug_data_finds_no_misaligned_token_and_a_few_steps_train(
    tmp_path: Path, project: Project
) -> None:
    out = tmp_path / "spacy"
    export_dataset(project, "spacy", out, "layla", split="50,50", seed=3)
    debug = _spacy("debug", "data", str(out / "config.cfg"), "--no-format", cwd=tmp_path)
    assert "Corpus is loadable" in debug.stdout, debug.stdout + debug.stderr
    assert "misaligned" not in debug.stdout
    # spaCy's own Arabic tokenizer on the same data: the check above can fail
    theirs = _spacy("debug", "data", str(out / "config.cfg"), "--no-format",
                    "--nlp.tokenizer", '{"@tokenizers": "spacy.Tokenizer.v1"}', cwd=tmp_path)  # fmt: skip
    assert "misaligned tokens in the training data" in theirs.stdout, theirs.stdout
    model = tmp_path / "model"
    train = _spacy("train", str(out / "config.cfg"), "--output", str(model),
                   "--training.max_steps", "4", "--training.eval_frequency", "2", cwd=tmp_path)  # fmt: skip
    assert train.returncode == 0, train.stderr[-2000:]
    nlp = spacy.load(model / "model-last")
    assert isinstance(nlp.tokenizer, AnnotatorTokenizer)
    assert nlp("وأكدت والصين دعمها للاتفاق.").text == "وأكدت والصين دعمها للاتفاق."


def test_an_ner_pipeline_trains_from_the_ents(tmp_path: Path, project: Project) -> None:
    out = tmp_path / "spacy"
    export_dataset(project, "spacy", out, "layla", options=ExportOptions(spacy_pipeline="ner"))
    assert spacy.util.load_config(out / "config.cfg")["nlp"]["pipeline"] == ["tok2vec", "ner"]
    train = _spacy("train", str(out / "config.cfg"), "--output", str(tmp_path / "m"),
                   "--training.max_steps", "2", "--training.eval_frequency", "1", cwd=tmp_path)  # fmt: skip
    assert train.returncode == 0, train.stderr[-2000:]
    assert "ner" in spacy.load(tmp_path / "m" / "model-last").pipe_names


def test_documents_are_written_in_shards(
    tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(spacy_docbin, "SHARD_DOCS", 5)
    out = tmp_path / "spacy"
    manifest = export_dataset(project, "spacy", out, "layla")
    shards = sorted(p.name for p in out.glob("*.spacy"))
    assert shards == ["0000.spacy", "0001.spacy", "0002.spacy"]
    assert len(_docs(out, spacy.blank("ar"))) == manifest["documents"] == 13


def test_for_ner_spans_that_cannot_be_entities_are_counted_as_dropped_per_label(
    tmp_path: Path, project: Project
) -> None:
    out = tmp_path / "spacy"
    manifest = export_dataset(project, "spacy", out, "layla", options=ExportOptions(spacy_pipeline="ner"))  # fmt: skip
    docs = _docs(out, spacy.blank("ar"))
    ents = [e for d in docs for e in d.ents]
    everything = sum(len(d.spans["sc"]) for d in docs)
    left = {d["span"]: d["label"] for d in manifest["dropped"]}
    in_ents = {e.id_ for e in ents if e.doc.user_data["id"] == "doc-1"}
    assert len(ents) + len(left) == everything == 6 + 12  # every span is an entity or dropped
    assert set(left) == {"s1", "s2", "s3", "s4", "s5", "s6"} - in_ents and left
    assert manifest["dropped_by_label"] == dict(Counter(left.values()))
    assert manifest["labels_not_in_ner"] == sorted({"stance"} - {e.label_ for e in ents})
    assert "not_in_ents" not in manifest
    summary = export_summary({**manifest, "manifest": "m.json"})
    assert f"{len(left)} left out" in summary and "NER never sees the label stance" in summary
    spancat = export_dataset(project, "spacy", tmp_path / "sc", "layla")
    assert spancat["dropped"] == [] and spancat["not_in_ents"] == len(left)  # spancat keeps them


def test_a_split_that_leaves_dev_empty_is_refused_and_no_split_is_said(
    tmp_path: Path, project: Project
) -> None:
    out = tmp_path / "spacy"
    for split in ("100,0", "90,0,10"):  # dev would be the train or the test set
        with pytest.raises(UsageError, match="the split leaves dev empty"):
            export_dataset(project, "spacy", out, "layla", split=split)
        assert not out.exists() and list(tmp_path.iterdir()) == [tmp_path / "p"]
    manifest = export_dataset(project, "spacy", out, "layla")
    config = spacy.util.load_config(out / "config.cfg")
    assert config["paths"]["dev"] == config["paths"]["train"] and manifest["spacy"]["dev_is_train"]
    summary = export_summary({**manifest, "manifest": "m.json"})
    assert "config.cfg evaluates on the training data (no --split)" in summary
    held = export_dataset(project, "spacy", tmp_path / "held", "layla", split="50,50", seed=3)
    assert not held["spacy"]["dev_is_train"]
    assert "evaluates on the training data" not in export_summary({**held, "manifest": "m.json"})
