"""Addresses come from one table (medborgarlofte/addresses.py): no template or other module spells a path."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from medborgarlofte import addresses as at

from .conftest import ROOT

CODE = ROOT / "medborgarlofte"
# The folders and files the table names, as they would appear in a spelled-out path.
SPELLED = re.compile(
    r"(^|/)(lofte|atagande|ataganden|aktor|tema|period|uppdatering|uppfoljning|indikator|flode|data)/|\.(rss|atom|ics|svg|csv)$"
)


@pytest.mark.parametrize(
    "module", sorted(p for p in CODE.rglob("*.py") if p.name != "addresses.py"), ids=lambda p: p.name
)
def test_no_module_spells_an_address(module: Path) -> None:
    literals = [
        node
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    spelled = [
        f"{module.name}:{node.lineno}: {node.value!r}"
        for node in literals
        if SPELLED.search(node.value) and "\n" not in node.value
    ]
    assert not spelled, spelled


@pytest.mark.parametrize("template", sorted((CODE / "templates").glob("*.j2")), ids=lambda p: p.name)
def test_no_template_spells_an_address(template: Path) -> None:
    strings = re.findall(
        r"""["']([^"'\n]*)["']""",
        "".join(re.findall(r"{[{%].*?[}%]}", template.read_text(encoding="utf-8"), re.DOTALL)),
    )
    assert not [s for s in strings if SPELLED.search(s) or s.endswith(".md")]


def test_every_listing_page_has_its_own_address() -> None:
    assert at.listing_page(at.COMMITMENTS, 1) == "lofte/ataganden/index.md"
    assert at.page_address(at.listing_page(at.COMMITMENTS, 2)) == "lofte/ataganden/2/"
    assert at.page_address(at.listing_page(at.actor("polisen"), 3)) == "lofte/aktor/polisen/3/"
    assert at.page_address(at.feed(at.commitment_feed("x"), "rss")) == "lofte/flode/atagande/x.rss"
