"""Content errors: every problem names the file, the line, the field and what was expected."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

WHOLE_FILE = "-"  # the field of a problem that is the file's, or a line's that holds no field


@dataclass(frozen=True, order=True)
class ContentError:
    path: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # A problem of the whole file, or of a line that is no field, names no field.
        return (
            f"{self.path}:{self.line}: {self.message}"
            if self.field == WHOLE_FILE
            else f"{self.path}:{self.line}: {self.field}: {self.message}"
        )


class ContentErrors(Exception):
    """Raised once, after all content has been read, with every problem found; its text is one problem per line."""

    def __init__(self, errors: Iterable[ContentError]):
        self.errors = tuple(sorted(set(errors)))
        super().__init__("\n".join(map(str, self.errors)))


def field_path(loc: Iterable[str | int]) -> str:
    """('history', 1, 'date') -> 'history[2].date'; list positions are counted from 1 for people."""
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "-"


def did_you_mean(value: object, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(str(value), list(options), n=1, cutoff=0.6)
    return f"; menade du '{close[0]}'?" if close else ""


def one_of(value: object, options: Iterable[str]) -> str:
    options = list(options)
    return f"förväntade en av: {', '.join(options)}{did_you_mean(value, options)}"
