"""Content in another language: the translations' own schema, and the model as a reader of that language sees it.

A translation is optional per file and per text. It lives beside the content under translations/<language>/,
at the same path as the file it translates, and gives only texts (TRANSLATABLE): dates, statuses and
references are the original's and are never repeated. Every text that no translation gives is kept as
Untranslated, so that pages can say it is only in the original language and mark it as such.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from types import MappingProxyType
from typing import Any, get_args, get_origin

from pydantic import BaseModel, ConfigDict, Field, create_model

from .structure import (
    TEXT,
    TRANSLATABLE,
    Actor,
    Commitment,
    Content,
    Indicator,
    Period,
    Record,
    Theme,
    Untranslated,
    Update,
)
from .vocabulary import UNITS

FOLDER = "translations"
# Which version of the original each translated text translates: a fingerprint of the original's text, by field, that
# `reviewed` writes once a translator has checked the translation against the original as it is (never written by hand).
# When the original changes, its fingerprint does, and the translation is outdated: check names it, and the pages show
# the current original, marked as in its language, until the translation is brought up to date and reviewed again.
SOURCE = "translated_from"
# Where each kind of item is, in the content folder and so in a translation's folder.
FILES: dict[type[Record], str] = {
    Period: "periods",
    Commitment: "commitments",
    Indicator: "indicators",
    Update: "updates",
    Actor: "actors.yaml",
    Theme: "themes.yaml",
}


@functools.cache
def translation_model(model: type[Record]) -> type[BaseModel]:
    """The schema of a translation of one item: its translatable texts, each optional, nothing else.

    Items within the item (a commitment's status changes) are translated as a list of the same length, each with its
    own texts; a file's item also records which version of its original it translates (SOURCE)."""
    fields: dict[str, Any] = {
        name: (
            _translated(model.model_fields[name]) | None,
            Field(None, description=model.model_fields[name].description),
        )
        for name in TRANSLATABLE[model]
    }
    if model not in FILES:
        return create_model(
            f"{model.__name__}Translation", __config__=ConfigDict(frozen=True, extra="forbid"), **fields
        )
    fields[SOURCE] = (
        dict[str, str] | None,
        Field(
            None,
            description="Vilken version av originalets text varje översättning gäller, per fält: skrivs av `reviewed`, aldrig för hand.",
        ),
    )
    return create_model(
        f"{model.__name__}Translation", __config__=ConfigDict(frozen=True, extra="forbid"), id=(str, ...), **fields
    )


def _translated(info: Any) -> Any:
    """A field's annotation in a translation: a text as the original's (its limits and markers, so that a translation is
    held to the same rules), items within as their translations, a list of them item for item (an item without texts
    to give is left empty)."""
    within = nested(info.annotation)
    if within is None:
        return info.rebuild_annotation()
    record, many = within
    return tuple[translation_model(record) | None, ...] if many else translation_model(record)  # type: ignore[misc]  # a type made at run time


def nested(annotation: Any) -> tuple[type[Record], bool] | None:
    """The kind of item a field holds items of, and whether it holds a list of them; None for a text."""
    if isinstance(annotation, type) and issubclass(annotation, Record):
        return annotation, False
    for arg in get_args(annotation):
        if isinstance(arg, type) and issubclass(arg, Record):
            return arg, get_origin(annotation) is tuple
        if (found := nested(arg)) is not None:
            return found
    return None


def fingerprint(value: object) -> str:
    """A text of the original (a list's items a line each) as a translation records it: twelve hex digits of its SHA-256.

    Items within an item count by their translatable texts alone, in order and by place (as JSON): a changed date
    leaves the translation of the notes as it was; a changed note, or an item added or removed, outdates it, since the
    translation gives its texts item for item."""
    if isinstance(value, BaseModel) or (isinstance(value, tuple) and any(isinstance(v, BaseModel) for v in value)):
        text = json.dumps(_texts_of(value), ensure_ascii=False, separators=(",", ":"))
    else:
        text = "\n".join(map(str, value)) if isinstance(value, tuple) else str(value)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _texts_of(value: object) -> object:
    if isinstance(value, BaseModel):
        return [_texts_of(getattr(value, name)) for name in TRANSLATABLE[type(value)]]  # type: ignore[index]
    if isinstance(value, tuple):
        return [_texts_of(v) for v in value]
    return None if value is None else str(value)


def mismatched(
    original: object, translation: object, where: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], int, int]]:
    """(where, translated, original) for each list in a translation with another number of items than the original's."""
    if isinstance(translation, tuple) and isinstance(original, tuple):
        if len(translation) != len(original):
            yield where, len(translation), len(original)
            return
        for index, (now, given) in enumerate(zip(original, translation, strict=True)):
            yield from mismatched(now, given, (*where, index))
    elif isinstance(translation, BaseModel) and isinstance(original, BaseModel):
        for name in type(translation).model_fields:
            yield from mismatched(getattr(original, name, None), getattr(translation, name), (*where, name))


