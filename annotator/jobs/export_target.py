"""Where an export may write, so that nothing of the user's is destroyed (SPEC section 4).

An export writes a new file or creates a new folder. An existing path is refused unless ``force``,
and even then replaced only when an earlier export of this program wrote it (its manifest lists
it). The project file, its folder and its backups are never a target, ``force`` or not. One export
at a time per target: a lock beside it, and a second export refuses. Everything is written under
hidden names unique to this export and renamed into place at the end; a small watcher process
(export_watch.py) removes them if this process is killed, and the next export to the same target
removes what a killed one left.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import json
import os
import secrets
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from types import TracebackType
from typing import IO, Any

from annotator.errors import TargetError, Told
from annotator.export.formats import FORMATS
from annotator.export.split import SPLIT_NAMES
from annotator.model.projectfiles import backups_folder

MANIFEST_IN_FOLDER = "manifest.json"
PROGRAM = "annotator"  # a manifest's "program" starts with this when an export of ours wrote it
LOCK_SUFFIX = ".annotator.lock"
TEMP_MARK = ".annotator-"  # hidden names: ".<out name>.annotator-<random>.<what>"
WATCHER = Path(__file__).with_name("export_watch.py")


def manifest_path(out: Path, folder: bool) -> Path:
    """``data.jsonl`` -> ``data.manifest.json`` beside it; a folder's is ``manifest.json`` inside."""
    if folder:
        return out / MANIFEST_IN_FOLDER
    stem = out.name[: -len(out.suffix)] if out.suffix else out.name
    return out.with_name(f"{stem}.manifest.json")


def read_manifest(path: Path) -> dict[str, Any] | None:
    """The manifest at ``path`` when an export of this program wrote it, else None."""
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    program = data.get("program") if isinstance(data, dict) else None
    if not isinstance(program, str) or not program.startswith(PROGRAM + " "):
        return None
    written = data.get("written")
    if not isinstance(written, list) or not all(isinstance(w, str) for w in written):
        return None
    manifest: dict[str, Any] = data
    return manifest


@dataclass(frozen=True)
class Target:
    """The paths an export will leave: its data files (one per split part) and its manifest."""

    out: Path
    folder: bool
    finals: dict[str | None, Path]
    manifest: Path
    protected: frozenset[Path] = frozenset()  # the project's files: never written or removed

    @property
    def where(self) -> Path:
        """The folder the hidden names and the lock go in."""
        return self.out.parent


def plan_target(
    out: Path, folder: bool, finals: dict[str | None, Path], project: Path, fmt: str
) -> Target:
    """Check that ``out`` may be a target at all (not the project, its folder or backups; the
    right kind of path) and name the manifest; raise TargetError with a sentence if not."""
    proj = project.resolve()
    protected = frozenset({proj, *(Path(f"{proj}{s}") for s in ("-wal", "-shm", "-journal"))})
    target = Target(out, folder, finals, manifest_path(out, folder), protected)
    backups = backups_folder(proj)
    for path in [out, *finals.values(), target.manifest]:
        real = path.resolve()
        if real in protected:
            raise TargetError(
                "{path} is the project file {project}; choose another --out",
                path=str(path), project=str(project),
            )  # fmt: skip
        if proj.is_relative_to(real):
            raise TargetError(
                "{path} is the folder that holds the project {project}; give a new file or folder"
                " name with --out",
                path=str(path), project=str(project),
            )  # fmt: skip
        if real.is_relative_to(backups):
            raise TargetError(
                "{path} is inside the project's backups; choose another --out", path=str(path)
            )
    if not folder and out.is_dir():
        raise TargetError(
            "{out} is a folder, and the {format} format writes a file: give a file name, such as"
            " {example}",
            out=str(out), format=fmt, example=str(out / ("data" + next(iter(finals.values())).suffix)),
        )  # fmt: skip
    if folder and out.exists() and not out.is_dir():
        raise TargetError(
            "{out} is a file, and the {format} format writes a folder; choose another --out",
            out=str(out), format=fmt,
        )  # fmt: skip
    return target


