"""What the national index makes of an area's data, whatever it holds: any text a person may type reaches every output of
the index exactly, as text; and data of any shape is read or refused with a reason, never a traceback."""

from __future__ import annotations

import copy
import csv
import functools
import html as html_text
import io
import json
import os
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import feedparser
import lxml.html
import markdown
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from medborgarlofte import addresses as at
from medborgarlofte.bidi import isolated
from medborgarlofte.generators import opendata
from medborgarlofte.national import generate, model, sources
from medborgarlofte.settings import in_language, read_settings
from medborgarlofte.structure import TIMEZONE

from .conftest import served
from .synthetic_areas import area_data, write_area
from .test_every_character import _PAGE_MARKDOWN, EXAMPLES, ONE_LINE, _page_heading, _seen

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=TIMEZONE)
INDEX_SETTINGS = read_settings(Path(__file__).resolve().parent.parent / "medborgarlofte/national/skeleton/mkdocs.yml")


@pytest.fixture(scope="module")
def template(default_site: Path) -> dict[str, Any]:
    return json.loads((default_site / at.ALL_DATA).read_text(encoding="utf-8"))


def _read(data: dict[str, Any], folder: Path) -> sources.Reading:
    write_area(folder / "omrade", data)
    return _kept(sources.Source("omrade", 1), sources.Cache(folder / "cache"), folder, NOW)


def _kept(source: sources.Source, cache: sources.Cache, base: Path, now: datetime) -> sources.Reading:
    """A source read as the index reads it: what it gave is kept as its last good copy once the model can be made from it."""
    reading = sources.read_one(source, cache, base, now)
    if model.problem_with(reading, ("sv",)) is None:
        sources.keep(cache, reading)
    return reading


def _link_texts(markdown_page: str) -> dict[str, str]:
    """Each link of a page by its address, with its text as a reader sees it (without the mark of a text's language)."""
    body, _meta = get_data(markdown_page)
    tree = lxml.html.fromstring(f"<div>{markdown.markdown(body, extensions=_PAGE_MARKDOWN)}</div>")
    for mark in tree.xpath(".//span[@class='untranslated-mark']"):
        mark.drop_tree()
    return {link.get("href"): _seen(link.text_content()).strip() for link in tree.xpath("//a")}


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    phases=tuple(Phase) if os.environ.get("THOROUGH") else (Phase.explicit, Phase.reuse, Phase.generate),
)
@given(st.fixed_dictionaries({name: ONE_LINE for name in ("area", "title", "note", "letter", "actor")}))
def test_any_text_of_an_area_reaches_the_index_s_pages_feeds_and_data_exactly(
    tmp_path: Path, template: dict[str, Any], texts: dict[str, str]
) -> None:
    data = area_data(template, 3, renewed=False, name=texts["area"])
    c = data["commitments"][0]
    c["title"] = texts["title"]
    c["history"][0]["note"] = texts["note"]
    next(a for a in data["actors"] if a["id"] == c["actors"][0])["name"] = texts["actor"]
    letter = next(u for u in data["updates"] if u["kind"] == "informationsbrev")
    letter["title"] = texts["letter"]
    reading = _read(data, Path(tempfile.mkdtemp(dir=tmp_path)))
    assert reading.state == sources.READ, reading.problem
    index = model.build_index([reading], NOW)
    area = index.areas[0]
    for language in INDEX_SETTINGS.languages:
        site = in_language(INDEX_SETTINGS, language.code)
        files = generate.generate(index, site, NOW.date())
        page = files[at.indexed_area(area.slug)]
        assert _page_heading(page) == _seen(texts["area"])
        assert _link_texts(page)[c["url"]] == _seen(texts["title"])
        for ending in ("rss", "atom"):
            entries = feedparser.parse(files[at.feed(at.ALL_FEED, ending)]).entries
            iso = functools.partial(isolated, language=site.language)
            assert any(
                entry.title.endswith(f"{iso(texts['area'])}, {iso(area.municipality)}: {iso(texts['letter'])}")
                for entry in entries
            )
            changes = [html_text.unescape(entry.summary) for entry in entries if entry.link.startswith(c["url"])]
            assert any(f" {iso(texts['note'])}" in summary and iso(texts["actor"]) in summary for summary in changes), (
                changes
            )
        rows = json.loads(files[at.INDEX_COMMITMENTS_JSON])
        row = next(row for row in rows if row["commitment"] == c["id"])
        assert (row["area"], row["title"], row["actors"][0]) == (texts["area"], texts["title"], texts["actor"])
        table = list(csv.DictReader(io.StringIO(files[at.COMMITMENTS_CSV].lstrip("\ufeff")), delimiter=";"))
        assert next(r for r in table if r["commitment"] == c["id"])["title"] == opendata.neutralised(texts["title"])


