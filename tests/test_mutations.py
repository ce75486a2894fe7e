"""Random damage to valid content gives content errors, never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from medborgarlofte.contents import load
from medborgarlofte.errors import ContentErrors

from .conftest import SAMPLE, make_content

FILES = sorted(str(p.relative_to(SAMPLE)) for p in SAMPLE.rglob("*") if p.is_file())
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 500),
    st.floats(allow_nan=True),
    st.text(max_size=12),
    st.sampled_from(["2022-02-30", "../x", "Polisen", "avbruten", "2023-05-01", "24:00", "https://x"]),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


def load_changed(changes: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        try:
            load(make_content(Path(folder), changes), "content")
        except ContentErrors as exc:
            assert exc.errors and all(error.line >= 1 for error in exc.errors)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(FILES), st.data())
def test_text_mutations(relative: str, data: st.DataObject) -> None:
    raw = (SAMPLE / relative).read_bytes()
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, min(len(raw), start + 20)))
    inserted = data.draw(
        st.binary(max_size=8) | st.sampled_from([b"\t", b": ", b"---\n", b"- ", b"[", b"\xff", b"\n  "])
    )
    load_changed({relative: raw[:start] + inserted + raw[end:]})


def _leaves(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, path + (index,))
    yield path


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from([f for f in FILES if f.endswith(".yaml")]), st.data())
def test_value_mutations(relative: str, data: st.DataObject) -> None:
    document = yaml.safe_load((SAMPLE / relative).read_text(encoding="utf-8"))
    path = data.draw(st.sampled_from(list(_leaves(document))))
    value = data.draw(VALUES)
    if not path:
        document = value
    else:
        parent = document
        for part in path[:-1]:
            parent = parent[part]
        parent[path[-1]] = value
    load_changed({relative: yaml.safe_dump(document, allow_unicode=True)})
