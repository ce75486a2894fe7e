#!/usr/bin/env python3
"""Entry point: `python scripts/build_pages.py check|build [--content DIR]`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from medborgarlofte.cli import main

sys.exit(main())
