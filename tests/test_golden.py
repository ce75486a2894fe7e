"""The sample content generates exactly the committed pages (regenerate: make golden)."""

from __future__ import annotations

import pytest

from .golden import GOLDEN, sample_pages

PAGES = sample_pages()


def test_same_set_of_pages() -> None:
    committed = sorted(str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*") if p.is_file())
    assert committed == sorted(PAGES)


@pytest.mark.parametrize("relative", sorted(PAGES))
def test_page_matches_golden_file(relative: str) -> None:
    assert (GOLDEN / relative).read_bytes().decode("utf-8") == PAGES[relative], "if intended, run: make golden"
