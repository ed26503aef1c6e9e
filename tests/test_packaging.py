"""The wheel carries every subpackage and the resources (schema, demo articles)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_every_subpackage_is_listed_for_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    found = {
        ".".join(p.parent.relative_to(ROOT).parts)
        for p in (ROOT / "annotator").rglob("__init__.py")
    }
    folders = {
        f"annotator.resources.{d.name}"
        for d in (ROOT / "resources").iterdir()
        if d.is_dir() and d.name != "__pycache__"
    }
    assert folders == {"annotator.resources.demo", "annotator.resources.translations"}
    assert found | {"annotator.resources"} | folders == listed
    assert config["package-dir"]["annotator.resources"] == "resources"
    assert "*.toml" in config["package-data"]["annotator.resources"]
    assert all(config["package-data"][name] == ["*"] for name in folders)


def test_desktop_entry_and_appstream_metadata() -> None:
    import configparser
    import xml.etree.ElementTree as ET

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(ROOT / "packaging" / "annotator.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Exec"].startswith("annotator")
    assert "Name[ar]" in desktop
    meta = ET.parse(ROOT / "packaging" / "io.github.annotator.Annotator.metainfo.xml").getroot()
    assert meta.findtext("id") == "io.github.annotator.Annotator"
    assert (
        meta.find("launchable") is not None and meta.find("launchable").text == "annotator.desktop"
    )  # type: ignore[union-attr]
    assert (ROOT / "resources" / "annotator.svg").read_text("utf-8").startswith("<svg")


@pytest.mark.slow
def test_the_bundle_builds_and_starts(tmp_path: Path) -> None:
    """PyInstaller one-folder build, then the bundle takes a screenshot (several minutes)."""
    import subprocess

    shot = tmp_path / "bundle.png"
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build.sh"), str(shot)], cwd=ROOT,
                            capture_output=True, text=True, timeout=1800)  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_the_wheel_carries_the_compiled_translations(tmp_path: Path) -> None:
    """The Arabic interface needs annotator_ar.qm in the installed package, not only its .ts."""
    import subprocess
    import sys
    import zipfile

    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for lang in ("ar", "en"):
        assert f"annotator/resources/translations/annotator_{lang}.qm" in names
