from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "sample"


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
