"""`serve`: a local preview, drafts and scheduled posts included, rebuilt whenever something under content/ changes."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import time
from pathlib import Path

from mkdocs.exceptions import MkDocsException

from ..errors import ContentErrors
from ..structure import today_in_sweden
from .build import build


def run(content_dir: Path, shown_as: str, config_file: Path, site_dir: Path, port: int, rounds: int | None = None) -> int:
    def rebuild() -> None:
        try:
            build(content_dir, shown_as, config_file, site_dir, today_in_sweden(), preview=True)
            print(f"Förhandsvisningen är uppdaterad: http://127.0.0.1:{port}/", flush=True)
        except ContentErrors as exc:
            print(exc, file=sys.stderr, flush=True)
            print("Förhandsvisningen visar det senaste som gick att bygga.", file=sys.stderr, flush=True)
        except MkDocsException as exc:
            print(f"MkDocs kunde inte bygga sajten: {exc}", file=sys.stderr, flush=True)

    rebuild()
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print("Stäng med Ctrl+C.", flush=True)
    seen = _snapshot(content_dir)
    try:
        while rounds is None or rounds > 0:
            time.sleep(0.5)
            rounds = None if rounds is None else rounds - 1
            now = _snapshot(content_dir)
            if now != seen:
                seen = now
                rebuild()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
    return 0


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Each file's change time and size: polling works the same on every machine and in every editor."""
    return {str(p): (p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*") if p.is_file()}


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass
