"""The site-wide settings, read from mkdocs.yml: the one place they are written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import ContentError, ContentErrors


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml may hold tags such as !!python/name for MkDocs itself; they are not ours to read."""


_ConfigLoader.add_multi_constructor("", lambda loader, suffix, node: None)


@dataclass(frozen=True)
class Settings:
    name: str
    url: str
    language: str
    silent_after_days: int
    docs_dir: Path


def read_settings(config_file: Path, site_url: str | None = None) -> Settings:
    where = str(config_file)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentErrors([ContentError(where, 1, "-", f"kan inte läsas ({exc})")]) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise ContentErrors([ContentError(where, line, "-", f"ogiltig YAML: {exc.problem}")]) from None
    if site_url:
        config["site_url"] = site_url
    problems = []
    for key in ("site_name", "site_url"):
        if not isinstance(config.get(key), str) or not config[key].strip():
            problems.append(ContentError(where, 1, key, "saknas (förväntade text)"))
    days = (config.get("extra") or {}).get("silent_after_days", 90)
    if not isinstance(days, int) or isinstance(days, bool) or days < 1:
        problems.append(ContentError(where, 1, "extra.silent_after_days", f"fick {days!r} (förväntade ett antal dagar, t.ex. 90)"))
    if problems:
        raise ContentErrors(problems)
    return Settings(
        name=config["site_name"].strip(),
        url=config["site_url"].rstrip("/") + "/",
        language=(config.get("theme") or {}).get("language", "sv"),
        silent_after_days=days,
        docs_dir=config_file.parent / config.get("docs_dir", "docs"),
    )
