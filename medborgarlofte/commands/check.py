"""`check`: validate the content and print a short summary, or every problem found."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from urllib.parse import urlparse

from .. import translated
from ..contents import load
from ..errors import ContentError, ContentErrors
from ..plainlanguage import hardest_sentences, lix
from ..readers import read_markdown
from ..settings import Settings, language_name
from ..structure import Content


def run(content_dir: Path, shown_as: str, settings: Settings, config_shown_as: str) -> int:
    warnings: list[ContentError] = []
    try:
        content = load(content_dir, shown_as, warnings, language=settings.language)
    except ContentErrors as exc:
        print(exc, file=sys.stderr)
        print(f"{len(exc.errors)} fel i {shown_as}. Inget har skrivits.", file=sys.stderr)
        return 1
    print(summary(content, shown_as))
    print(readability(content, settings.lix_limit, content_dir, shown_as))
    for line in untranslated(content, [entry.code for entry in settings.languages[1:]], content_dir, shown_as):
        print(line)
    if is_placeholder(settings.url):
        print(f"varning: {config_shown_as}: site_url: {settings.url} är en platshållare (skriv sajtens riktiga adress; den står i flöden, öppna data och kalendern)")
    for warning in sorted(warnings):
        print(f"varning: {warning}")
    return 0


def is_placeholder(url: str) -> bool:
    """An address from the engine's example configuration, or one reserved for examples (RFC 2606)."""
    host = urlparse(url).hostname or ""
    return host == "example.github.io" or host.endswith(".example") or host in ("example.com", "example.org", "example.net")


def readability(content: Content, limit: int, content_dir: Path, shown_as: str) -> str:
    """LIX of each update's summary and text; below 40 is easy, over 50 hard (klarspråk). Over the limit, the hardest sentences and their lines."""
    lines = [f"Läsbarhet (LIX, varning över {limit}):"]
    for update in content.updates:
        score = lix(f"{update.summary}\n\n{update.body}")
        grade = "" if score is None else "lättläst" if score < 40 else "medelsvår" if score <= 50 else "svår"
        warning = f"  varning: över {limit}, skriv enklare" if score is not None and score > limit else ""
        lines.append(f"  {update.id}: {score if score is not None else '-'} ({grade}){warning}")
        if warning:
            path = next((content_dir / "updates").rglob(f"{update.id}.md"))
            shown = f"{shown_as}/{path.relative_to(content_dir).as_posix()}"
            body_line = read_markdown(path, shown).body_line
            lines += [f"    {shown}:{body_line + s.line}: LIX {s.score}: {s.text}" for s in hardest_sentences(update.body)]
    return "\n".join(lines)


def untranslated(content: Content, languages: list[str], content_dir: Path, shown_as: str) -> list[str]:
    """Information, not errors: how much of the content each other language has, and each text it lacks."""
    lines = []
    for language in languages:
        done, total = translated.share_translated(content, language)
        name = language_name(language, "sv")
        lines.append(f"Översatt till {name} ({language}): {done} av {total} texter. Det som saknas visas på svenska, med en upplysning om det.")
        folder = f"{shown_as}/{translated.FOLDER}/{language}"
        for file, item_id, fields in translated.missing(content, language):
            where = f"{file}: {item_id}" if file.endswith(".yaml") else _path_of(content_dir, file, item_id)
            lines.append(f"  info: {folder}/{where}: {', '.join(fields)} saknar översättning")
    return lines


def _path_of(content_dir: Path, folder: str, item_id: str) -> str:
    """Where an item's file is, below its folder, as a translation of it would be."""
    found = next((path for path in sorted((content_dir / folder).rglob(f"{item_id}.*")) if path.stem == item_id), None)
    return found.relative_to(content_dir).as_posix() if found else f"{folder}/{item_id}"


def summary(content: Content, shown_as: str) -> str:
    commitments = content.commitments.values()
    per_actor = Counter(actor for c in commitments for actor in c.actors)
    per_status = Counter(c.status.status if c.status else "ingen status" for c in commitments)
    per_kind = Counter(u.kind for u in content.updates)
    lines = [
        f"Innehållet i {shown_as} är giltigt.",
        "  " + ", ".join(
            _count(len(items), one, many)
            for items, one, many in (
                (content.periods, "period", "perioder"),
                (content.actors, "aktör", "aktörer"),
                (content.themes, "tema", "teman"),
                (content.commitments, "åtagande", "åtaganden"),
                (content.updates, "uppdatering", "uppdateringar"),
                (content.indicators, "indikator", "indikatorer"),
            )
        ),
        "Åtaganden per aktör:",
        *(f"  {content.actors[a].short_name}: {n}" for a, n in sorted(per_actor.items())),
        "Åtaganden per status:",
        *(f"  {s}: {n}" for s, n in sorted(per_status.items())),
        "Uppdateringar per typ:",
        *(f"  {k}: {n}" for k, n in sorted(per_kind.items())),
    ]
    return "\n".join(lines)


def _count(number: int, one: str, many: str) -> str:
    return f"{number} {one if number == 1 else many}"
