"""The preview follows the editor: after each save only what changed is written and rendered, and the site is as a clean build's."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from medborgarlofte.addresses import SEARCH_FOLDER
from medborgarlofte.commands.build import build_preview
from medborgarlofte.rendering import Preview

from .conftest import make_content, make_project, tree_digest

# Each test builds twice and compares the two sites file by file.
pytestmark = pytest.mark.slow
TODAY = date(2022, 10, 1)
NEW_UPDATE = """---
title: Nytt brev om torget
date: 2022-09-20
kind: informationsbrev
summary: Ett nytt brev om torget.
commitments: [polisen-narvaro]
---
Torget får ny belysning.
"""

# Each edit as a communications officer makes it: (file in content, the text before, the text after); None removes, "" adds.
EDITS = [
    pytest.param(
        "commitments/polisen-narvaro.yaml",
        "    note: Närvaron har börjat.\n",
        "    note: Närvaron har börjat.\n  - date: 2022-09-01\n    status: försenad\n    note: Färre patruller.\n",
        id="status-change",
    ),
    pytest.param(
        "commitments/polisen-narvaro.yaml",
        "title: Regelbunden närvaro",
        "title: Regelbunden närvaro på torget",
        id="title",
    ),
    pytest.param("updates/2022-05-brev.md", "", "", id="update-body"),
    pytest.param("indicators/otrygghet.yaml", "value: 36.5", "value: 31", id="indicator-value"),
    pytest.param("translations/en/themes.yaml", "  name: Traffic\n", "  name: Road traffic\n", id="translation"),
    pytest.param("updates/2022-09-20-torget.md", None, NEW_UPDATE, id="added-update"),
    pytest.param("updates/2022-09-dialog.md", "", None, id="removed-update"),
]


def _apply(content: Path, relative: str, old: str | None, new: str | None) -> None:
    path = content / relative
    if new is None:
        path.unlink()
    elif old is None:
        path.write_text(new, encoding="utf-8")
    elif old == "":
        path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + " Ändrad text.\n", encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _site(project: Path) -> Path:
    return project / ".medborgarlofte" / "preview" / "site"


@pytest.mark.parametrize(("relative", "old", "new"), EDITS)
def test_after_an_edit_the_preview_equals_a_clean_build(
    tmp_path: Path, relative: str, old: str | None, new: str | None
) -> None:
    project = make_project(tmp_path / "kept", languages=["sv", "en"])
    content = make_content(project)
    preview = Preview()
    build_preview(content, "content", project / "mkdocs.yml", TODAY, preview)

    _apply(content, relative, old, new)
    build_preview(content, "content", project / "mkdocs.yml", TODAY, preview, whole=False)

    clean = make_project(tmp_path / "clean", languages=["sv", "en"])
    shutil.copytree(content, clean / "content")
    build_preview(clean / "content", "content", clean / "mkdocs.yml", TODAY, Preview())
    assert tree_digest(_site(project)) == tree_digest(_site(clean))


def test_an_edit_writes_and_renders_only_what_it_changed(tmp_path: Path) -> None:
    project = make_project(tmp_path, languages=["sv"])
    content = make_content(project)
    preview = Preview()
    build_preview(content, "content", project / "mkdocs.yml", TODAY, preview)
    generated = project / ".medborgarlofte/preview/docs/lofte"
    site = _site(project)
    # The search index is made anew from every page (rendering.index): not a page's own file.
    times = {
        path: path.stat().st_mtime_ns
        for folder in (generated, site)
        for path in folder.rglob("*")
        if path.is_file() and SEARCH_FOLDER not in path.relative_to(folder).parts
    }

    _apply(content, "commitments/kommunen-blomlador.yaml", "title: ", "title: Fler ")
    build_preview(content, "content", project / "mkdocs.yml", TODAY, preview, whole=False)

    touched = {
        path.relative_to(project).as_posix() for path, before in times.items() if path.stat().st_mtime_ns != before
    }
    assert "Fler" in (site / "lofte/atagande/kommunen-blomlador/index.html").read_text(encoding="utf-8")
    assert (site / SEARCH_FOLDER / "pagefind-entry.json").stat().st_mtime_ns > max(times.values())
    assert ".medborgarlofte/preview/docs/lofte/atagande/kommunen-blomlador.md" in touched
    assert (
        ".medborgarlofte/preview/docs/lofte/aktor/polisen.md" not in touched
    )  # not the police's: its page is as it was
    assert ".medborgarlofte/preview/site/lofte/aktor/polisen/index.html" not in touched
    assert ".medborgarlofte/preview/site/tillganglighet/index.html" not in touched
    pages = [path for path in touched if path.endswith(".html")]
    assert 0 < len(pages) < len([path for path in times if path.suffix == ".html"]) / 2


def test_with_a_renderer_that_renders_only_in_full_the_preview_is_the_renderer_s_and_follows_an_edit(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path, languages=["sv"])
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("  renderer: mkdocs\n", "  renderer: properdocs\n"), encoding="utf-8"
    )
    content = make_content(project)
    preview = Preview()
    build_preview(content, "content", config, TODAY, preview)
    _apply(content, "commitments/kommunen-blomlador.yaml", "title: ", "title: Fler ")
    build_preview(content, "content", config, TODAY, preview, whole=False)
    page = (_site(project) / "lofte/atagande/kommunen-blomlador/index.html").read_text(encoding="utf-8")
    assert "Fler" in page and 'content="mkdocs-ProperDocs 1.6.7' in page
