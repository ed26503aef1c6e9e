"""The wheel carries every subpackage and the resources (schema, demo articles)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "annotator").rglob("__init__.py")
    }
    assert found | {"annotator.resources"} == listed
    assert config["package-dir"]["annotator.resources"] == "resources"
    data = config["package-data"]["annotator.resources"]
    assert "*.toml" in data and "demo/*" in data
