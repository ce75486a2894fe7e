"""`edit`: the web editor on this computer: the built site on 127.0.0.1, its /admin/ saving into content/ through decap-server."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
from pathlib import Path

from .. import editor
from ..settings import read_settings
from . import build


def run(content_dir: Path, shown_as: str, config_file: Path, port: int) -> int:
    settings = read_settings(config_file)
    if settings.editor is None:
        print(f"{config_file}: extra.editor saknas, så sajten har ingen redigerare (README: Redigera i webbläsaren).", file=sys.stderr)
        return 1
    # decap-server needs Node.js: said before anything is built.
    node = shutil.which("node")
    if node is None or shutil.which("npm") is None:
        print(editor.NO_NODE, file=sys.stderr)
        return 1
    if (code := build.run(content_dir, shown_as, config_file)) != 0:
        return code
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(settings.site_dir)))
    except OSError:
        print(f"Porten {port} är upptagen. Välj en annan, till exempel --port {port + 1}.", file=sys.stderr)
        return 1
    # decap-server writes into the site's folder, where the content folder is.
    project = config_file.parent.resolve()
    saver = subprocess.Popen([node, str(editor.decap_server())], cwd=project, env={**os.environ, "GIT_REPO_DIRECTORY": str(project)})
    print(f"Öppna http://127.0.0.1:{port}/admin/ och välj Logga in. Det du sparar hamnar i {shown_as}/. Avsluta med Ctrl+C.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        return 130
    finally:
        saver.terminate()
        saver.wait()
        server.server_close()
    return 0