def _claimed(target: Target, entries: list[str]) -> set[Path]:
    """The paths an earlier manifest lists that --force may replace: inside the export's folder
    (or, beside a file, the output's own name and its split parts), never the project's files.
    Anything else a manifest names (edited by hand, "../x") is ignored, so never removed."""
    base = target.out if target.folder else target.manifest.parent
    stem = target.manifest.name[: -len(".manifest.json")]
    suffixes = {target.out.suffix} if target.out.suffix else {f.suffix for f in FORMATS}
    parts = {f"{stem}.{p}{x}" for p in SPLIT_NAMES for x in suffixes if x} | {target.out.name}
    out: set[Path] = set()
    for entry in entries:
        rel = PurePosixPath(entry)
        if rel.is_absolute() or not rel.parts or ".." in rel.parts:
            continue
        if not target.folder and entry not in parts:
            continue
        path = base / rel
        if path.resolve() not in target.protected and path != target.manifest:
            out.add(path)
    return out


def check_existing(target: Target, force: bool) -> list[Path]:
    """Refuse existing paths unless ``force`` and an earlier export of ours wrote them; return the
    files of that earlier export that this one replaces or leaves stale (to remove at commit)."""
    existing = [p for p in [*target.finals.values(), target.manifest] if p.exists()]
    if target.folder and target.out.exists():
        existing = [target.out]
    if not existing:
        return []
    if not force:
        raise TargetError(
            "{path} already exists; choose a new --out, or add --force to replace an earlier"
            " export written there",
            path=str(existing[0]),
        )
    old = read_manifest(target.manifest)
    if old is None:
        raise TargetError(
            "{path} was not written by an export of annotator (no manifest of ours in it lists"
            " it), so --force leaves this folder as it is; choose a new --out"
            if target.folder
            else "{path} was not written by an export of annotator (no manifest of ours beside it"
            " lists it), so --force leaves this file as it is; choose a new --out",
            path=str(existing[0]),
        )
    written = _claimed(target, old["written"])
    if target.folder:
        for path in sorted(target.out.rglob("*")):
            ours = path == target.manifest or path in written
            if (path.is_file() or path.is_symlink()) and not ours:
                raise TargetError(
                    "{path} was not written by the earlier export in {out}, so --force leaves the"
                    " folder as it is; move that file or choose a new --out",
                    path=str(path), out=str(target.out),
                )  # fmt: skip
        return sorted(written)
    for path in existing:
        if path != target.manifest and path not in written:
            raise TargetError(
                "{path} is not listed in {manifest}, so --force leaves it as it is; choose a new"
                " --out",
                path=str(path), manifest=str(target.manifest),
            )  # fmt: skip
    return sorted(p for p in written if p.is_file() and not p.is_symlink())


