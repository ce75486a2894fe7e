#!/usr/bin/env python3
"""Write the JSON Schema of an area's open data in the current content format, which the national index checks each
area's data against (medborgarlofte/national/formats/FORMAT.schema.json). Run after an intended change to the open data;
a change that an index of this format could not read is a new content format (versions.FORMAT, CHANGELOG.md)."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from medborgarlofte import versions
from medborgarlofte.generators.opendata import open_data_schema
from medborgarlofte.national.sources import format_schema_path


def schema_text() -> str:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **open_data_schema()}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    format_schema_path(versions.FORMAT).write_text(schema_text(), encoding="utf-8")
    print(format_schema_path(versions.FORMAT))
