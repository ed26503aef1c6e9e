"""Agreement benchmark: 10,000 documents by 3 annotators (goal: a few seconds on 2 cores).

python benchmarks/agreement.py [--documents N] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from annotator.jobs.agreement import project_agreement
from annotator.model.schema import default_schema
from annotator.store import Project
from benchmarks.corpus import corpus


def run(documents: int = 10_000) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.create(Path(tmp) / "bench.db", default_schema())
        project.add_documents(corpus(documents))
        t0 = time.perf_counter()
        report = project_agreement(project)
        seconds = time.perf_counter() - t0
        project.close()
    return {
        "documents": documents,
        "annotators": 3,
        "agreement_s": round(seconds, 3),
        "krippendorff_alpha": report["token"]["krippendorff_alpha"],
        "goal_s": 5.0,
        "meets_goal": seconds < 5.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.documents)
    print(json.dumps(result) if args.json else "\n".join(f"{k:22} {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
