#!/usr/bin/env python3
"""Entry point: `python3 scripts/build_pages.py check|build|serve|edit|new|schema`.

Run with any Python 3: when the libraries are not importable here, the command runs again in the
project's environment (.venv, made by `make site`), so that the README's commands work as written.
"""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_PYTHON = ROOT / ".venv" / "bin" / "python"
sys.path.insert(0, str(ROOT))

try:
    from medborgarlofte.cli import main
except ModuleNotFoundError as missing:
    if VENV_PYTHON.exists() and Path(sys.prefix).resolve() != VENV_PYTHON.parent.parent.resolve():
        os.execv(VENV_PYTHON, [str(VENV_PYTHON), __file__, *sys.argv[1:]])
    print(
        f"Det som behövs för att bygga sajten är inte installerat ({missing.name} saknas). "
        f"Kör först: make site (i {ROOT})",
        file=sys.stderr,
    )
    sys.exit(1)

# The share cards are drawn by workers that each import this file anew (multiprocessing's spawn): only a run of it builds.
if __name__ == "__main__":
    sys.exit(main())
