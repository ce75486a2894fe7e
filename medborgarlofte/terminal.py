"""What the commands print: text from content and file names that can steer neither a terminal nor GitHub's runner.

A file name or a field may hold escape sequences (ANSI colours, cursor moves, a title bar), carriage returns that
overwrite a line, or bidi controls that reorder it; they are printed as visible \\u escapes. In a workflow's log
(check --format github) a line that begins with '::' or holds '##[' anywhere is read by the runner as a workflow
command, so there those are written as percent escapes, as the runner's own escaping writes ':' and '['.
"""

from __future__ import annotations

import io
import re
import secrets
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

# C0 but tab and line break, DEL, C1 (ESC and CSI start every ANSI sequence), bidi embeddings, overrides and isolates.
_STEERING = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(text: str) -> str:
    """text as a terminal shows it without being steered by it."""
    return _STEERING.sub(lambda found: f"\\u{ord(found.group()):04x}", text)


def inert(line: str) -> str:
    """One line of a workflow's log, shown, that the runner cannot read as a workflow command."""
    line = shown(line)
    stripped = line.lstrip()
    if stripped.startswith("::"):
        line = line[: len(line) - len(stripped)] + "%3A" + stripped[1:]
    return line.replace("##[", "##%5B")


class Guarded(io.TextIOBase):
    """A stream that writes each whole line made safe; workflow commands of our own are written as they are."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.workflow = False
        self._pending = ""

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self.stream.encoding

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    def write(self, text: str) -> int:
        self._pending += text
        *lines, self._pending = self._pending.split("\n")
        for line in lines:
            self.stream.write((inert(line) if self.workflow else shown(line)) + "\n")
        return len(text)

    def flush(self) -> None:
        if self._pending:
            self.stream.write(inert(self._pending) if self.workflow else shown(self._pending))
            self._pending = ""
        self.stream.flush()

    def command(self, line: str) -> None:
        self.flush()
        self.stream.write(line + "\n")
        self.stream.flush()


@contextmanager
def guarded() -> Iterator[None]:
    """Everything printed to standard output and error, made safe, while the block runs."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Guarded(out), Guarded(err)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        sys.stdout, sys.stderr = out, err


def command(line: str) -> None:
    """A workflow command of our own, whose data the caller has escaped."""
    if isinstance(sys.stdout, Guarded):
        sys.stdout.command(line)
    else:
        print(line, flush=True)


@contextmanager
def workflow_log() -> Iterator[None]:
    """A workflow's log: the runner reads no command from what is printed in the block (stop-commands, with a token no
    content can know), and each line is made inert besides."""
    token = secrets.token_hex(16)
    command(f"::stop-commands::{token}")
    streams = [stream for stream in (sys.stdout, sys.stderr) if isinstance(stream, Guarded)]
    for stream in streams:
        stream.workflow = True
    try:
        yield
    finally:
        sys.stderr.flush()
        for stream in streams:
            stream.workflow = False
        command(f"::{token}::")


# The annotations and summaries of a run on GitHub's runner (check and index, --format github).
def workflow_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's toolkit does, and shown as a terminal shows it."""
    return shown(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def workflow_property(text: str) -> str:
    return workflow_data(text).replace(":", "%3A").replace(",", "%2C")


def table_cell(text: str) -> str:
    """A text in a Markdown table cell: its own pipes and line breaks cannot end the cell, and it is no markup."""
    return re.sub(r"([\\`*_\[\]<>|~])", r"\\\1", " ".join(text.split()))


def counted(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
