"""Shared fixtures: a fresh project per test, and settings/data folders that are never the user's."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from annotator.model.schema import default_schema
from annotator.store import Project

settings.register_profile("ci", max_examples=60, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SHARED = Path(__file__).resolve().parents[2] / "shared"

# Texts written for the tests (original, not scraped).
ARTICLE = (
    "قال وزير الخارجية إن المحادثات كانت مثمرة.\nوأكدت الوزارة أن الزيارة ستتم الشهر المقبل.\n"
)


@pytest.fixture(autouse=True)
def _isolated_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the real user's settings or data folders."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"),
                     ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):  # fmt: skip
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(home / "log"))  # never the user's real log


@pytest.fixture(scope="session")
def qapp(qapp: Any) -> Any:
    """pytest-qt's application with the English catalogue installed, as `annotator` starts
    (its plural forms: "1 span", not "1 spans")."""
    from annotator.ui.i18n import install

    install(qapp, "en")
    return qapp


@pytest.fixture
def arabic(qapp: Any) -> Iterator[Any]:
    """The application speaking Arabic for one test (English again after it)."""
    from annotator.ui.i18n import install

    install(qapp, "ar")
    yield qapp
    install(qapp, "en")


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    """An empty project with the default schema."""
    p = Project.create(tmp_path / "news.db", default_schema())
    yield p
    p.close()


@pytest.fixture
def shared_samples() -> Path:
    """The team's shared scraped samples; tests using them skip when ../shared is absent."""
    path = SHARED / "samples"
    if not path.is_dir():
        pytest.skip("../shared/samples is not present")
    return path
