"""JSON Schemas of the content files, made from the model, so that editors complete fields and flag mistakes."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from .structure import SLUG, Actor, Commitment, Indicator, Period, Theme, Update
from .translated import translation_model

_FROM_FILE_NAME = ("id", "body")


def file_schemas() -> dict[str, dict[str, Any]]:
    """One schema per kind of file, keyed by the schema's file name."""
    return {
        "period.schema.json": _one_per_file(Period, "En period av medborgarlöftet (content/periods/ID.yaml)."),
        "commitment.schema.json": _one_per_file(Commitment, "Ett åtagande (content/commitments/ID.yaml)."),
        "indicator.schema.json": _one_per_file(Indicator, "En indikator (content/indicators/ID.yaml)."),
        "update.schema.json": _one_per_file(Update, "Front matter i en uppdatering (content/updates/ID.md)."),
        "actors.schema.json": _keyed_by_id(Actor, "Aktörerna (content/actors.yaml): id följt av aktörens fält."),
        "themes.schema.json": _keyed_by_id(Theme, "Temana (content/themes.yaml): id följt av temats fält."),
        # A translation has the texts of its original only (content/translations/SPRÅK/, at the original's path).
        "translation-period.schema.json": _one_per_file(
            translation_model(Period), "En översättning av en period (content/translations/SPRÅK/periods/ID.yaml)."
        ),
        "translation-commitment.schema.json": _one_per_file(
            translation_model(Commitment),
            "En översättning av ett åtagande (content/translations/SPRÅK/commitments/ID.yaml).",
        ),
        "translation-indicator.schema.json": _one_per_file(
            translation_model(Indicator),
            "En översättning av en indikator (content/translations/SPRÅK/indicators/ID.yaml).",
        ),
        "translation-update.schema.json": _one_per_file(
            translation_model(Update),
            "Front matter i en översättning av en uppdatering (content/translations/SPRÅK/updates/ID.md).",
        ),
        "translation-actors.schema.json": _keyed_by_id(
            translation_model(Actor), "En översättning av aktörerna (content/translations/SPRÅK/actors.yaml)."
        ),
        "translation-themes.schema.json": _keyed_by_id(
            translation_model(Theme), "En översättning av temana (content/translations/SPRÅK/themes.yaml)."
        ),
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema()
    for name in _FROM_FILE_NAME:
        schema["properties"].pop(name, None)
    schema["required"] = [name for name in schema.get("required", []) if name not in _FROM_FILE_NAME]
    return schema


def _one_per_file(model: type[BaseModel], description: str) -> dict[str, Any]:
    schema = _fields(model)
    schema.update({"$schema": "https://json-schema.org/draft/2020-12/schema", "description": description})
    return schema


def _keyed_by_id(model: type[BaseModel], description: str) -> dict[str, Any]:
    item = _fields(model)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"{model.__name__}s",
        "description": description,
        "type": "object",
        "propertyNames": {"pattern": SLUG.pattern},
        "additionalProperties": {"$ref": f"#/$defs/{model.__name__}"},
        "$defs": {**item.pop("$defs", {}), model.__name__: item},
    }
