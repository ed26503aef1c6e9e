"""Each format read back as its consumer reads it (JSON, doccano's UTF-16 offsets, BIO columns,
CoNLL-2003 tokens, brat's standoff grammar), on a document with an emoji before the spans, a CRLF,
a clitic, nested and overlapping spans, attributes and relations: every span arrives exactly, or
the manifest lists it (widened, dropped or cut), and nothing arrives that was not there."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from annotator.jobs.export import export_dataset
from annotator.store import Project
from tests.test_export_formats import RAW, RELATIONS, SPANS, TEXT, _project

Found = tuple[str, int, int]  # label, start, end (code points into the stored text)


def _stored(span: dict[str, Any]) -> Found:
    """A span's offsets in the stored text (the import turned the CRLF into LF)."""
    cr = RAW.index("\r")
    shift = lambda i: i - (i > cr)  # noqa: E731
    return (span["label"], shift(span["start"]), shift(span["end"]))


EXPECTED = {str(s["id"]): _stored(s) for s in SPANS}


def _bio(tags: list[str], offsets: list[tuple[int, int]]) -> set[Found]:
    found: set[Found] = set()
    label, start, end = None, 0, 0
    for tag, (s, e) in zip([*tags, "O"], [*offsets, (0, 0)], strict=True):
        if label is not None and (tag == "O" or tag.startswith("B-") or tag[2:] != label):
            found.add((label, start, end))
            label = None
        if tag.startswith("B-") or (tag.startswith("I-") and label is None):
            label, start = tag[2:], s
        if label is not None:
            end = e
    return found


def _read(
    fmt: str, out: Path
) -> tuple[set[Found], dict[Found, dict[str, str]], set[tuple[Found, Found, str]]]:
    """Spans, attributes by span and relations, as the format's consumer reads them."""
    spans: set[Found] = set()
    attrs: dict[Found, dict[str, str]] = {}
    rels: set[tuple[Found, Found, str]] = set()
    if fmt == "jsonl":
        obj = json.loads(out.read_text("utf-8"))
        by_id = {s["id"]: (s["label"], s["start"], s["end"]) for s in obj["spans"]}
        spans = set(by_id.values())
        attrs = {by_id[s["id"]]: s["attributes"] for s in obj["spans"] if s["attributes"]}
        rels = {(by_id[r["head"]], by_id[r["child"]], r["label"]) for r in obj["relations"]}
    elif fmt == "doccano":
        obj = json.loads(out.read_text("utf-8"))
        units = obj["text"].encode("utf-16-le")
        cp = lambda u: len(units[: 2 * u].decode("utf-16-le"))  # noqa: E731
        by_id = {e["id"]: (e["label"], cp(e["start_offset"]), cp(e["end_offset"]))
                 for e in obj["entities"]}  # fmt: skip
        spans = set(by_id.values())
        rels = {(by_id[r["from_id"]], by_id[r["to_id"]], r["type"]) for r in obj["relations"]}
    elif fmt == "hf-bio":
        row = json.loads((out / "data.jsonl").read_text("utf-8"))
        for name, tags in row.items():
            if name.endswith("_tags"):
                spans |= _bio(tags, [tuple(o) for o in row["token_offsets"]])
    elif fmt == "conll":
        rows = [line.split("\t") for line in out.read_text("utf-8").splitlines()
                if line and not line.startswith("#")]  # fmt: skip
        offsets = [(int(r[1]), int(r[2])) for r in rows]
        for col in range(3, len(rows[0])):
            spans |= _bio([r[col] for r in rows], offsets)
    elif fmt == "conll2003":
        rows = [line.split(" ") for line in out.read_text("utf-8").splitlines()
                if line and not line.startswith("-DOCSTART-")]  # fmt: skip
        offsets, pos = [], 0
        for r in rows:  # a CoNLL reader has tokens only: find each in the text in turn
            pos = TEXT.index(r[0], pos)
            offsets.append((pos, pos + len(r[0])))
            pos += len(r[0])
        spans = _bio([r[3] for r in rows], offsets)
    elif fmt == "brat":
        (ann,) = out.glob("*.ann")
        text = ann.with_suffix(".txt").read_text("utf-8")
        by_t: dict[str, Found] = {}
        for line in ann.read_text("utf-8").splitlines():
            key, body = line.split("\t", 1)
            if key.startswith("T"):
                head, shown = body.split("\t")
                label, where = head.split(" ", 1)
                frags = [tuple(map(int, f.split())) for f in where.split(";")]
                assert " ".join(text[s:e] for s, e in frags) == shown  # brat's grammar
                by_t[key] = (label, frags[0][0], frags[-1][1])
            elif key.startswith("A"):
                name, t, value = body.split(" ")
                attrs.setdefault(by_t[t], {})[name] = value
            elif key.startswith("R"):
                m = re.fullmatch(r"(\S+) Arg1:(T\d+) Arg2:(T\d+)", body)
                assert m is not None, line
                rels.add((by_t[m[2]], by_t[m[3]], m[1]))
        spans = set(by_t.values())
    return spans, attrs, rels


@pytest.mark.parametrize("fmt", ["jsonl", "doccano", "hf-bio", "conll", "conll2003", "brat"])
def test_every_span_arrives_exactly_or_is_listed(tmp_path: Path, fmt: str) -> None:
    project: Project = _project(tmp_path / "p")
    folder = fmt in ("hf-bio", "brat")
    out = tmp_path / ("out" if folder else f"out.{fmt}")
    manifest = export_dataset(project, fmt, out, "layla")
    project.close()
    spans, attrs, rels = _read(fmt, out)
    widened = {w["span"]: (w["label"], w["start"], w["end"], w["token_text"])
               for w in manifest["widened"]}  # fmt: skip
    left_out = {d["span"] for d in manifest["dropped"]} | {c["span"] for c in manifest["cut"]}
    arrived: set[Found] = set()
    for sid, (label, start, end) in EXPECTED.items():
        if sid in left_out:
            continue
        if sid in widened:  # listed with its original offsets and the tokens it became
            _, w_start, w_end, token_text = widened[sid]
            assert (w_start, w_end) == (start, end)
            at = TEXT.index(token_text, max(0, start - len(token_text)))
            found = (label, at, at + len(token_text))
        else:
            found = (label, start, end)
        assert found in spans, (sid, found)
        arrived.add(found)
    assert spans == arrived  # nothing that was not there
    # the totals are what the file holds; what it could not hold is counted apart
    assert manifest["spans"] == len(arrived) == len(EXPECTED) - len(manifest["dropped"])
    assert sum(manifest["by_label"].values()) == manifest["spans"]
    assert manifest["relations"] == len(rels)  # 0 in formats without relations (counted below)
    if fmt in ("jsonl", "brat"):  # formats that carry attributes: every value, on its span
        assert attrs == {EXPECTED[str(s["id"])]: s["attributes"] for s in SPANS if s["attributes"]}
    if fmt in ("jsonl", "doccano", "brat"):  # and relations, between the right spans
        assert rels == {(EXPECTED[r["head"]], EXPECTED[r["child"]], r["label"]) for r in RELATIONS}
    else:
        assert manifest["not_exported"]["relations"] == len(RELATIONS)
