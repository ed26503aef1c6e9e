"""Corpus-scale benchmark: import, export, agreement, GUI and memory, each beside a baseline.

One command, everything measured in the same run on this machine:

    python benchmarks/run.py            # 10,000 documents (the peers' workload), a few minutes
    python benchmarks/run.py --quick    # 2,000 documents, under a minute
    python benchmarks/run.py --large    # adds 100,000 documents / 1,000,000 spans
    python benchmarks/run.py --quick --json

Workload (as the peers were measured): Arabic articles of ~2,000 characters with 5 spans and 1
relation each, native JSONL in and out. Import is compared with a plain sqlite3 executemany of the
same rows read from the same file; export with a plain SELECT + json.dumps of the same rows (no
tokens). Each phase runs in its own process so its peak memory (max RSS) is its own.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PEERS = {"label_studio": {"import_per_s": 275, "export_per_s": 219},
         "doccano": {"import_per_s": 402, "export_per_s": 342}}  # fmt: skip
GOALS = {"import_per_s": 4000, "export_per_s": 3500, "peak_mb": 300, "ratio": 0.5}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def write_corpus(
    path: Path, n: int, spans: int = 5, annotators: tuple[str, ...] = ("layla",)
) -> None:
    from benchmarks.corpus import corpus

    with path.open("w", encoding="utf-8") as fh:
        for rec in corpus(n, spans=spans, annotators=annotators):
            anns = [{"annotator": la.annotator, "status": la.status,
                     "spans": [{"id": s.sid, "start": s.start, "end": s.end, "label": s.label, "text": s.text} for s in la.spans],
                     "relations": [{"id": r.rid, "head": r.head, "child": r.child, "label": r.label} for r in la.relations]}
                    for la in rec.layers]  # fmt: skip
            line: dict[str, Any] = {
                "id": rec.ext_id,
                "title": rec.title,
                "text": rec.text,
                "meta": rec.meta,
            }
            if len(anns) == 1:
                line.update(anns[0])
            else:
                line["annotations"] = anns
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- phases (one process each)
def phase_import(db: Path, src: Path) -> dict[str, Any]:
    from annotator.importers import read_inputs
    from annotator.importers.options import ImportOptions
    from annotator.model.schema import default_schema
    from annotator.store import Project

    project = Project.create(db, default_schema())
    t0 = time.perf_counter()
    report = project.add_documents(read_inputs([src], ImportOptions()))
    seconds = time.perf_counter() - t0
    project.close()
    return {"seconds": seconds, "documents": report.documents_added, "spans": report.spans}


def phase_import_baseline(db: Path, src: Path) -> dict[str, Any]:
    """The same rows from the same file with json.loads and executemany, nothing else."""
    import hashlib
    import sqlite3

    from annotator.model.schema import default_schema
    from annotator.store import Project

    Project.create(db, default_schema()).close()
    con = sqlite3.connect(db)
    t0 = time.perf_counter()
    docs, spans, rels, status = [], [], [], []
    span_id = rel_id = 0
    for doc_id, line in enumerate(src.open(encoding="utf-8"), 1):
        obj = json.loads(line)
        text = obj["text"]
        docs.append((doc_id, obj["id"], obj["title"], text, hashlib.sha256(text.encode()).hexdigest(),
                     "{}", "", "now", None, "[]"))  # fmt: skip
        ids = {}
        for s in obj["spans"]:
            span_id += 1
            ids[s["id"]] = span_id
            spans.append((span_id, doc_id, obj["annotator"], s["id"], s["start"], s["end"], s["label"],
                          s["text"], "{}", "now", "now"))  # fmt: skip
        for r in obj["relations"]:
            rel_id += 1
            rels.append(
                (
                    rel_id,
                    doc_id,
                    obj["annotator"],
                    r["id"],
                    ids[r["head"]],
                    ids[r["child"]],
                    r["label"],
                    "now",
                )
            )
        status.append((doc_id, obj["annotator"], obj["status"], "now"))
    with con:
        con.execute("INSERT INTO annotators VALUES ('layla', 'now')")
        con.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", docs)
        con.executemany("INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", spans)
        con.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rels)
        con.executemany("INSERT INTO doc_status VALUES (?, ?, ?, ?)", status)
    seconds = time.perf_counter() - t0
    con.close()
    return {"seconds": seconds, "documents": len(docs), "spans": len(spans)}


def phase_export(db: Path, out: Path, tokens: bool = True) -> dict[str, Any]:
    from annotator.export.options import ExportOptions
    from annotator.jobs.export import export_dataset
    from annotator.jobs.export_parallel import workers_for
    from annotator.store import Project

    with Project.open(db) as project:
        t0 = time.perf_counter()
        manifest = export_dataset(project, "jsonl", out, "layla", options=ExportOptions(tokens),
                                  parallel=True)  # fmt: skip
        seconds = time.perf_counter() - t0
        workers = workers_for(project)
    return {"seconds": seconds, "documents": manifest["documents"], "spans": manifest["spans"],
            "workers": workers}  # fmt: skip


def phase_export_baseline(db: Path, out: Path, tokens: bool = False) -> dict[str, Any]:
    """A plain SELECT of documents, spans and relations, grouped per document, json.dumps.

    With ``tokens``, each line also gets the document's token list as a plain program would write
    it: the project's tokenizer pattern, one dict per token.
    """
    import sqlite3
    from itertools import groupby

    from annotator.text.tokens import _TOKEN_RE

    con = sqlite3.connect(db)
    t0 = time.perf_counter()
    spans = groupby(con.execute('SELECT doc_id, sid, start, "end", label, text, attributes FROM spans ORDER BY doc_id, start'),
                    key=lambda r: r[0])  # fmt: skip
    rels = groupby(con.cursor().execute("SELECT doc_id, rid, head, child, label FROM relations ORDER BY doc_id"),
                   key=lambda r: r[0])  # fmt: skip
    span_rows = {k: list(v) for k, v in spans}
    rel_rows = {k: list(v) for k, v in rels}
    n = 0
    with out.open("w", encoding="utf-8") as fh:
        for doc_id, ext, title, text in con.execute(
            "SELECT id, ext_id, title, text FROM documents ORDER BY id"
        ):
            line = {"id": ext, "title": title, "text": text,
                    "spans": [list(r[1:]) for r in span_rows.get(doc_id, [])],
                    "relations": [list(r[1:]) for r in rel_rows.get(doc_id, [])]}  # fmt: skip
            if tokens:
                line["tokens"] = [{"id": i, "text": m.group(), "start": m.start(), "end": m.end()}
                                  for i, m in enumerate(_TOKEN_RE.finditer(text))]  # fmt: skip
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
            n += len(span_rows.get(doc_id, []))
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "spans": n}


def phase_agreement(db: Path, src: Path) -> dict[str, Any]:
    from annotator.importers import read_inputs
    from annotator.importers.options import ImportOptions
    from annotator.jobs.agreement import project_agreement
    from annotator.model.schema import default_schema
    from annotator.store import Project

    with Project.create(db, default_schema()) as project:
        project.add_documents(read_inputs([src], ImportOptions()))
        t0 = time.perf_counter()
        report = project_agreement(project).to_json()
        seconds = time.perf_counter() - t0
    return {"seconds": seconds, "alpha": report["token"]["krippendorff_alpha"]}


def phase_navigate(db: Path) -> dict[str, Any]:
    """Open a large project, list its documents, open documents across it (what the window does)."""
    from annotator.store import Project

    t0 = time.perf_counter()
    project = Project.open(db)
    opened = time.perf_counter() - t0
    t0 = time.perf_counter()
    rows = project.document_list("layla")
    listed = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc in rows[:: max(1, len(rows) // 50)]:
        project.document(doc.id)
        project.spans(doc.id, "layla")
    per_doc = (time.perf_counter() - t0) / 50
    project.close()
    return {"open_s": opened, "list_s": listed, "open_document_s": per_doc, "documents": len(rows)}


def phase_edits(db: Path) -> dict[str, Any]:
    """Milliseconds per window edit (one AddSpan, its transaction and change-log row) as the store
    commits it (synchronous=FULL: on disk when shown, power loss included) and with NORMAL."""
    from annotator.model.document import DocumentRecord, Span
    from annotator.model.edits import AddSpan
    from annotator.model.schema import default_schema
    from annotator.store import Project

    edits = 300
    text = "كلمة " * (edits + 10)
    per_edit = {}
    for mode in ("FULL", "NORMAL"):
        path = db.with_name(f"{db.stem}-{mode.lower()}.db")
        with Project.create(path, default_schema()) as project:
            project.add_documents([DocumentRecord("d", "t", text)])
            doc = project.find_document("d").id
            project.db.execute(f"PRAGMA synchronous = {mode}")
            t0 = time.perf_counter()
            for i in range(edits):
                s = 5 * i
                project.apply(
                    AddSpan(Span(s, s + 4, "event", text[s : s + 4], doc_id=doc)), "layla"
                )
            per_edit[mode] = (time.perf_counter() - t0) / edits * 1000
    return {"full_ms": per_edit["FULL"], "normal_ms": per_edit["NORMAL"], "edits": edits}


PHASES = {"import": phase_import, "import_baseline": phase_import_baseline, "export": phase_export,
          "export_no_tokens": lambda db, out: phase_export(db, out, tokens=False),
          "export_baseline": phase_export_baseline, "export_tokens_baseline": lambda db, out: phase_export_baseline(db, out, tokens=True),
          "agreement": phase_agreement}  # fmt: skip


def run_phase(name: str, *args: Path) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--phase", name, *map(str, args)]
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"benchmark phase {name} failed:\n{done.stderr[-3000:]}")
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def window_open(db: Path, shot: Path) -> float:
    """Seconds from starting ``annotator gui`` on ``db`` to its first screenshot, Python and Qt
    start-up included (what an annotator waits for)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, "-c", "from annotator.cli import main; main()", "gui", str(db),
           "--annotator", "layla", "--screenshot", str(shot)]  # fmt: skip
    t0 = time.perf_counter()
    subprocess.run(cmd, capture_output=True, env=env, check=True, cwd=ROOT)
    return time.perf_counter() - t0


