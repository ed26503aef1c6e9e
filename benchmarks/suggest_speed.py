"""How fast ``annotator suggest`` runs over a whole project, and whether its memory stays flat.

    python benchmarks/suggest_speed.py              # 10,000 documents (and 2,500 for memory)
    python benchmarks/suggest_speed.py --documents 20000 --json

Workload: news-like articles of ~2,000 characters (benchmarks/corpus.py ``news_document``: reported
speech between background sentences, about 19 suggestions each, as the team's scraped samples
have 16-20 per 2,000 characters); ``--dense`` uses the corpus of the other benchmarks instead,
where every sentence is reported speech (about 68 suggestions each). The command runs in its own
process, as a user starts it, workers included; the baseline is the rules alone over the same
texts in one process (no reading or writing), so ``ratio`` (CPU time of the rules alone over that of the
whole command, workers included) says how much the reading, writing and start-up cost. The machine
is shared: ``load_average`` says how busy it was, and ``cpu_ms_per_document`` what the command
costs whatever the load.
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

GOAL_PER_S = 2000  # documents per second on this project's 2-core machine


def texts(n: int, dense: bool) -> list[str]:
    import random

    from benchmarks.corpus import document, news_document

    rng = random.Random(1)
    make = document if dense else news_document
    return [make(i, rng) for i in range(n)]


def make_project(db: Path, n: int, dense: bool) -> None:
    from annotator.model.document import DocumentRecord
    from annotator.model.schema import default_schema
    from annotator.store import Project

    with Project.create(db, default_schema()) as project:
        project.add_documents(
            DocumentRecord(f"doc-{i}", f"وثيقة {i}", text) for i, text in enumerate(texts(n, dense))
        )


def run_command(db: Path) -> dict[str, Any]:
    """Seconds and peak memory of ``annotator suggest`` on ``db`` (start-up included)."""
    code = (
        "import resource, sys\n"
        "from annotator.cli import main\n"
        "try:\n    main(['suggest', sys.argv[1]])\n"
        "finally:\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)\n"
    )
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code, str(db)], capture_output=True, text=True,
                          cwd=ROOT, check=True)  # fmt: skip
    seconds = time.perf_counter() - t0
    return {"seconds": seconds, "cpu_seconds": _children_cpu() - cpu0,
            "peak_mb": int(done.stderr.strip().splitlines()[-1]), "summary": done.stdout.strip()}  # fmt: skip


def _children_cpu() -> float:
    """CPU seconds of finished child processes (the command and, through it, its workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def rules_alone(n: int, dense: bool) -> float:
    """CPU seconds the rules take over the same texts in this process."""
    from annotator.suggest.rules import Suggester

    corpus = texts(n, dense)
    suggester = Suggester()
    t0 = time.process_time()
    for text in corpus:
        suggester.suggest(text)
    return time.process_time() - t0


def measure(n: int, dense: bool) -> dict[str, Any]:
    small = max(n // 4, 1)
    with tempfile.TemporaryDirectory() as tmp:
        make_project(Path(tmp) / "big.db", n, dense)
        make_project(Path(tmp) / "small.db", small, dense)
        big = run_command(Path(tmp) / "big.db")
        little = run_command(Path(tmp) / "small.db")
    alone = rules_alone(n, dense)
    per_s = n / big["seconds"]
    return {
        "documents": n,
        "corpus": "dense" if dense else "news",
        "documents_per_s": round(per_s),
        "seconds": round(big["seconds"], 2),
        "cpu_ms_per_document": round(1000 * big["cpu_seconds"] / n, 3),
        "rules_alone_per_cpu_s": round(n / alone),
        "ratio": round(alone / big["cpu_seconds"], 3),
        "load_average": round(os.getloadavg()[0], 1),
        "peak_mb": big["peak_mb"],
        "peak_mb_at_quarter": little["peak_mb"],
        "memory_flat": big["peak_mb"] < 1.25 * little["peak_mb"],
        "cores": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "goal_per_s": GOAL_PER_S,
        "meets_goal": per_s >= GOAL_PER_S,
        "summary": big["summary"],
        "bench_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--dense", action="store_true", help="reported speech in every sentence")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args()
    result = measure(args.documents, args.dense)
    print(json.dumps(result, ensure_ascii=False) if args.json else
          "\n".join(f"{k}: {v}" for k, v in result.items()))  # fmt: skip


if __name__ == "__main__":
    main()
