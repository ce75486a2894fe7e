"""A second promise, not Sofielund's shape (tests/second/): a municipality and the police, 2016, three commitments
they share, a survey dated by its month, no indicators, ended ten years before the day it is built. Its site says
only what its own content and configuration say, and has a sentence for everything it lacks."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import lxml.html
import pytest

from .conftest import SECOND, run_script

# Words of the reference site that would show that the engine assumed its shape; none is in the second promise's content.
SOFIELUND = ("Sofielund", "Malmö", "Seveds", "BID", "Fastighetsägare", "Exempelstad", "Seved")
pytestmark = pytest.mark.xdist_group("second-promise")


@pytest.fixture(scope="module")
def site(second_site: Path) -> Path:
    return second_site


def _text(site: Path, page: str) -> str:
    article = lxml.html.fromstring((site / page / "index.html").read_text(encoding="utf-8")).xpath("//article")[0]
    return re.sub(r"[ \t\r\n]+", " ", article.text_content())


def test_check_accepts_the_second_promise_with_no_error() -> None:
    result = run_script("check", "--content", str(SECOND))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fel:" not in result.stdout


def test_nothing_of_sofielund_is_on_the_second_promise_s_site(site: Path) -> None:
    found = {}
    for path in sorted(site.rglob("*")):
        if (
            path.is_file()
            and path.suffix in (".html", ".xml", ".rss", ".atom", ".json", ".csv", ".ics", ".svg", ".txt")
            and "admin" not in path.parts
        ):
            text = path.read_text(encoding="utf-8")
            if words := [word for word in SOFIELUND if word in text]:
                found[str(path.relative_to(site))] = words
    assert found == {}
    # Nor the addresses Sofielund's site once had (its extra.moved).
    assert [path for path in site.rglob("*") if "atagenden" in path.name or path.name == "indikatorer"] == []


def test_commitments_made_together_name_both_actors_and_each_actor_has_all_three(site: Path) -> None:
    for commitment in ("trygghetsvandringar", "belysning", "samverkan"):
        text = _text(site, f"lofte/atagande/{commitment}")
        assert "Norrby kommun" in text or "Kommunen" in text
        assert "Polisen" in text
    for actor in ("kommunen", "polisen"):
        assert "3 åtaganden" in _text(site, "lofte/aktorer"), actor
    assert "Norrby kommun, Norrby kommun" not in _text(site, "lofte/aktorer")


def test_a_survey_dated_by_its_month_is_said_as_a_month(site: Path) -> None:
    text = _text(site, "lofte/uppdatering/2016-03-01-enkat")
    assert "mars 2016" in text and "klockan" not in text
    assert "enkät" in text.lower() and "212" in text


def test_the_ended_promise_says_it_ended_and_has_a_sentence_for_what_it_lacks(site: Path) -> None:
    start = _text(site, "")
    assert "Löftet slutade 31 december 2016" in start
    periods = _text(site, "lofte/perioder")
    assert "Gällande löfte" not in periods and "Senaste löftet" in periods
    assert "Löftet slutade 31 december 2016" in _text(site, "lofte/ataganden")
    followup = _text(site, "lofte/uppfoljning/2016")
    assert not (site / "lofte/indikator").exists()
    assert "ännu" not in followup  # nothing "not yet" about a promise ten years gone
    english = _text(site, "en/lofte/perioder")
    assert "Current promise" not in english


def test_no_page_of_the_second_promise_has_an_empty_heading_or_an_empty_sentence(site: Path) -> None:
    problems = []
    for page in sorted(site.rglob("index.html")):
        if "admin" in page.parts:
            continue
        tree = lxml.html.fromstring(page.read_text(encoding="utf-8"))
        article = tree.xpath("//article")
        if not article:
            continue
        for heading in article[0].xpath(".//h2 | .//h3"):
            following = heading.getnext()
            if following is None or following.tag in (
                "h1",
                "h2",
                heading.tag,
            ):  # a subheading begins the section's content
                problems.append(f"{page.relative_to(site)}: empty section {heading.text_content().strip()!r}")
        for script in article[0].xpath(".//script"):  # code is no sentence (the posts page's copy buttons)
            script.drop_tree()
        text = re.sub(r"\s+", " ", article[0].text_content())
        for empty in (": .", " 0 av 0", "( )", "()", ", ."):
            if empty in text:
                problems.append(f"{page.relative_to(site)}: {empty!r}")
    assert problems == [], "\n".join(problems)


def test_the_second_promise_s_open_data_has_its_three_shared_commitments(site: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO((site / "lofte/data/ataganden.csv").read_text(encoding="utf-8-sig")), delimiter=";")
    )
    assert sorted(row["id"] for row in rows) == ["belysning", "samverkan", "trygghetsvandringar"]
    assert all(row["actors"].split("\n") == ["kommunen", "polisen"] for row in rows)


def test_the_letters_are_said_to_be_on_paper_only_where_the_area_says_so(site: Path) -> None:
    """Sofielund's letters are also handed out on paper (extra.area.paper_letters); the second promise's settings do not say so."""
    for page in ("", "lofte/folj/", "lofte/informationsbrev/", "en/", "en/lofte/folj/"):
        assert "papper" not in _text(site, page) and "paper" not in _text(site, page), page