def gui(quick: bool) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [
        sys.executable,
        str(ROOT / "benchmarks" / "workspace.py"),
        "--json",
        *(["--quick"] if quick else []),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def measure(n: int, quick: bool, large: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        write_corpus(t / "in.jsonl", n)
        imp = run_phase("import", t / "a.db", t / "in.jsonl")
        base = run_phase("import_baseline", t / "b.db", t / "in.jsonl")
        exp = run_phase("export", t / "a.db", t / "out.jsonl")
        exp_base = run_phase("export_baseline", t / "a.db", t / "base.jsonl")
        exp_plain = run_phase("export_no_tokens", t / "a.db", t / "plain.jsonl")
        exp_tok_base = run_phase("export_tokens_baseline", t / "a.db", t / "base_tokens.jsonl")
        write_corpus(t / "three.jsonl", n, annotators=("layla", "omar", "sara"))
        agr = run_phase("agreement", t / "c.db", t / "three.jsonl")
        edits = run_phase("edits", t / "edits.db")
        result: dict[str, Any] = {
            "documents": n,
            "import": {"documents_per_s": round(imp["documents"] / imp["seconds"]),
                       "baseline_per_s": round(base["documents"] / base["seconds"]),
                       "ratio": round(base["seconds"] / imp["seconds"], 3), "peak_mb": round(imp["peak_mb"])},
            "export": {"documents_per_s": round(imp["documents"] / exp["seconds"]),
                       "spans_per_s": round(exp["spans"] / exp["seconds"]),
                       "baseline_spans_per_s": round(exp_base["spans"] / exp_base["seconds"]),
                       "ratio": round(exp_base["seconds"] / exp["seconds"], 3), "peak_mb": round(exp["peak_mb"]),
                       "workers": exp["workers"],
                       "no_tokens_documents_per_s": round(imp["documents"] / exp_plain["seconds"]),
                       "no_tokens_ratio": round(exp_base["seconds"] / exp_plain["seconds"], 3),
                       "ratio_to_plain_with_tokens": round(exp_tok_base["seconds"] / exp["seconds"], 3)},
            "agreement": {"seconds": round(agr["seconds"], 3), "annotators": 3, "peak_mb": round(agr["peak_mb"])},
            "durable_edit": {"ms_per_edit": round(edits["full_ms"], 3), "ms_per_edit_normal": round(edits["normal_ms"], 3),
                             "cost_ratio": round(edits["full_ms"] / edits["normal_ms"], 2)},
        }  # fmt: skip
        if large:
            big = 100_000
            write_corpus(t / "big.jsonl", big, spans=12)  # ~1,020,000 spans
            big_imp = run_phase("import", t / "big.db", t / "big.jsonl")
            big_exp = run_phase("export", t / "big.db", t / "big_out.jsonl")
            nav = run_phase("navigate", t / "big.db")
            nav["window_open_s"] = window_open(t / "big.db", t / "big.png")
            result["large"] = {
                "documents": big, "spans": big_imp["spans"],
                "import_per_s": round(big / big_imp["seconds"]), "export_per_s": round(big / big_exp["seconds"]),
                "export_peak_mb": round(big_exp["peak_mb"]), "export_peak_mb_at_small": result["export"]["peak_mb"],
                "memory_flat": big_exp["peak_mb"] < 2 * result["export"]["peak_mb"], **{k: round(v, 4) for k, v in nav.items()},
            }  # fmt: skip
    result["gui"] = gui(quick)
    result["peers"] = PEERS
    result["goals"] = GOALS
    result["meets"] = {
        "import_per_s": result["import"]["documents_per_s"] >= GOALS["import_per_s"],
        "export_per_s": result["export"]["documents_per_s"] >= GOALS["export_per_s"],
        "peak_mb": max(result["import"]["peak_mb"], result["export"]["peak_mb"]) < GOALS["peak_mb"],
        "import_ratio": result["import"]["ratio"] >= GOALS["ratio"],
        "export_ratio": result["export"]["ratio"] >= GOALS["ratio"],
        "export_no_tokens_ratio": result["export"]["no_tokens_ratio"] >= GOALS["ratio"],
    }
    return result


PHASES["navigate"] = lambda db: phase_navigate(db)  # type: ignore[assignment,misc]
PHASES["edits"] = lambda db: phase_edits(db)  # type: ignore[assignment,misc]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 documents, under a minute")
    parser.add_argument(
        "--large", action="store_true", help="also 100,000 documents, 1,000,000 spans"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        out = PHASES[args.phase](*map(Path, args.paths))
        out["peak_mb"] = _rss_mb()
        print(json.dumps(out))
        return
    result = measure(2000 if args.quick else 10_000, args.quick, args.large)
    if args.json:
        print(json.dumps(result))
        return
    for section, values in result.items():
        print(f"{section}: {json.dumps(values, ensure_ascii=False)}")


if __name__ == "__main__":
    main()
