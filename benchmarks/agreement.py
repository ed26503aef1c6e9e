"""Agreement benchmark: 10,000 documents by 3 annotators, every figure (goal: under 5 s on 2
cores), and again with 1,000 bootstrap resamples (goal: under 30 s).

python benchmarks/agreement.py [--documents N] [--bootstrap N] [--json]
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

GOAL_S = 5.0  # every figure, 10,000 documents x 3 annotators
BOOTSTRAP_GOAL_S = 30.0  # the same with 1,000 resamples
FULL_SIZE = 10_000


def run(documents: int = FULL_SIZE, bootstrap: int = 1000) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project.create(Path(tmp) / "bench.db", default_schema())
        project.add_documents(corpus(documents))
        t0, c0 = time.perf_counter(), time.process_time()
        report = project_agreement(project).to_json()
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        t0, c0 = time.perf_counter(), time.process_time()
        booted = (
            project_agreement(project, bootstrap=bootstrap, seed=1).to_json()
            if bootstrap
            else report
        )
        boot_seconds, boot_cpu = time.perf_counter() - t0, time.process_time() - c0
        project.close()
    scale = FULL_SIZE / documents  # both grow linearly with the documents
    return {
        "documents": documents,
        "annotators": 3,
        "agreement_s": round(seconds, 3),
        "agreement_cpu_s": round(cpu, 3),  # the shared machine's load inflates the wall time
        "bootstrap_resamples": bootstrap,
        "bootstrap_s": round(boot_seconds, 3),
        "bootstrap_cpu_s": round(boot_cpu, 3),
        "alpha_u": report["unitizing"]["alpha_u"],
        "alpha_u_ci95": booted["unitizing"].get("ci95"),
        "krippendorff_alpha": report["token"]["krippendorff_alpha"],
        "goal_s": GOAL_S,
        "bootstrap_goal_s": BOOTSTRAP_GOAL_S,
        "share_of_goal": round(seconds * scale / GOAL_S, 3),
        "bootstrap_share_of_goal": round(
            boot_seconds * scale * 1000 / max(bootstrap, 1) / BOOTSTRAP_GOAL_S, 3
        ),
        "meets_goal": seconds * scale < GOAL_S,
        "bootstrap_meets_goal": boot_seconds * scale * 1000 / max(bootstrap, 1) < BOOTSTRAP_GOAL_S,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--documents", type=int, default=FULL_SIZE)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.documents, args.bootstrap)
    print(json.dumps(result) if args.json else "\n".join(f"{k:22} {v}" for k, v in result.items()))


if __name__ == "__main__":
    main()
