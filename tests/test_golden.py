"""The sample content generates exactly the committed pages (regenerate: make golden)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .golden import GOLDEN, sample_pages

PAGES = sample_pages()


def test_same_set_of_pages() -> None:
    committed = sorted(str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*") if p.is_file())
    assert committed == sorted(PAGES)


@pytest.mark.parametrize("relative", sorted(PAGES))
def test_page_matches_golden_file(relative: str) -> None:
    made = PAGES[relative]
    if isinstance(made, bytes):  # a card: a picture, compared as it is
        assert (GOLDEN / relative).read_bytes() == made, "if intended, run: make golden"
    else:
        assert (GOLDEN / relative).read_bytes().decode("utf-8") == made, "if intended, run: make golden"


def test_templates_receive_views_not_the_whole_model() -> None:
    """A page is given what it shows; no template queries the model for itself."""
    for template in (Path(__file__).parent.parent / "medborgarlofte/templates").glob("*.j2"):
        assert not re.search(r"\bcontent[.[]", template.read_text(encoding="utf-8")), template.name
