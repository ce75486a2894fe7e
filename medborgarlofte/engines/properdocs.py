"""ProperDocs, the maintained drop-in fork of MkDocs 1.6.1, as a renderer of the same pages with Material.

ProperDocs makes every `mkdocs.*` module its own once `properdocs.replacement` is imported, for the whole process. So
a language's site is rendered in a process of its own (`python -m medborgarlofte.engines.properdocs`), which imports it
first and then renders exactly as the MkDocs renderer does (rendering._full): the same configuration, theme, strict
checks and escaping. The parent process, and MkDocs in it, are never touched.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path


class RenderFailed(Exception):
    """ProperDocs could not render a language's site: the text is what it said."""


def render(config_file: Path, site_url: str, language: str, docs_dir: Path, site_root: Path) -> None:
    """One language's site into site_root (its folder in it), by ProperDocs in a process of its own."""
    # The engine's own folder first on the path: the process finds this engine, installed or in its repository.
    path = os.pathsep.join(filter(None, (str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH"))))
    done = subprocess.run([sys.executable, "-m", __name__, str(config_file), site_url, language, str(docs_dir), str(site_root)],
                          capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": path})
    if done.returncode:
        said = (done.stderr or done.stdout).split("Traceback (most recent call last):")[0].strip() or done.stderr.strip().splitlines()[-1]
        raise RenderFailed(f"ProperDocs kunde inte bygga sajten på språket {language}:\n{said[-3000:]}")


def _main(argv: list[str]) -> int:
    from ..rendering import render_language  # imported after ProperDocs took the place of MkDocs
    from ..settings import in_language, read_settings

    # What ProperDocs warns of (a broken link, in strict mode) goes to the parent with the failure, as MkDocs says it.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s", stream=sys.stderr)
    config_file, site_url, language, docs_dir, site_root = argv
    settings = in_language(read_settings(Path(config_file), site_url), language)
    try:
        render_language(settings, Path(docs_dir), Path(site_root))
    except Exception as exc:  # said to the parent, which says it in its own words
        print(exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    import properdocs.replacement  # noqa: F401  - from here on, every mkdocs.* module of this process is ProperDocs'

    sys.exit(_main(sys.argv[1:]))
