"""The renderers: each turns one language's folder of Markdown pages into that language's HTML site.

The rest of the engine meets a renderer through one small interface, in `rendering.py`:

- `render(site)`: the language's site in full, from `site.docs_dir` into `site.site_dir`;
- for a renderer that can (`mkdocs.py`, the MkDocs family in the engine's own process), `render_kept(site)` keeps
  what the render found, and `again(kept, changed)` renders only the pages that changed; the others render in full;
- a failure is `RenderFailed`, with the renderer's own message in Swedish words around it.

`mkdocs.py` is MkDocs (or ProperDocs, where it has taken MkDocs' place in a process: `properdocs.py`); `zensical.py`
is Zensical. They are the only modules of the engine that import a renderer, and `mkdocs.py` alone uses a renderer's
private functions (listed there, with why). The search index (`searchindex.py`) and the preview's bookkeeping
(`rendering.Preview`) are the same whichever renders.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache

# Every renderer by its name on the command line and in mkdocs.yml (extra.renderer); the first is the default.
RENDERERS = ("mkdocs", "zensical", "properdocs")
DEFAULT_RENDERER = RENDERERS[0]


class RenderFailed(Exception):
    """A renderer, or the search indexer after it, could not do its part: the text says which and what it said."""


@dataclass(frozen=True)
class LanguageSite:
    """What a renderer needs to render one language's site."""

    language: str
    config_file: Path  # mkdocs.yml: its folder is the project's
    raw: Mapping[str, Any] = field(
        repr=False
    )  # mkdocs.yml as read, with the language's settings and the engine's theme
    docs_dir: Path
    site_dir: Path  # the language's own folder in the site: the root for the first language
    compiled: BytecodeCache | None = field(
        default=None, repr=False, compare=False
    )  # templates compiled by an earlier render