def aligned(original: object, translation: object) -> object:
    """A translated value as in_language puts it in place: items within an item by the original item they translate,
    so that the translation follows its original whatever is left out of a page (a status dated after today)."""
    if isinstance(translation, BaseModel):
        return MappingProxyType(
            {
                name: aligned(getattr(original, name, None), value)
                for name in type(translation).model_fields
                if (value := getattr(translation, name)) is not None
            }
        )
    if (
        isinstance(translation, tuple)
        and isinstance(original, tuple)
        and any(isinstance(v, BaseModel) for v in original)
    ):
        return MappingProxyType(
            {now: aligned(now, given) for now, given in zip(original, translation, strict=True) if given is not None}
        )
    return translation


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
        updates_by_commitment=MappingProxyType(
            {k: tuple(by_id[u.id] for u in v) for k, v in content.updates_by_commitment.items()}
        ),
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
                if _has_text(getattr(item, name), name):
                    yield FILES[model], item.id, name, _covers(getattr(item, name), texts.get(name), name)


def _has_text(value: object, name: str) -> bool:
    """Whether a field has a text for a translation to give: a unit of the vocabulary is the vocabulary's word in every language."""
    if isinstance(value, BaseModel):
        return any(_has_text(getattr(value, n), n) for n in TRANSLATABLE[type(value)])  # type: ignore[index]
    if isinstance(value, tuple):
        return any(_has_text(v, name) for v in value)
    return bool(value) and not (name == "unit" and str(value).strip().lower() in UNITS)


def _covers(original: object, given: object, name: str) -> bool:
    """Whether a translation gives every text of an original field, within its items too."""
    if isinstance(original, BaseModel):
        fields = TRANSLATABLE[type(original)]  # type: ignore[index]
        return isinstance(given, Mapping) and all(
            _covers(getattr(original, n), given.get(n), n) for n in fields if _has_text(getattr(original, n), n)
        )
    if isinstance(original, tuple) and any(isinstance(v, BaseModel) for v in original):
        return isinstance(given, Mapping) and all(
            _covers(v, given.get(v), name) for v in original if _has_text(v, name)
        )
    return bool(given)


def originals(content: Content) -> dict[str, dict[str, Any]]:
    """Each item of the content by its file (as in FILES) and id: what a translation at that place translates."""
    return {FILES[model]: {item.id: item for item in items} for model, items in _items(content)}


def _items(content: Content) -> Iterable[tuple[type[Record], Iterable[Any]]]:
    return (
        (Period, content.periods.values()),
        (Actor, content.actors.values()),
        (Theme, content.themes.values()),
        (Commitment, content.commitments.values()),
        (Update, content.updates),
        (Indicator, content.indicators.values()),
    )


def _untranslated(item: Any, language: str, translated: Mapping[str, object]) -> Any:
    """The item with translated texts in place, and every other text of it, nested ones too, marked Untranslated."""
    changes: dict[str, object] = {}
    kind: type[BaseModel] = type(item)
    texts = _texts(kind)
    for name in kind.model_fields:
        value = getattr(item, name)
        given: Any = translated.get(name)
        if isinstance(value, BaseModel):
            changes[name] = _untranslated(value, language, given or {})
        elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
            changes[name] = tuple(_untranslated(v, language, (given or {}).get(v, {})) for v in value)
        elif given is not None and not (name == "unit" and str(value).strip().lower() in UNITS):
            changes[name] = given
        elif name in texts:
            changes[name] = _marked(value, language)
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
    return frozenset(
        name for name, info in model.model_fields.items() if TEXT in info.metadata or _is_text(info.annotation)
    )


def _is_text(annotation: Any) -> bool:
    return any(arg is TEXT or _is_text(arg) for arg in get_args(annotation))
