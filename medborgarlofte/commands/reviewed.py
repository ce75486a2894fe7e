"""`reviewed`: a translator says that translations were checked against their originals as the originals are now.

For each translated text of the files named (or of every file in the folders named), the fingerprint of the original's
text is written into the translation (translated.SOURCE), in place of any fingerprint it had. The rest of the file stays
as the translator wrote it, comments included. From then on, a change to the original makes the translation outdated.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import yaml

from .. import translated
from ..contents import load
from ..errors import ContentErrors
from ..settings import read_settings
from ..structure import TRANSLATABLE
from ..writers import write_text_atomically

_MARKDOWN_FRONT = re.compile(r"\A(---\n)(.*?\n)(---\n)", re.DOTALL)


def run(content_dir: Path, shown_as: str, paths: list[Path], language: str) -> int:
    try:
        content = load(content_dir, shown_as, language=language)
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.errors)} fel i {shown_as}: rätta dem först. Inget har skrivits.", file=sys.stderr)
        return 1
    root = (content_dir / translated.FOLDER).resolve()
    problems = [
        f"{path}: ingen översättning (förväntade en fil eller mapp under {shown_as}/{translated.FOLDER}/)"
        for path in paths
        if not path.exists() or not path.resolve().is_relative_to(root)
    ]
    files = sorted(
        {
            file
            for path in paths
            if not problems
            for file in ([path] if path.is_file() else path.rglob("*"))
            if file.suffix in (".yaml", ".md") and len(file.resolve().relative_to(root).parts) >= 2
        }
    )  # a language's folder, then its files
    if problems or not files:
        for problem in problems or [f"{', '.join(map(str, paths))}: inga översättningsfiler"]:
            print(f"reviewed: {problem}", file=sys.stderr)
        return 2
    originals = translated.originals(content)
    for file in files:
        recorded = _record(file, file.resolve().relative_to(root).parts[1:], originals)
        shown = ", ".join(f"{item}: {', '.join(fields)}" if item else ", ".join(fields) for item, fields in recorded)
        print(f"Granskad mot originalet: {file} ({shown or 'inga texter'})")
    return 0


def _record(file: Path, parts: tuple[str, ...], originals: dict[str, dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """Write the originals' fingerprints into one translation file; what was recorded, by item (none for a file of one item)."""
    kind = parts[0]
    model = next(model for model, name in translated.FILES.items() if name == kind)
    text = file.read_text(encoding="utf-8")
    if kind.endswith(".yaml"):  # a registry: every item of actors.yaml or themes.yaml in one file
        data = yaml.safe_load(text) or {}
        recorded = []
        for item_id, texts in data.items():
            marks = _marks(texts or {}, originals[kind].get(item_id), model)
            text = _with_marks(text, marks, item_id)
            recorded.append((str(item_id), list(marks)))
        write_text_atomically(file, text)
        return recorded
    item_id = file.stem
    front = _MARKDOWN_FRONT.match(text) if file.suffix == ".md" else None
    head = front.group(2) if front else text
    texts = yaml.safe_load(head) or {}
    if front and text[front.end() :].strip():
        texts["body"] = text[front.end() :]
    marks = _marks(texts, originals[kind].get(item_id), model)
    head = _with_marks(head, marks, None)
    write_text_atomically(file, f"{front.group(1)}{head}{front.group(3)}{text[front.end() :]}" if front else head)
    return [("", list(marks))]


def _marks(texts: dict[str, Any], original: Any, model: type) -> dict[str, str]:
    """The fingerprint of each original text that the translation gives."""
    return {
        name: translated.fingerprint(getattr(original, name))
        for name in TRANSLATABLE[model]
        if texts.get(name) and original is not None and getattr(original, name)
    }


def _with_marks(text: str, marks: dict[str, str], item_id: str | None) -> str:
    """The YAML text with its fingerprints block (of the item, in a registry) written anew at the block's end."""
    lines = text.splitlines(keepends=True)
    start, end, indent = 0, len(lines), ""
    if item_id is not None:
        start = (
            next(n for n, line in enumerate(lines) if re.match(rf"^['\"]?{re.escape(str(item_id))}['\"]?\s*:", line))
            + 1
        )
        end = next((n for n in range(start, len(lines)) if lines[n].strip() and not lines[n][0].isspace()), len(lines))
        indent = next(
            (
                line[: len(line) - len(line.lstrip())]
                for line in lines[start:end]
                if line.strip() and not line.lstrip().startswith("#")
            ),
            "  ",
        )
    block = [n for n in range(start, end) if re.match(rf"^{indent}{translated.SOURCE}\s*:", lines[n])]
    if block:
        first = block[0]
        last = next(
            (
                n
                for n in range(first + 1, end)
                if lines[n].strip() and len(lines[n]) - len(lines[n].lstrip()) <= len(indent)
            ),
            end,
        )
        del lines[first:last]
        end -= last - first
    while end > start and not lines[end - 1].strip():
        end -= 1
    if end and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    # Quoted: a fingerprint of digits alone would otherwise be read as a number.
    new = (
        [f"{indent}{translated.SOURCE}:\n", *(f'{indent}  {name}: "{value}"\n' for name, value in marks.items())]
        if marks
        else []
    )
    return "".join(lines[:end] + new + lines[end:])


HELP = "skriv in i översättningarna att de är granskade mot originalen som de är nu"


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="FIL", help="översättningsfiler eller mappar under content/translations/SPRÅK/"
    )


def main(args: argparse.Namespace) -> int:
    language = read_settings(Path(args.config)).language
    return run(Path(args.content), args.content, [Path(path) for path in args.paths], language)
