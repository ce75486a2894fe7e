"""Writing to disk: whole folders, built aside and swapped in, under a lock so that two builds never mix.

Everything the build keeps for itself lives in one ignored folder beside mkdocs.yml (WORK): the lock,
and the staging folders, which the next build clears if a build was killed half-way.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

WORK = ".medborgarlofte"
WAIT_SECONDS = 600  # how long a build waits for another to finish before it gives up


class Busy(Exception):
    """Another build or preview holds the folder; the text says which, in Swedish."""


@contextmanager
def locked(work: Path, name: str, waiting: str, busy: str, wait: float | None = None) -> Iterator[None]:
    """Hold work/name.lock for the block: waits (saying waiting) up to wait seconds (WAIT_SECONDS), then raises Busy(busy)."""
    wait = WAIT_SECONDS if wait is None else wait
    work.mkdir(parents=True, exist_ok=True)
    lock = FileLock(work / f"{name}.lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if wait <= 0:
            raise Busy(busy) from None
        print(waiting, file=sys.stderr, flush=True)
        try:
            lock.acquire(timeout=wait)
        except Timeout:
            raise Busy(busy) from None
    try:
        yield
    finally:
        lock.release()


def write_text_atomically(path: Path, text: str) -> None:
    """A content file written whole or not at all: beside it, then renamed over it, so that it is never half-written."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def clear_staging(staging_root: Path) -> None:
    """Remove what a killed build left behind; only ever called with the lock held."""
    shutil.rmtree(staging_root, ignore_errors=True)
    staging_root.mkdir(parents=True, exist_ok=True)


def write_tree(
    folder: Path, files: Mapping[str, str | bytes], staging_root: Path, copies: dict[str, Path] | None = None
) -> None:
    """Replace folder with exactly these files, so that nothing removed stays behind; a file as it was keeps its time.

    copies are files copied in by path, beneath the written ones.
    """
    staging_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{folder.name}-", dir=staging_root))
    try:
        add_files(staging, {}, copies or {})
        for relative, text in files.items():
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            data, before = _encoded(text), folder / relative
            if before.is_file() and before.stat().st_size == len(data) and before.read_bytes() == data:
                shutil.copy2(
                    before, path
                )  # unchanged: its time kept, so that a renderer with a cache (Zensical) knows it
            else:
                path.write_bytes(data)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, folder)


def add_files(folder: Path, files: Mapping[str, str | bytes], copies: Mapping[str, Path]) -> None:
    """Write files into a folder that is being built, beside what is there; copies are copied in by path, beneath the written ones."""
    for relative, source in copies.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(
            source, folder / relative
        )  # its time kept, so that a renderer with a cache (Zensical) knows it unchanged
    for relative, text in files.items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(_encoded(text))


def _files_under(folder: Path) -> set[str]:
    """Every file under folder, by its path in it; os.walk, as it needs no second look at each file to tell it from a folder."""
    start = len(str(folder)) + 1
    return {
        os.path.join(root, name)[start:].replace(os.sep, "/")
        for root, _folders, names in os.walk(folder)
        for name in names
    }


def _encoded(text: str | bytes) -> bytes:
    """A generated file as written: a text in UTF-8, a picture as it is."""
    return text.encode("utf-8") if isinstance(text, str) else text


@dataclass(frozen=True)
class Changes:
    """What changed in a docs folder since it was last rendered, by path in it."""

    changed: frozenset[str]
    added: frozenset[str]
    removed: frozenset[str]

    @property
    def same_files(self) -> bool:
        return not self.added and not self.removed


def update_tree(folder: Path, files: Mapping[str, str | bytes], copies: dict[str, Path]) -> Changes:
    """Bring folder in step with these files, writing only those that differ: an unchanged file keeps its time.

    For the preview, which renders only what changed.
    """
    wanted = {relative: source.read_bytes() for relative, source in copies.items()}
    wanted.update({relative: _encoded(text) for relative, text in files.items()})
    existing = _files_under(folder)
    changed, added = set(), set()
    for relative, data in wanted.items():
        path = folder / relative
        if relative in existing:
            if path.read_bytes() == data:
                continue
            changed.add(relative)
        else:
            added.add(relative)
            path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    removed = existing - wanted.keys()
    for relative in removed:
        (folder / relative).unlink()
    return Changes(frozenset(changed), frozenset(added), frozenset(removed))


@contextmanager
def replaced_on_success(folder: Path, staging_root: Path) -> Iterator[Path]:
    """A fresh folder to build into; it takes folder's place only if the block ends without an error."""
    staging_root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{folder.name}-", dir=staging_root))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, folder)


def _swap(new: Path, folder: Path) -> None:
    """new takes folder's place in one step where the system allows it, so that a reader never finds folder missing."""
    new.chmod(0o755)  # mkdtemp makes it private; the site is public
    folder.parent.mkdir(parents=True, exist_ok=True)
    if folder.exists() and _exchange(new, folder):
        shutil.rmtree(new, ignore_errors=True)  # new now holds the old folder
        return
    # Without an atomic exchange, folder is missing between the two renames: a few microseconds.
    old = new.with_name(new.name + "-old")
    if folder.exists():
        folder.rename(old)
    new.rename(folder)
    shutil.rmtree(old, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Linux's renameat2(RENAME_EXCHANGE): two folders change places atomically. False where it is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return bool(result == 0)
