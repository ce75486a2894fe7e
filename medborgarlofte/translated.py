"""Content in another language: the translations' own schema, and the model as a reader of that language sees it.

A translation is optional per file and per text. It lives beside the content under translations/<language>/,
at the same path as the file it translates, and gives only texts (TRANSLATABLE): dates, statuses and
references are the original's and are never repeated. Every text that no translation gives is kept as
Untranslated, so that pages can say it is only in the original language and mark it as such.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any, get_args

from pydantic import BaseModel, ConfigDict, Field, create_model

from .structure import TEXT, TRANSLATABLE, Actor, Commitment, Content, Indicator, Period, Record, Theme, Untranslated, Update

FOLDER = "translations"
# Which version of the original each translated text translates: a fingerprint of the original's text, by field, that
# `reviewed` writes once a translator has checked the translation against the original as it is (never written by hand).
# When the original changes, its fingerprint does, and the translation is outdated: check names it, and the pages show
# the current original, marked as in its language, until the translation is brought up to date and reviewed again.
SOURCE = "translated_from"
# Where each kind of item is, in the content folder and so in a translation's folder.
FILES: dict[type[Record], str] = {Period: "periods", Commitment: "commitments", Indicator: "indicators", Update: "updates",
                                   Actor: "actors.yaml", Theme: "themes.yaml"}


@functools.cache
def translation_model(model: type[Record]) -> type[BaseModel]:
    """The schema of a translation of one item: its translatable texts, each optional, nothing else."""
    # The rebuilt annotation carries the original's limits and markers, so a translation is held to the same rules.
    fields: dict[str, Any] = {name: (model.model_fields[name].rebuild_annotation() | None, Field(None, description=model.model_fields[name].description))
                              for name in TRANSLATABLE[model]}
    fields[SOURCE] = (dict[str, str] | None, Field(None, description="Vilken version av originalets text varje översättning gäller, per fält: skrivs av `reviewed`, aldrig för hand."))
    return create_model(f"{model.__name__}Translation", __config__=ConfigDict(frozen=True, extra="forbid"), id=(str, ...), **fields)


def fingerprint(value: object) -> str:
    """A text of the original (a list's items a line each) as a translation records it: twelve hex digits of its SHA-256."""
    text = "\n".join(map(str, value)) if isinstance(value, tuple) else str(value)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def in_language(content: Content, language: str) -> Content:
    """The content as shown in language: each text translated where a translation gives it, else Untranslated."""
    if language == content.language:
        return replace(content, shown_in=language)
    given = content.translations.get(language, {})

    def shown(item: Any, model: type[Record]) -> Any:
        # Only the texts a translation gives are kept when it is read, so each one here replaces the original's.
        return _untranslated(item, content.language, given.get(FILES[model], {}).get(item.id, {}))

    updates = tuple(shown(u, Update) for u in content.updates)
    by_id = {u.id: u for u in updates}
    return replace(
        content,
        periods=MappingProxyType({k: shown(p, Period) for k, p in content.periods.items()}),
        actors=MappingProxyType({k: shown(a, Actor) for k, a in content.actors.items()}),
        themes=MappingProxyType({k: shown(t, Theme) for k, t in content.themes.items()}),
        commitments=MappingProxyType({k: shown(c, Commitment) for k, c in content.commitments.items()}),
        updates=updates,
        indicators=MappingProxyType({k: shown(i, Indicator) for k, i in content.indicators.items()}),
        updates_by_commitment=MappingProxyType({k: tuple(by_id[u.id] for u in v) for k, v in content.updates_by_commitment.items()}),
        shown_in=language,
    )


def missing(content: Content, language: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """(file, id, texts) for every item with a text that has no translation into language, in the content's order.

    Nothing is missing in the language the content is written in.
    """
    if language == content.language:
        return []
    lacking: dict[tuple[str, str], list[str]] = {}
    for file, item_id, name, given in _texts_in(content, language):
        if not given:
            lacking.setdefault((file, item_id), []).append(name)
    return [(file, item_id, tuple(names)) for (file, item_id), names in lacking.items()]


def share_translated(content: Content, language: str) -> tuple[int, int]:
    """(translated, translatable): how many of the content's translatable texts have a translation into language."""
    texts = [given for _, _, _, given in _texts_in(content, language)]
    return sum(texts), len(texts)


def _texts_in(content: Content, language: str) -> Iterator[tuple[str, str, str, bool]]:
    """(file, id, text, translated) for each text that the content has and a translation into language could give."""
    given = content.translations.get(language, {})
    for model, items in _items(content):
        for item in items:
            texts = given.get(FILES[model], {}).get(item.id, {})
            for name in TRANSLATABLE[model]:
                if getattr(item, name):
                    yield FILES[model], item.id, name, bool(texts.get(name))


def originals(content: Content) -> dict[str, dict[str, Any]]:
    """Each item of the content by its file (as in FILES) and id: what a translation at that place translates."""
    return {FILES[model]: {item.id: item for item in items} for model, items in _items(content)}


def _items(content: Content) -> Iterable[tuple[type[Record], Iterable[Any]]]:
    return ((Period, content.periods.values()), (Actor, content.actors.values()), (Theme, content.themes.values()),
            (Commitment, content.commitments.values()), (Update, content.updates), (Indicator, content.indicators.values()))


def _untranslated(item: Any, language: str, translated: Mapping[str, object]) -> Any:
    """The item with translated texts in place, and every other text of it, nested ones too, marked Untranslated."""
    changes: dict[str, object] = {}
    kind: type[BaseModel] = type(item)
    texts = _texts(kind)
    for name in kind.model_fields:
        value = getattr(item, name)
        if name in translated:
            changes[name] = translated[name]
        elif name in texts:
            changes[name] = _marked(value, language)
        elif isinstance(value, BaseModel):
            changes[name] = _untranslated(value, language, {})
        elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
            changes[name] = tuple(_untranslated(v, language, {}) for v in value)
    return item.model_copy(update=changes)


def _marked(value: object, language: str) -> object:
    if isinstance(value, str) and value:
        return Untranslated(value, language)
    if isinstance(value, tuple):
        return tuple(_marked(v, language) for v in value)
    return value


@functools.cache
def _texts(model: type[BaseModel]) -> frozenset[str]:
    """The fields of a model that are text in a language."""
    return frozenset(name for name, info in model.model_fields.items() if TEXT in info.metadata or _is_text(info.annotation))


def _is_text(annotation: Any) -> bool:
    return any(arg is TEXT or _is_text(arg) for arg in get_args(annotation))
