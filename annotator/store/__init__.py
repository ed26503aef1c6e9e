"""The project file: the only package that speaks SQL. Returns dataclasses from annotator.model."""

import sys

# sqlite-utils imports pandas and numpy eagerly when they are installed (as they are beside most ML
# tools), only to map their types to column types, which the store never uses. That costs every
# command about 0.6 s and 60 MB. Hide them while sqlite-utils loads; later imports work as usual.
_hidden = {name: None for name in ("pandas", "numpy") if name not in sys.modules}
sys.modules.update(_hidden)  # type: ignore[arg-type]
try:
    import sqlite_utils  # noqa: F401
finally:
    for _name in _hidden:
        del sys.modules[_name]

from annotator.store.base import DocSummary, ImportReport  # noqa: E402
from annotator.store.project import Project  # noqa: E402

__all__ = ["DocSummary", "ImportReport", "Project"]