# A valid area's data, with one value somewhere replaced by a value of any JSON kind.
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


def _places(value: Any, path: tuple = ()) -> list[tuple]:
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _places(inner, (*path, key))
    elif isinstance(value, list):
        for n, inner in enumerate(value[:3]):
            found += _places(inner, (*path, n))
    return found


def _replaced(data: Any, path: tuple, value: Any) -> Any:
    if not path:
        return value
    changed = copy.copy(data)
    changed[path[0]] = _replaced(data[path[0]], path[1:], value)
    return changed


@settings(
    max_examples=300 if os.environ.get("THOROUGH") else 30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_data_of_any_shape_is_read_or_refused_with_a_reason_and_never_stops_the_index(
    tmp_path: Path, template: dict[str, Any], data: st.DataObject
) -> None:
    base = area_data(template, 5, renewed=True)
    place = data.draw(st.sampled_from(_places(base)), label="place")
    changed = _replaced(base, place, data.draw(JSON_VALUES, label="value"))
    reading = _read(changed, Path(tempfile.mkdtemp(dir=tmp_path)))
    assert reading.state in (sources.READ, sources.FAILED)
    if reading.state == sources.FAILED:
        assert reading.problem and reading.data is None
        return
    index = model.build_index([reading], NOW)
    for language in INDEX_SETTINGS.languages:
        generate.generate(index, in_language(INDEX_SETTINGS, language.code), NOW.date())


def test_a_copy_read_before_stands_in_when_the_source_cannot_be_read(tmp_path: Path, template: dict[str, Any]) -> None:
    first = _read(area_data(template, 1, renewed=False), tmp_path)
    assert first.state == sources.READ
    (tmp_path / "omrade" / at.ALL_DATA).write_text("{inte json", encoding="utf-8")
    later = _kept(sources.Source("omrade", 1), sources.Cache(tmp_path / "cache"), tmp_path, NOW.replace(day=26))
    assert later.state == sources.STALE and later.read_at == NOW and later.data == first.data
    assert later.problem.startswith("är inte JSON (")


def test_a_kept_copy_that_no_longer_passes_is_asked_for_whole_even_when_the_site_says_it_is_unchanged(
    tmp_path: Path, template: dict[str, Any]
) -> None:
    write_area(tmp_path / "www" / "omrade", area_data(template, 2, renewed=False))
    cache = sources.Cache(tmp_path / "cache")
    with served(tmp_path / "www") as port:
        source = sources.Source(f"http://127.0.0.1:{port}/omrade/", 1)
        assert _kept(source, cache, tmp_path, NOW).state == sources.READ
        assert _kept(source, cache, tmp_path, NOW).state == sources.UNCHANGED  # If-Modified-Since: 304
        kept = next(path for path in (tmp_path / "cache").glob("*.json") if not path.name.endswith(".meta.json"))
        kept.write_text('{"format": 1}', encoding="utf-8")  # as if an older engine had kept what this one refuses
        again = _kept(source, cache, tmp_path, NOW)
    assert (again.state, again.problem) == (sources.READ, "")
    assert again.data is not None and again.data["area"]["name"] == "Syntetiskt område 2"


def test_a_commitment_without_the_fields_its_schema_lets_it_leave_out_is_read_without_a_status(
    tmp_path: Path, template: dict[str, Any]
) -> None:
    data = area_data(template, 4, renewed=False)
    for name in ("history", "activities", "continues", "example", "themes"):
        data["commitments"][0].pop(name, None)
    reading = _read(data, tmp_path)
    assert (reading.state, reading.problem) == (sources.READ, "")
    index = model.build_index([reading], NOW)
    commitment = index.areas[0].periods[0].commitments[0]
    assert commitment.history == () and commitment.status_on(NOW.date()) is None
    generate.generate(index, in_language(INDEX_SETTINGS, "sv"), NOW.date())
