"""`new`: start an update, or add a dated status change, with the fields already filled in correctly."""

from __future__ import annotations

import argparse
import json
import posixpath
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .. import addresses as at
from ..contents import load
from ..errors import ContentErrors, one_of
from ..languages import words
from ..readers import typed_line_problem
from ..settings import read_settings
from ..structure import MAX_LINE, Content, today_in_sweden
from ..vocabulary import KINDS, STATUSES

_FRONT_MATTER = """---
title: {title}
date: {day}
kind: {kind}
summary: Skriv en sammanfattning i en eller två meningar.
actors: [{actors}]
commitments: [{commitments}]
draft: true
{example}{dialogue}---
{body}
"""
_DIALOGUE = """dialogue:
  held: {day} 18:00
  place: Skriv var mötet hölls
  form: dialogmöte
  participants: 0
  groups: [boende]
  points:
    - raised: Skriv vad som togs upp (Ni sa).
      response: Skriv vad aktörerna gör (Vi gör).
      commitments: []
"""


def new_update(
    content_dir: Path,
    shown_as: str,
    kind: str,
    title: str,
    today: date,
    digest: bool,
    language: str,
    example: bool = False,
) -> int:
    if kind not in KINDS:
        return _fail(f"okänd typ '{kind}' ({one_of(kind, (*KINDS, 'status'))})")
    if (wrong := typed_line_problem(title, MAX_LINE)) is not None:
        return _fail(f"rubriken {title[:80]!r}: {wrong}. Inget har skrivits.")
    content = _load(content_dir, shown_as)
    if content is None:
        return 1
    if digest and kind != "informationsbrev":
        return _fail("--digest går bara med informationsbrev")
    found = letter_digest(content, today, language) if digest else Digest("Skriv texten här.", (), (), example=False)
    folder = content_dir / "updates"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{today.isoformat()}-{_slug(title)}.md"
    if path.exists():
        return _fail(f"{shown_as}/updates/{path.name} finns redan (öppna den filen, eller välj en annan rubrik)")
    dialogue = _DIALOGUE.format(day=today.isoformat()) if KINDS[kind].has_dialogue else ""
    text = _FRONT_MATTER.format(
        title=json.dumps(title, ensure_ascii=False),
        day=today.isoformat(),
        kind=kind,
        dialogue=dialogue,
        body=found.text,
        actors=", ".join(found.actors),
        commitments=", ".join(found.commitments),
        example="example: true\n" if found.example or example else "",
    )
    path.write_text(text, encoding="utf-8")
    try:  # what new writes, check accepts: else nothing stays written
        load(content_dir, shown_as)
    except ContentErrors as exc:
        path.unlink()
        print(exc, file=sys.stderr)
        return _fail("uppdateringen sparades inte")
    print(f"{shown_as}/updates/{path.name}")
    print("Fyll i sammanfattning, aktörer och text. Ta bort raden 'draft: true' när texten ska publiceras.")
    return 0


