"""ProperDocs, the maintained drop-in fork of MkDocs 1.6.1, as a renderer of the same pages with Material.

ProperDocs makes every `mkdocs.*` module its own once `properdocs.replacement` is imported, for the whole process. So
a language's site is rendered in a process of its own (`python -m medborgarlofte.engines.properdocs`), which imports it
first and then renders exactly as the MkDocs renderer does (engines/mkdocs.py): the same configuration, theme, strict
checks and escaping. The parent process, and MkDocs in it, are never touched. It renders a site in full only.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from . import LanguageSite, RenderFailed


def render(site: LanguageSite) -> None:
    """The language's site in full, by ProperDocs in a process of its own, told the site through a file."""
    # The engine's own folder first on the path: the process finds this engine, installed or in its repository.
    path = os.pathsep.join(filter(None, (str(Path(__file__).resolve().parents[2]), os.environ.get("PYTHONPATH"))))
    told = {
        "language": site.language,
        "config_file": str(site.config_file),
        "raw": dict(site.raw),
        "docs_dir": str(site.docs_dir),
        "site_dir": str(site.site_dir),
    }
    with tempfile.TemporaryDirectory(prefix="medborgarlofte-properdocs-") as folder:
        job = Path(folder) / "site.yml"
        job.write_text(yaml.safe_dump(told, allow_unicode=True, sort_keys=False), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", __name__, str(job)],
            capture_output=True,
            text=True,
            env={**os.environ, "NO_COLOR": "1", "PYTHONPATH": path},
        )
    if done.returncode:
        said = (done.stderr or done.stdout).split("Traceback (most recent call last):")[
            0
        ].strip() or done.stderr.strip().splitlines()[-1]
        raise RenderFailed(f"ProperDocs kunde inte bygga sajten på språket {site.language}:\n{said[-3000:]}")


def _main(job: Path) -> int:
    from . import mkdocs as family  # imported after ProperDocs took the place of MkDocs

    # What ProperDocs warns of (a broken link, in strict mode) goes to the parent with the failure, as MkDocs says it.
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s", stream=sys.stderr)
    told = yaml.safe_load(job.read_text(encoding="utf-8"))
    site = LanguageSite(
        told["language"], Path(told["config_file"]), told["raw"], Path(told["docs_dir"]), Path(told["site_dir"])
    )
    try:
        family.render(site)
    except RenderFailed as exc:  # said to the parent, which says it in its own words
        print(exc.__cause__ or exc, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    import properdocs.replacement  # noqa: F401  - from here on, every mkdocs.* module of this process is ProperDocs'

    sys.exit(_main(Path(sys.argv[1])))
