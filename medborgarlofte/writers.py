"""Writing to disk: the generated pages as a whole folder, and the rendered site by a swap."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def write_tree(folder: Path, files: dict[str, str]) -> None:
    """Replace folder with exactly these files, so that nothing removed from the content stays behind."""
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    for relative, text in files.items():
        path = staging / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
    _swap(staging, folder)


@contextmanager
def replaced_on_success(folder: Path) -> Iterator[Path]:
    """A fresh folder to build into; it takes folder's place only if the block ends without an error."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}-", dir=folder.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    _swap(staging, folder)


def _swap(new: Path, folder: Path) -> None:
    old = folder.with_name(f".{folder.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    new.rename(folder)
    folder.chmod(0o755)  # mkdtemp makes it private; the site is public
    shutil.rmtree(old, ignore_errors=True)
