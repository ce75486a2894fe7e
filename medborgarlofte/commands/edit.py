"""`edit`: the web editor on this computer: the built site on 127.0.0.1, its /admin/ saving into content/ through decap-server."""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from .. import addresses as at
from .. import editor
from ..settings import read_settings
from . import build


def run(content_dir: Path, shown_as: str, config_file: Path, port: int) -> int:
    settings = read_settings(config_file)
    if settings.editor is None:
        print(
            f"{config_file}: extra.editor saknas, så sajten har ingen redigerare (handbok/skriva-och-publicera.md: Redigera i webbläsaren).",
            file=sys.stderr,
        )
        return 1
    # decap-server needs Node.js: said before anything is built.
    node = shutil.which("node")
    if node is None or shutil.which("npm") is None:
        print(editor.NO_NODE, file=sys.stderr)
        return 1
    if (code := build.run(content_dir, shown_as, config_file)) != 0:
        return code
    # Both servers listen on this computer alone: whoever can reach the save server can write into the content.
    saver_port = _free_port()
    configured = yaml.safe_load((settings.site_dir / at.EDITOR_CONFIG).read_text(encoding="utf-8"))
    configured["local_backend"] = {"url": f"http://127.0.0.1:{saver_port}/api/v1", "allowed_hosts": ["127.0.0.1"]}
    handler = functools.partial(
        _Site,
        directory=str(settings.site_dir),
        replaced={f"/{at.EDITOR_CONFIG}": yaml.safe_dump(configured, allow_unicode=True).encode("utf-8")},
    )
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    except OSError:
        print(f"Porten {port} är upptagen. Välj en annan, till exempel --port {port + 1}.", file=sys.stderr)
        return 1
    # decap-server writes into the site's folder, where the content folder is.
    project = config_file.parent.resolve()
    saver = subprocess.Popen(
        [node, str(editor.decap_server())],
        cwd=project,
        env={**os.environ, "GIT_REPO_DIRECTORY": str(project), "BIND_HOST": "127.0.0.1", "PORT": str(saver_port)},
    )
    print(
        f"Öppna http://127.0.0.1:{port}/admin/ och välj Logga in. Det du sparar hamnar i {shown_as}/. Avsluta med Ctrl+C.",
        flush=True,
    )
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        return 130
    finally:
        saver.terminate()
        saver.wait()
        server.server_close()
    return 0


def _free_port() -> int:
    """A port on 127.0.0.1 that nothing listens on now, for the save server."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class _Site(http.server.SimpleHTTPRequestHandler):
    """The built site, with the editor's configuration naming this run's save server (the built file is left as it is)."""

    def __init__(self, *args: Any, replaced: dict[str, bytes], **kwargs: Any) -> None:
        self.replaced = replaced
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        body = self.replaced.get(self.path.split("?", 1)[0])
        if body is None:
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/yaml; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


HELP = "redigeraren på den här datorn: sajten på 127.0.0.1 och /admin/, som sparar i innehållsmappen"


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--port", type=int, default=8000, help="porten på 127.0.0.1 (standard: 8000)")


def main(args: argparse.Namespace) -> int:
    return run(Path(args.content), args.content, Path(args.config), args.port)
