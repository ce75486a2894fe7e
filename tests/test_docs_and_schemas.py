"""The documentation and the editor schemas stay in step with the model."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from pydantic import BaseModel

from medborgarlofte import structure
from medborgarlofte.addresses import STYLES
from medborgarlofte.generators import styles as styles_generator
from medborgarlofte.readers import read_markdown, read_yaml
from medborgarlofte.schemas import file_schemas, render
from medborgarlofte.vocabulary import KINDS, SHOWN_STATUSES, STATUSES

from .conftest import ROOT, SAMPLE
from .test_readme import FRONT_DOOR_MOST, HANDBOOK, pages

MODELS = [
    m
    for m in vars(structure).values()
    if isinstance(m, type) and issubclass(m, BaseModel) and m is not structure.Record
]


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_documented(model: type[BaseModel]) -> None:
    documented = set(re.findall(r"`([a-z_]+)`", (ROOT / "CONTENT.md").read_text(encoding="utf-8")))
    missing = set(model.model_fields) - documented - {"id", "body"}
    assert not missing, f"CONTENT.md does not describe {sorted(missing)} of {model.__name__}"


def test_the_table_of_translatable_texts_names_every_one() -> None:
    """CONTENT.md's table of what a translation may give, one row per kind of file, keeps step with the model."""
    from medborgarlofte.translated import FILES, nested

    rows = {
        row.split("|")[1].strip(): row.split("|")[3]
        for row in (ROOT / "CONTENT.md").read_text(encoding="utf-8").splitlines()
        if row.startswith("| `content/")
    }

    def names(model: type) -> set[str]:
        found = set()
        for name in structure.TRANSLATABLE[model]:
            found.add(name)
            within = nested(model.model_fields[name].annotation)
            found |= names(within[0]) if within else set()
        return found

    for model, file in FILES.items():
        row = next(texts for original, texts in rows.items() if f"content/{file.removesuffix('.yaml')}" in original)
        assert names(model) - {"body"} == set(re.findall(r"`([a-z_]+)`", row)), model.__name__


def test_committed_schemas_are_up_to_date() -> None:
    for name, schema in file_schemas().items():
        assert (ROOT / "schemas" / name).read_text(encoding="utf-8") == render(schema), (
            f"run: python scripts/build_pages.py schema ({name})"
        )


SCHEMA_OF = {"periods": "period", "commitments": "commitment", "indicators": "indicator", "updates": "update"}


def content_files() -> list[Path]:
    return sorted(p for root in (SAMPLE, ROOT / "content") for p in root.rglob("*") if p.suffix in (".yaml", ".md"))


@pytest.mark.parametrize("path", content_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_valid_content_passes_its_schema(path: Path) -> None:
    kind = SCHEMA_OF.get(path.parent.name if path.parent.name in SCHEMA_OF else path.parent.parent.name, path.stem)
    translation = "translations" in path.relative_to(ROOT).parts
    schema = file_schemas()[f"{'translation-' if translation else ''}{kind}.schema.json"]
    document = read_markdown(path, str(path)) if path.suffix == ".md" else read_yaml(path, str(path))
    jsonschema.validate(document.data, schema)


def test_schema_catches_a_mistake() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"period": "2022-2023", "titel": "x"}, file_schemas()["commitment.schema.json"])


def test_every_status_and_kind_comes_from_its_table() -> None:
    """One row in vocabulary.py is all a new status or kind needs: the format, the editors' schemas, the styles and CONTENT.md follow."""
    documented = (ROOT / "CONTENT.md").read_text(encoding="utf-8")
    schema = json.loads((ROOT / "schemas/commitment.schema.json").read_text(encoding="utf-8"))
    assert list(STATUSES) in _enums(schema)
    styles = styles_generator.generate()[STYLES]
    for status in SHOWN_STATUSES.values():
        assert f".status-{status.slug} " in styles and f".bar-{status.slug} " in styles
    for name in (*STATUSES, *KINDS):
        assert f"`{name}`" in documented, name
    assert list(KINDS) in _enums(json.loads((ROOT / "schemas/update.schema.json").read_text(encoding="utf-8")))


def _enums(node: object) -> list[list]:
    if isinstance(node, dict):
        return ([node["enum"]] if "enum" in node else []) + [e for value in node.values() for e in _enums(value)]
    if isinstance(node, list):
        return [e for value in node for e in _enums(value)]
    return []


# The README is the front door; the handbook (handbok/) holds the rest.


def _anchor(heading: str) -> str:
    """A heading's anchor as GitHub makes it: lower case, punctuation left out, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_readme_is_a_front_door_to_every_page_of_the_handbook() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.encode("utf-8")) < FRONT_DOOR_MOST
    assert "    make site" in readme and "    make test" in readme
    assert sorted(HANDBOOK.glob("*.md")) == sorted(pages()[1:]), "every page of the handbook is listed in the README"


def test_every_link_of_the_readme_and_the_handbook_leads_to_a_file_and_a_heading() -> None:
    for page in pages():
        for target in re.findall(r"\]\(([^)#]+\.(?:md|png))(?:#([^)]*))?\)", page.read_text(encoding="utf-8")):
            linked = (page.parent / target[0]).resolve()
            assert linked.is_file(), f"{page.name}: {target[0]}"
            if target[1]:
                headings = re.findall(r"^#+ (.+)$", linked.read_text(encoding="utf-8"), re.MULTILINE)
                assert target[1] in {_anchor(heading) for heading in headings}, f"{page.name}: {target}"
