"""Templates compiled once: every environment that reads our templates or the theme's finds them here.

A build keeps them on disk between runs (read and written by the build command, never while rendering), so
that a template is compiled again only when it changes.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Templates compiled once for all the languages of a build: each language's environment finds them here.

    Jinja keys a compiled template by its name and the checksum of its source, so a changed template is compiled again.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}
        self._new: set[str] = set()  # compiled in this process, not yet written

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
        self._new.add(bucket.key)

    def read(self, folder: Path) -> None:
        """What an earlier build compiled. Jinja checks each against its template's source, and its Python's version."""
        if folder.is_dir():
            for path in folder.glob("*.jinja"):
                self._compiled.setdefault(path.stem, path.read_bytes())

    def write(self, folder: Path) -> None:
        """What this process compiled, for the next build."""
        folder.mkdir(parents=True, exist_ok=True)
        for key in sorted(self._new):
            (folder / f"{key}.jinja").write_bytes(self._compiled[key])
        self._new.clear()


COMPILED = CompiledTemplates()