class Lease:
    """Holds a target for one export: its lock, its hidden names and the watcher.

    Use as a context manager; call ``commit`` once everything is written under ``temp(...)``
    names. Leaving the block without committing removes every hidden file of this export.
    """

    def __init__(self, target: Target) -> None:
        self.target = target
        self.mark = f".{target.out.name}{TEMP_MARK}{os.getpid()}-{secrets.token_hex(4)}"
        self.lock = target.where / f".{target.out.name}{LOCK_SUFFIX}"
        self._lock_fh: IO[bytes] | None = None
        self._watcher: subprocess.Popen[bytes] | None = None

    def temp(self, what: str) -> Path:
        """A hidden path unique to this export, removed unless committed."""
        return self.target.where / f"{self.mark}.{what}"

    def __enter__(self) -> Lease:
        self.target.where.mkdir(parents=True, exist_ok=True)
        self._take_lock()
        try:
            self._remove_leftovers()
            self._watcher = _start_watcher(self.target.where, self.mark, self.lock, self.target.out)
        except BaseException:
            self._release_lock()
            raise
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            _remove(self.target.where.glob(glob.escape(self.mark) + "*"))
        finally:
            self._release_lock()
            if self._watcher is not None and self._watcher.stdin is not None:
                self._watcher.stdin.write(b"done\n")
                self._watcher.stdin.close()
                self._watcher.wait()

    def temps(self, finals: dict[str | None, Path]) -> dict[str | None, Path]:
        """Hidden paths to write each split part to (inside one hidden folder for a folder)."""
        if self.target.folder:
            root = self.temp("folder")
            root.mkdir(exist_ok=True)
            return {
                part: root / final.relative_to(self.target.out) for part, final in finals.items()
            }
        return {part: self.temp(part or "data") for part in finals}

    def drop(self, part: str) -> None:
        """Leave a split part out of the export (it has no document): remove what was written."""
        temp = self.temps(self.target.finals)[part]
        _remove([temp])
        finals = {k: v for k, v in self.target.finals.items() if k != part}
        self.target = replace(self.target, finals=finals)

    def manifest_temp(self) -> Path:
        if self.target.folder:
            return self.temp("folder") / MANIFEST_IN_FOLDER
        return self.temp("manifest")

    def commit(self, replaced: list[Path]) -> None:
        """Move the written export into place, then remove the earlier export it replaces."""
        t = self.target
        if t.folder:
            folder = self.temp("folder")
            if t.out.exists():
                aside = self.temp("old")
                os.rename(t.out, aside)
                os.rename(folder, t.out)
                _remove_written(aside, [aside / p.relative_to(t.out) for p in replaced])
            else:
                _rename_new(folder, t.out)
            return
        for part, final in t.finals.items():
            temp = self.temp(part or "data")
            if final in replaced:
                os.replace(temp, final)
            else:
                _rename_new(temp, final)
        os.replace(self.manifest_temp(), t.manifest)
        for old in replaced:
            if old not in t.finals.values() and old != t.manifest:
                old.unlink(missing_ok=True)

    def _take_lock(self) -> None:
        busy = TargetError(
            "another export is writing to {out} right now; wait for it to finish, or choose"
            " another --out",
            out=str(self.target.out),
        )
        for _ in range(5):  # the lock file may be removed by its holder between open and lock
            try:
                fh = open(self.lock, "a+b")  # noqa: SIM115 - held until _release_lock
            except OSError as exc:  # /proc/x: its folder takes no new files
                raise TargetError(
                    "cannot create {out} ({why})",
                    out=str(self.target.out),
                    why=write_failure(exc, self.target.out),
                ) from None  # fmt: skip
            if not _try_lock(fh):
                fh.close()
                raise busy
            try:
                same = os.path.samestat(os.fstat(fh.fileno()), os.stat(self.lock))
            except FileNotFoundError:
                same = False
            if same:
                self._lock_fh = fh
                return
            fh.close()
        raise busy

    def _release_lock(self) -> None:
        if self._lock_fh is not None:
            self.lock.unlink(missing_ok=True)  # while still holding it: see _take_lock
            self._lock_fh.close()
            self._lock_fh = None

    def _remove_leftovers(self) -> None:
        """Hidden files of an earlier export to this target that was killed (its lock is free)."""
        prefix = glob.escape(f".{self.target.out.name}{TEMP_MARK}")
        _remove(self.target.where.glob(prefix + "*"))


def _rename_new(src: Path, dst: Path) -> None:
    """Rename without replacing anything that appeared meanwhile."""
    if dst.exists() or dst.is_symlink():
        raise TargetError(
            "{path} appeared while the export was written; it is left as it is", path=str(dst)
        )
    os.rename(src, dst)


def _remove(paths: Iterable[Path]) -> None:
    """Remove hidden files and folders of this program's exports (only those names)."""
    import shutil

    for path in list(paths):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)  # a hidden folder this program created
        else:
            path.unlink(missing_ok=True)


def _remove_written(folder: Path, files: list[Path]) -> None:
    """Remove an earlier export's folder file by file, keeping anything it did not list."""
    for path in [*files, folder / MANIFEST_IN_FOLDER]:
        path.unlink(missing_ok=True)
    for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
        _rmdir(sub)
    _rmdir(folder)


def _rmdir(path: Path) -> None:
    with contextlib.suppress(OSError):  # not empty: what the earlier export did not write stays
        path.rmdir()


def _try_lock(fh: IO[bytes]) -> bool:
    if sys.platform == "win32":  # pragma: no cover - tested on Linux only
        import msvcrt

        try:
            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _start_watcher(where: Path, mark: str, lock: Path, out: Path) -> subprocess.Popen[bytes] | None:
    """A small process that removes this export's hidden files if this one dies first."""
    if getattr(sys, "frozen", False):  # a bundled app has no plain interpreter to run it with
        return None
    return subprocess.Popen(
        [sys.executable, "-I", "-S", str(WATCHER), str(where), mark, str(lock), str(out)],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # Ctrl+C in the terminal reaches the export, not its watcher
    )


def write_failure(exc: OSError, out: Path) -> str | Told:
    """Why ``out`` could not be written: a file standing where one of its folders should be, or
    the system's reason (a folder that cannot be written, a full disk)."""
    blocker = next((p for p in out.parents if p.exists() and not p.is_dir()), None)
    if blocker:
        return Told("{path} is a file, not a folder", {"path": str(blocker)})
    if exc.errno == errno.ENOENT:  # a folder that is not there, or takes no files (/proc)
        return Told("no such folder")
    return exc.strerror or str(exc)
