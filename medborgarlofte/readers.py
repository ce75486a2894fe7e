"""Read content files into plain data, remembering the line on which every field stands."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ContentError, field_path

Loc = tuple[str | int, ...]

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, leaving dates as text so that the schema checks them and names the field."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class Document:
    """One file's data, the line of each field (by its path in the data) and, for Markdown, its body."""

    path: str
    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 0  # the line of the file on which the body begins

    def line(self, loc: Loc) -> int:
        """The line of the field at loc, or of the nearest enclosing field that exists."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1

    def error(self, loc: Loc, message: str) -> ContentError:
        return ContentError(self.path, self.line(loc), field_path(loc), message)


class ReadError(Exception):
    def __init__(self, error: ContentError):
        self.error = error


def read_yaml(path: Path, shown_as: str) -> Document:
    text = _read_text(path, shown_as)
    data, lines = _parse(text, shown_as, first_line=1)
    return Document(shown_as, data, lines)


def read_markdown(path: Path, shown_as: str) -> Document:
    """A Markdown file that opens with YAML front matter between two '---' lines."""
    text = _read_text(path, shown_as)
    rows = text.split("\n")
    if rows[0].rstrip() != "---":
        raise ReadError(ContentError(shown_as, 1, "-", "filen ska börja med front matter: en rad med '---' (förväntade '---' på rad 1)"))
    for number, row in enumerate(rows[1:], start=2):
        if row.rstrip() == "---":
            front_matter = "\n".join(rows[1 : number - 1])
            data, lines = _parse(front_matter, shown_as, first_line=2)
            body = "\n".join(rows[number:])
            skipped = len(body) - len(body.lstrip("\n"))
            return Document(shown_as, data, lines, body=body.strip() + "\n", body_line=number + 1 + skipped)
    raise ReadError(ContentError(shown_as, 1, "-", "front matter avslutas aldrig (förväntade en rad med '---' efter fälten)"))


def _read_text(path: Path, shown_as: str) -> str:
    raw = path.read_bytes()
    if raw.startswith(b"\xef\xbb\xbf"):
        raise ReadError(ContentError(shown_as, 1, "-", "filen börjar med ett osynligt BOM-tecken (spara den som UTF-8 utan BOM)"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ReadError(ContentError(shown_as, line, "-", "filen är inte i teckenkodningen UTF-8 (spara den som UTF-8)")) from None
    if not text.strip():
        raise ReadError(ContentError(shown_as, 1, "-", "filen är tom (förväntade fält med värden)"))
    return text.replace("\r\n", "\n")


def _parse(text: str, shown_as: str, first_line: int) -> tuple[Any, dict[Loc, int]]:
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        raise ReadError(ContentError(shown_as, line, "-", _explain_yaml(exc))) from None
    except yaml.YAMLError as exc:
        raise ReadError(ContentError(shown_as, first_line, "-", f"ogiltig YAML: {exc}")) from None
    finally:
        loader.dispose()
    if node is None:
        raise ReadError(ContentError(shown_as, first_line, "-", "inga fält (förväntade fält med värden)"))
    lines: dict[Loc, int] = {}
    duplicates: list[ContentError] = []
    _walk(node, (), first_line, lines, duplicates, shown_as)
    if duplicates:
        raise ReadError(duplicates[0])
    return data, lines


def _walk(node: yaml.Node, loc: Loc, first_line: int, lines: dict[Loc, int], duplicates: list, shown_as: str) -> None:
    lines.setdefault(loc, first_line + node.start_mark.line)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = first_line + key_node.start_mark.line
            if key in seen:
                duplicates.append(ContentError(shown_as, line, field_path(loc + (key,)), f"fältet står redan på rad {seen[key]} (förväntade varje fält en gång)"))
            seen[key] = line
            lines[loc + (key,)] = line
            _walk(value_node, loc + (key,), first_line, lines, duplicates, shown_as)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, loc + (index,), first_line, lines, duplicates, shown_as)


def _explain_yaml(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    if "tab" in problem or "\t" in problem:
        return "tabbtecken kan inte användas för indrag (använd mellanslag)"
    if problem.startswith("mapping values are not allowed"):
        return "kolon följt av mellanslag mitt i ett värde (sätt texten inom citattecken: \"Obs: så här\")"
    context = f", {exc.context}" if exc.context else ""
    return f"ogiltig YAML: {problem}{context} (kontrollera indrag, kolon och citattecken)"
