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
    lix_limit: int
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
    extra = config.get("extra") or {}
    days, lix_limit = extra.get("silent_after_days", 90), extra.get("lix_limit", 50)
    for name, value, example in (("silent_after_days", days, "ett antal dagar, t.ex. 90"), ("lix_limit", lix_limit, "ett LIX-värde, t.ex. 50")):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(ContentError(where, 1, f"extra.{name}", f"fick {value!r} (förväntade {example})"))
    if problems:
        raise ContentErrors(problems)
    return Settings(
        name=config["site_name"].strip(),
        url=config["site_url"].rstrip("/") + "/",
        language=(config.get("theme") or {}).get("language", "sv"),
        silent_after_days=days,
        lix_limit=lix_limit,
        docs_dir=config_file.parent / config.get("docs_dir", "docs"),
    )