def new_status(
    content_dir: Path,
    shown_as: str,
    commitment_id: str,
    status: str,
    note: str,
    today: date,
    day: str | None = None,
    ask: Callable[[str], str] | None = None,
    example: bool = False,
) -> int:
    """A status change of the day it happened: day (ÅÅÅÅ-MM-DD), or today; for a promise that has ended, the day is
    asked for in a terminal and required elsewhere, for today is then seldom the day it happened. example: it is an
    invented one (example: true), written inside the entry, where adding the line by hand is easy to get wrong."""
    if status not in STATUSES:
        return _fail(f"okänd status '{status}' ({one_of(status, STATUSES)})")
    happened = None
    if day is not None and (happened := _day(day, today)) is None:
        return _fail(f"--date: fick {day!r} (förväntade dagen det hände, ÅÅÅÅ-MM-DD, i dag eller tidigare)")
    content = _load(content_dir, shown_as)
    if content is None:
        return 1
    if commitment_id not in content.commitments:
        return _fail(f"okänt åtagande '{commitment_id}' ({one_of(commitment_id, content.commitments)})")
    ended = content.periods[content.commitments[commitment_id].period].end
    while happened is None and ended < today and ask is not None:
        happened = _day(ask(f"Löftet slutade {ended.isoformat()}. Vilken dag hände det? (ÅÅÅÅ-MM-DD): ").strip(), today)
    if happened is None and ended < today:
        return _fail(
            f"löftet som '{commitment_id}' hör till slutade {ended.isoformat()}, så i dag är sällan dagen det hände "
            f"(ange dagen med --date ÅÅÅÅ-MM-DD, t.ex. --date {ended.isoformat()})"
        )
    today = happened or today
    current = content.commitments[commitment_id].status
    if current and current.status == status and not note:
        return _fail(
            f"'{commitment_id}' har redan status {status} (skriv en kommentar om vad som är nytt, t.ex. new status {commitment_id} {status} \"Halva arbetet är klart.\")"
        )
    path = next(p for p in (content_dir / "commitments").rglob("*.y*ml") if p.stem == commitment_id)
    before = path.read_text(encoding="utf-8")
    entry = (
        [f"date: {today.isoformat()}", f"status: {status}"]
        + ([f"note: {json.dumps(note, ensure_ascii=False)}"] if note else [])
        + (["example: true"] if example else [])
    )
    path.write_text(_append_history(before, entry), encoding="utf-8")
    try:
        load(content_dir, shown_as)
    except ContentErrors as exc:
        path.write_text(before, encoding="utf-8")
        print(exc, file=sys.stderr)
        return _fail("statusändringen sparades inte")
    written = f"{shown_as}/commitments/{path.relative_to(content_dir / 'commitments').as_posix()}"
    if current and current.status == status:
        # A repeated status is a note on it: the site goes on saying since when the status holds.
        since = content.commitments[commitment_id].since()
        print(
            f"{written}: en notering om status {status}, som gäller sedan {since.isoformat() if since else today.isoformat()}"
        )
    else:
        print(f"{written}: {status} från {today.isoformat()}" + (" (påhittat exempel)" if example else ""))
    return 0


def _append_history(text: str, entry: list[str]) -> str:
    """Add an entry at the end of the history list, keeping the rest of the file, comments included, as it was."""
    lines = text.rstrip("\n").split("\n")
    start = next((i for i, line in enumerate(lines) if re.match(r"history\s*:", line)), None)
    if start is None or re.match(r"history\s*:\s*\[\s*\]\s*$", lines[start]):
        lines = [line for i, line in enumerate(lines) if i != start] + ["history:"]
        start = len(lines) - 1
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].startswith((" ", "-", "#"))):
        end += 1
    while end - 1 > start and not lines[end - 1].strip():
        end -= 1
    items = [line for line in lines[start + 1 : end] if line.lstrip().startswith("- ")]
    indent = (len(items[0]) - len(items[0].lstrip())) if items else 2
    block = [" " * indent + "- " + entry[0]] + [" " * (indent + 2) + field for field in entry[1:]]
    return "\n".join(lines[:end] + block + lines[end:]) + "\n"


@dataclass(frozen=True)
class Digest:
    """What a new letter starts from: the text, and the actors and commitments it tells about."""

    text: str
    actors: tuple[str, ...]
    commitments: tuple[str, ...]
    example: bool  # something in it is an invented example, so the letter must be labelled as one too


