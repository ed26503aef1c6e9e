"""Export throughput and peak memory of every format in the registry, each in its own process.

    python benchmarks/export_formats.py                 # 10,000 documents
    python benchmarks/export_formats.py --docs 2000     # quicker
    python benchmarks/export_formats.py --docs 100000   # the issue's large size (takes a while)
    python benchmarks/export_formats.py --json

Workload: the benchmark corpus (benchmarks/corpus.py: Arabic articles with spans, attributes-free,
and relations), one annotator, exported with ``--split 80,10,10`` so every format writes its parts.
Each export runs in a fresh process, so its peak memory (max RSS) is its own and includes the
interpreter and the format's libraries (spaCy for ``spacy``). Parallel workers are off: the figure
is one process's.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GOAL_PEAK_MB = 300  # issue 16: every format under 300 MB at 100,000 documents


def build(db: Path, n: int) -> None:
    from annotator.model.schema import default_schema
    from annotator.store import Project
    from benchmarks.corpus import corpus

    with Project.create(db, default_schema()) as project:
        project.add_documents(corpus(n, spans=5, annotators=("layla",)))


def phase(db: Path, fmt: str, out: Path) -> dict[str, Any]:
    """One export, measured in this process."""
    from annotator.jobs.export import export_dataset
    from annotator.store import Project

    with Project.open(db) as project:
        t0 = time.perf_counter()
        manifest = export_dataset(project, fmt, out, "layla", split="80,10,10", seed=1)
        seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"format": fmt, "documents": manifest["documents"], "seconds": round(seconds, 3),
            "documents_per_s": round(manifest["documents"] / seconds), "peak_mb": round(peak)}  # fmt: skip


def measure(n: int, formats: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        build(db, n)
        rows = []
        for fmt in formats:
            cmd = [sys.executable, __file__, "--phase", fmt, str(db), str(Path(tmp) / f"out-{fmt}")]
            done = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
            if done.returncode != 0:
                raise SystemExit(f"export to {fmt} failed:\n{done.stderr[-3000:]}")
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return {"documents": n, "formats": rows,
            "meets": {"peak_mb": all(r["peak_mb"] < GOAL_PEAK_MB for r in rows)}}  # fmt: skip


def main() -> None:
    from annotator.export.formats import FORMATS

    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--formats", help="comma-separated (default: every format)")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        db, out = map(Path, args.paths)
        print(json.dumps(phase(db, args.phase, out)))
        return
    formats = args.formats.split(",") if args.formats else [f.name for f in FORMATS]
    result = measure(args.docs, formats)
    if args.json:
        print(json.dumps(result))
        return
    print(f"{args.docs:,} documents, one process each:")
    print("| format | documents/s | peak MB |")
    print("|---|---|---|")
    for row in result["formats"]:
        print(f"| {row['format']} | {row['documents_per_s']:,} | {row['peak_mb']} |")


if __name__ == "__main__":
    main()
