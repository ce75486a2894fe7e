from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "sample"
SCRIPT = ROOT / "scripts" / "build_pages.py"


def run_script(*args: str, cwd: Path = ROOT, epoch: str | None = None) -> subprocess.CompletedProcess:
    """build_pages.py as an editor runs it; epoch fixes the day it believes it is (SOURCE_DATE_EPOCH)."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch} if epoch else None
    return subprocess.run([sys.executable, str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, env=env)


def make_content(target: Path, changes: dict[str, str | bytes | None] | None = None) -> Path:
    """A copy of the sample content with some files replaced (str or bytes) or removed (None)."""
    content = target / "content"
    shutil.copytree(SAMPLE, content)
    for relative, text in (changes or {}).items():
        path = content / relative
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return content


@pytest.fixture
def content(tmp_path: Path) -> Path:
    return make_content(tmp_path)


def make_project(target: Path) -> Path:
    """A copy of the site's own files (mkdocs.yml, hand-written docs, theme overrides) to build into."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("lofte"))
    shutil.copytree(ROOT / "overrides", target / "overrides")
    return target