def letter_digest(content: Content, today: date, language: str) -> Digest:
    """Everything that changed since the previous letter, grouped by actor, for the editor to rewrite."""

    def _day(day: date) -> str:
        return words(language).dated(day, "d MMMM y")

    def _link(target: str) -> str:
        """A link as the letter's text writes it: relative to the letter's own page."""
        return posixpath.relpath(target, posixpath.dirname(at.update("brev")))

    def _marked(line: str, example: bool) -> str:
        return f"- *Exempel:* {line}" if example else f"- {line}"

    letters = [
        u.date.date()
        for u in content.updates
        if u.kind == "informationsbrev" and not u.draft and u.date.date() <= today
    ]
    since = max(letters, default=date.min)
    by_actor: dict[str, list[str]] = defaultdict(list)
    commitments: list[str] = []
    examples = False
    for c in content.commitments.values():
        link = f"[{c.title}]({_link(at.commitment(c.id))})"
        lines = [
            (
                f"{link}: {entry.status} från {_day(entry.date)}." + (f" {entry.note}" if entry.note else ""),
                c.example or entry.example,
            )
            for entry in c.history
            if since < entry.date <= today
        ]
        lines += [
            (
                f"{link}: {activity.text}"
                + (f": {activity.count}" if activity.count is not None else "")
                + f", {_day(activity.date)}.",
                c.example or activity.example,
            )
            for activity in c.activities
            if since < activity.date <= today
        ]
        if lines:
            by_actor[c.actors[0]] += [_marked(line, example) for line, example in lines]
            commitments.append(c.id)
            examples = examples or any(example for _, example in lines)
    dialogues = [u for u in content.updates if u.dialogue and since < u.date.date() <= today and not u.draft]
    examples = examples or any(u.example for u in dialogues)
    intro = (
        f"Det här har hänt sedan förra informationsbrevet ({_day(since)})." if letters else "Det här har hänt hittills."
    )
    parts = [intro, "Skriv om texten med egna ord innan brevet publiceras."]
    for actor_id, actor in content.actors.items():
        if by_actor.get(actor_id):
            parts += [f"## {actor.name}", "\n".join(by_actor[actor_id])]
    if dialogues:
        parts += [
            "## Medborgardialoger",
            "\n".join(
                _marked(f"[{u.title}]({_link(at.update(u.id))}), {_day(u.date.date())}.", u.example) for u in dialogues
            ),
        ]
    if len(parts) == 2:
        parts.append("Inga statusändringar, aktiviteter eller dialoger har rapporterats sedan dess.")
    actors = [a for a in content.actors if by_actor.get(a)]
    actors += [a for u in dialogues for a in u.actors if a not in actors]
    return Digest("\n\n".join(parts), tuple(actors), tuple(commitments), examples)


def _slug(title: str) -> str:
    plain = title.lower().translate(str.maketrans("åäöéü", "aaoeu"))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:60].strip("-") or "uppdatering"


def _day(text: str, today: date) -> date | None:
    """A day that has been, written ÅÅÅÅ-MM-DD; None for anything else."""
    try:
        found = date.fromisoformat(text)
    except ValueError:
        return None
    return found if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) and found <= today else None


def _load(content_dir: Path, shown_as: str) -> Content | None:
    try:
        return load(content_dir, shown_as)
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        print("Rätta felen först: inget nytt har skrivits.", file=sys.stderr)
        return None


def _fail(message: str) -> int:
    print(f"new: {message}", file=sys.stderr)
    return 1


HELP = 'skapa en uppdatering: new KIND "Titel", eller en statusändring: new status ID STATUS "kommentar"'


def arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "kind", metavar="TYP", help="informationsbrev, medborgardialog, nyhet, uppföljning eller status"
    )
    parser.add_argument("words", nargs="+", metavar="TEXT", help='"Titel", eller ID STATUS "kommentar" för status')
    parser.add_argument(
        "--digest", action="store_true", help="fyll informationsbrevet med allt som hänt sedan förra brevet"
    )
    parser.add_argument(
        "--date",
        metavar="DAG",
        help="för en statusändring: dagen det hände, ÅÅÅÅ-MM-DD (standard: i dag; frågas för ett löfte som har slutat)",
    )
    parser.add_argument(
        "--example",
        action="store_true",
        help="märk det nya som ett påhittat exempel (example: true): sajten visar det som Exempel",
    )


def main(args: argparse.Namespace) -> int:
    content = Path(args.content)
    if args.kind == "status":
        if len(args.words) not in (2, 3):
            print(
                'new status: ange ID STATUS och en kommentar, t.ex. new status polisen-narvaro genomförd "Klart i maj."',
                file=sys.stderr,
            )
            return 2
        commitment, status, *note = args.words
        return new_status(
            content,
            args.content,
            commitment,
            status,
            note[0] if note else "",
            today_in_sweden(),
            args.date,
            ask=input if sys.stdin.isatty() else None,
            example=args.example,
        )
    language = read_settings(Path(args.config)).language
    return new_update(
        content, args.content, args.kind, " ".join(args.words), today_in_sweden(), args.digest, language, args.example
    )
