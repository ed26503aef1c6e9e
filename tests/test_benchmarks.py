"""The benchmark command keeps printing every figure issue 8 asks for (slow: run with -m slow)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_quick_benchmark_prints_every_figure_with_its_ratio() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["documents"] == 2000
    for key in ("documents_per_s", "baseline_per_s", "ratio", "peak_mb"):
        assert result["import"][key] > 0
    for key in ("documents_per_s", "spans_per_s", "baseline_spans_per_s", "ratio", "peak_mb",
                "no_tokens_documents_per_s", "no_tokens_ratio", "ratio_to_plain_with_tokens"):  # fmt: skip
        assert result["export"][key] > 0
    assert result["agreement"]["seconds"] > 0
    assert result["durable_edit"]["ms_per_edit"] > 0 and result["durable_edit"]["cost_ratio"] > 0
    assert result["gui"]["window_first_display_s"] > 0 and result["gui"]["window_add_span_ms"] > 0
    assert set(result["gui"]["goals"]) <= set(result["gui"])  # each goal names a figure printed
    assert set(result["meets"]) >= {"import_per_s", "export_per_s", "peak_mb", "import_ratio",
                                    "export_ratio"}  # fmt: skip


@pytest.mark.slow
def test_the_export_benchmark_measures_every_format() -> None:
    from annotator.export.formats import NAMES

    done = subprocess.run(
        [sys.executable, "benchmarks/export_formats.py", "--docs", "30", "--json"],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert [row["format"] for row in result["formats"]] == list(NAMES)
    for row in result["formats"]:
        assert row["documents"] == 30 and row["documents_per_s"] > 0 and row["peak_mb"] > 0
