"""The user's preferences, kept as JSON in the user's config folder.

What exists, its type and default are declared once in annotator.config.SETTINGS; this module only
reads and writes them. A plain file rather than QSettings: Qt caches settings per process, which
mixed up separate settings folders (tests point XDG_CONFIG_HOME at a temporary folder).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from annotator.config import setting


def settings_file() -> Path:
    """Where the preferences are kept (the user's config folder)."""
    from platformdirs import user_config_path

    return user_config_path("annotator", appauthor=False) / "settings.json"


class Settings:
    """Typed access to the preferences, and the key bindings chosen per action id."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_file()
        try:
            data = json.loads(self.path.read_text("utf-8"))
        except (OSError, ValueError):
            data = {}
        self._data: dict[str, Any] = data if isinstance(data, dict) else {}

    def get(self, key: str) -> Any:
        spec = setting(key)
        value = self._data.get(key, spec.default)
        try:
            return value if isinstance(value, spec.type) else spec.type(value)
        except (TypeError, ValueError):
            return spec.default

    def set(self, key: str, value: Any) -> None:
        setting(key)  # unknown keys are a programming error
        self._data[key] = value
        self.sync()

    def key_overrides(self) -> dict[str, str]:
        """Action id -> key sequence the user chose instead of the default."""
        keys = self._data.get("keys", {})
        return {str(k): str(v) for k, v in keys.items()} if isinstance(keys, dict) else {}

    def set_key_overrides(self, overrides: dict[str, str]) -> None:
        self._data["keys"] = dict(overrides)
        self.sync()

    def last_document(self, project: str, annotator: str) -> str | None:
        """The id of the document ``annotator`` last had open in the project at ``project``."""
        places = self._data.get("last_documents", {})
        value = places.get(f"{annotator}@{project}") if isinstance(places, dict) else None
        return value if isinstance(value, str) else None

    def set_last_document(self, project: str, annotator: str, ext_id: str) -> None:
        places = self._data.get("last_documents")
        if not isinstance(places, dict):
            places = self._data["last_documents"] = {}
        if places.get(f"{annotator}@{project}") != ext_id:
            places[f"{annotator}@{project}"] = ext_id
            self.sync()

    def sync(self) -> None:
        """Write the file atomically (a crash never leaves half a settings file)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(self._data, ensure_ascii=False, indent=2), "utf-8")
        os.replace(tmp, self.path)
