"""`serve`: a local preview, drafts and scheduled posts included, rebuilt whenever content or the site's own files change.

The preview lives in a folder of its own (.medborgarlofte/preview), so that it never touches docs/ or
the published site, and a build may run beside it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import stat
import sys
import threading
import time
from pathlib import Path
from typing import Any

from ..errors import ContentErrors
from ..generators import GENERATED
from ..generators.cards import NoTextLayout
from ..project import read_caches
from ..rendering import Preview, RenderFailed
from ..settings import THEME
from ..structure import today_in_sweden
from ..writers import WORK, Busy, locked
from . import NO_TEXT_LAYOUT
from .build import build_preview

TEMPLATES = Path(__file__).parent.parent / "templates"


def run(content_dir: Path, shown_as: str, config_file: Path, port: int, rounds: int | None = None) -> int:
    project = config_file.parent
    try:
        with locked(
            project / WORK,
            "preview",
            "",
            "En förhandsvisning körs redan från den här mappen. Stäng den först (Ctrl+C i dess fönster).",
            wait=0,
        ):
            return _serve(content_dir, shown_as, config_file, port, rounds)
    except Busy as exc:
        print(exc, file=sys.stderr)
        return 1


def _serve(content_dir: Path, shown_as: str, config_file: Path, port: int, rounds: int | None) -> int:
    site = config_file.parent / WORK / "preview" / "site"
    try:
        server = _PreviewServer(("127.0.0.1", port), functools.partial(_QuietHandler, directory=str(site)))
    except OSError:
        print(f"Porten {port} är upptagen. Välj en annan, till exempel --port {port + 1}.", file=sys.stderr)
        return 1

    preview = Preview()
    read_caches(config_file.parent / WORK)  # what the last build drew and compiled: the preview does only what changed

    def rebuild(whole: bool = True) -> None:
        try:
            build_preview(content_dir, shown_as, config_file, today_in_sweden(), preview, whole)
            print(f"Förhandsvisningen är uppdaterad: http://127.0.0.1:{port}/", flush=True)
        except ContentErrors as exc:
            print(exc, file=sys.stderr, flush=True)
            print("Förhandsvisningen visar det senaste som gick att bygga.", file=sys.stderr, flush=True)
        except RenderFailed as exc:
            print(exc, file=sys.stderr, flush=True)
        except NoTextLayout:
            print(NO_TEXT_LAYOUT, file=sys.stderr, flush=True)

    watched = _watched(content_dir, config_file)
    try:
        seen = _snapshot(watched)  # before the first build, so that a save during it is not missed
        rebuild()
        threading.Thread(target=server.serve_forever, daemon=True).start()
        print("Stäng med Ctrl+C.", flush=True)
        while rounds is None or rounds > 0:
            time.sleep(0.5)
            rounds = None if rounds is None else rounds - 1
            now = _snapshot(watched)
            if now != seen:
                # Content changes generated pages alone; anything else (a template, the theme, mkdocs.yml) may change every page.
                touched = {path for path in now.keys() | seen.keys() if now.get(path) != seen.get(path)}
                seen = now
                rebuild(whole=not all(Path(path).is_relative_to(content_dir) for path in touched))
    except KeyboardInterrupt:
        print("Förhandsvisningen är stängd.", file=sys.stderr)
        return 130
    finally:
        server.shutdown()
        server.server_close()
    return 0


def _watched(content_dir: Path, config_file: Path) -> list[Path]:
    """Content, the hand-written pages, the engine's theme and page templates (changed while working on the engine), and mkdocs.yml."""
    return [content_dir, config_file.parent / "docs", THEME, TEMPLATES, config_file]


def _snapshot(paths: list[Path]) -> dict[str, tuple[int, int]]:
    """Each file's change time and size: polling works the same on every machine and in every editor."""
    found = {}
    for path in paths:
        files = [path] if path.is_file() else path.rglob("*") if path.is_dir() else []
        for file in files:
            if GENERATED in file.relative_to(path).parts[:1]:
                continue
            try:
                info = file.stat()
            except OSError:  # removed while we looked
                continue
            if stat.S_ISREG(info.st_mode):
                found[str(file)] = (info.st_mtime_ns, info.st_size)
    return found


class _PreviewServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that closes a page before it has all of it is no error of the preview's."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # the standard library's name
        pass


HELP = "förhandsvisa sajten lokalt, med utkast; byggs om när innehållet ändras"


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="porten på 127.0.0.1 (standard: 8000)")


def main(args: argparse.Namespace) -> int:
    return run(Path(args.content), args.content, Path(args.config), args.port)
