"""The site-wide settings: mkdocs.yml, read once through MkDocs' own configuration schema.

MkDocs checks its part (site_name, theme, nav, site_dir …) and we check ours (extra); every problem
comes back at once, each with the line of its key, as content errors do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from .errors import ContentError, ContentErrors


@dataclass(frozen=True)
class Settings:
    name: str
    url: str
    language: str
    silent_after_days: int
    lix_limit: int
    docs_dir: Path
    site_dir: Path
    # MkDocs' own reading of the same file, which the build renders with; not for generators to look into.
    mkdocs: MkDocsConfig = field(repr=False, compare=False, hash=False)


def read_settings(config_file: Path, site_url: str | None = None) -> Settings:
    """site_url replaces the one in the file, for a copy published at another address."""
    where = str(config_file)
    try:
        text = config_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ContentErrors([ContentError(where, 1, "-", f"kan inte läsas ({exc})")]) from None
    config = MkDocsConfig(config_file_path=str(config_file))
    try:
        # What mkdocs.config.load_config does, with the problems kept instead of logged.
        with open(config_file, "rb") as stream:
            config.load_file(stream)
    except ConfigurationError as exc:
        raise ContentErrors([ContentError(where, 1, "-", f"ogiltig YAML: {exc}")]) from None
    if site_url:
        config.load_dict({"site_url": site_url})
    errors, _ = config.validate()

    def line_of(key: str) -> int:
        found = re.search(rf"^\s*{re.escape(key.split('.')[-1])}\s*:", text, re.MULTILINE)
        return text.count("\n", 0, found.start()) + 1 if found else 1

    problems = [ContentError(where, line_of(key), key, f"{message} (MkDocs)") for key, message in errors]
    for key in ("site_name", "site_url"):
        if key not in dict(errors) and (not isinstance(config.get(key), str) or not config[key].strip()):
            problems.append(ContentError(where, line_of(key), key, "saknas (förväntade text)"))
    extra = config.get("extra") or {}
    days, lix_limit = extra.get("silent_after_days", 90), extra.get("lix_limit", 50)
    for name, value, example in (("silent_after_days", days, "ett antal dagar, t.ex. 90"), ("lix_limit", lix_limit, "ett LIX-värde, t.ex. 50")):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            problems.append(ContentError(where, line_of(name), f"extra.{name}", f"fick {value!r} (förväntade {example})"))
    if problems:
        raise ContentErrors(problems)
    return Settings(
        name=config["site_name"].strip(),
        url=config["site_url"].rstrip("/") + "/",
        language=config["theme"]["language"],
        silent_after_days=days,
        lix_limit=lix_limit,
        docs_dir=Path(config["docs_dir"]),
        site_dir=Path(config["site_dir"]),
        mkdocs=config,
    )
