"""Content errors: every problem names the file, the line, the field and what was expected."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, get_args

from pydantic import BaseModel

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
        if part == "[key]":
            continue  # pydantic's mark of a mapping's key: the key itself is named already
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


# How a value's kind and a schema's expectation are said to the people who write content and settings.
_KINDS = {
    str: "text",
    bool: "sant/falskt",
    int: "ett tal",
    float: "ett tal",
    list: "en lista",
    dict: "fält med värden",
    type(None): "ett tomt värde",
}
_EXPECTED = {
    "string_type": "text",
    "int_type": "ett heltal",
    "int_from_float": "ett heltal",
    "float_type": "ett tal",
    "bool_type": "true eller false",
    "tuple_type": "en lista, en rad per post som börjar med '- '",
    "list_type": "en lista, en rad per post som börjar med '- '",
    "model_type": "fält med värden",
    "model_attributes_type": "fält med värden",
    "dict_type": "fält med värden",
}


def kind_of(value: object) -> str:
    return _KINDS.get(type(value), type(value).__name__)


def explained(problem: Mapping[str, Any], model: type[BaseModel]) -> str:
    """A pydantic error in the words of the people who write content: what is wrong (what was expected)."""
    kind, value, ctx = problem["type"], problem.get("input"), problem.get("ctx", {})
    if kind == "missing":
        return "saknas (obligatoriskt fält)"
    if kind == "extra_forbidden":
        allowed = _fields_at(model, tuple(problem["loc"])[:-1])
        return f"okänt fält (förväntade ett av: {', '.join(allowed)}{did_you_mean(problem['loc'][-1], allowed)})"
    if kind == "literal_error":
        options = re.findall(r"'([^']*)'", ctx.get("expected", ""))
        return f"okänt värde '{value}' ({one_of(value, options)})"
    if kind == "value_error":
        return str(ctx.get("error", problem["msg"]))
    if kind in _EXPECTED:
        return f"fick {kind_of(value)} (förväntade {_EXPECTED[kind]})"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        return f"{value} är för {'litet' if 'ge' in ctx else 'stort'} (förväntade {'minst' if 'ge' in ctx else 'högst'} {bound})"
    if kind == "string_too_long":
        return f"är {len(str(value))} tecken långt (förväntade högst {ctx.get('max_length')} tecken)"
    if kind == "string_too_short":
        return "är tomt (förväntade text)"
    if kind == "too_short":
        return f"har för få poster (förväntade minst {ctx.get('min_length')})"
    return str(problem["msg"])


def _fields_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    """The field names allowed at loc, as they are written (a field's alias where it has one), by following the model's
    annotations down the path."""
    for part in loc:
        named = {field.alias or name: field for name, field in model.model_fields.items()}
        if isinstance(part, int) or part not in named:
            continue
        model = _nested_model(named[part].annotation) or model
    return [field.alias or name for name, field in model.model_fields.items() if name not in ("id", "body")]


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _nested_model(arg)
        if found:
            return found
    return None
