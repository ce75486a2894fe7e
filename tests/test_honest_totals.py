"""Every total says how much of it is invented: the start page's outcome and its bars per actor, the follow-up page's
chart and tables, the embeds' badges and the national index's tables, from one rule (totals.invented) that every
generator counts by."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import lxml.html
import pytest

from medborgarlofte import addresses as at
from medborgarlofte.totals import all_invented, invented, status_rows

from .conftest import edit
from .test_build import build_sample, html

ALL_INVENTED = "Alla statusar här är påhittade exempel."


def _text(page: str) -> str:
    article = lxml.html.fromstring(page).xpath("//article")[0]
    return re.sub(r"\s+", " ", article.text_content())


def test_a_status_is_invented_where_its_entry_or_its_commitment_says_so() -> None:
    assert (invented(False, False), invented(True, False), invented(False, True)) == (False, True, True)
    rows = status_rows([("löpande", True), ("löpande", False), ("genomförd", True), (None, True)])
    assert [(row.status, row.count, row.examples, row.percent, row.example_percent) for row in rows] == [
        ("löpande", 2, 1, 50, 25),
        ("genomförd", 1, 1, 25, 25),
        ("ingen", 1, 0, 25, 0),
    ]
    assert not all_invented(rows) and all_invented(status_rows([("löpande", True), (None, False)]))


def test_the_reference_site_s_outcome_says_that_every_status_in_it_is_invented(default_site: Path) -> None:
    start = _text((default_site / "index.html").read_text(encoding="utf-8"))
    assert ALL_INVENTED in start
    assert (
        "2 av 26 åtaganden rapporterades som genomförda (varav 2 påhittade exempel), 17 var löpande arbete som fortsatte perioden ut (varav 17 påhittade exempel)"
        in start
    )
    assert (
        "Lokalpolisområde Malmö Norr: 9 åtaganden, varav 8 löpande och 1 försenad – alla statusarna är påhittade exempel."
        in start
    )
    assert "I staplarna är den ljusa, streckade delen påhittade exempel." in start
    english = _text((default_site / "en" / "index.html").read_text(encoding="utf-8"))
    assert "All the statuses here are invented examples." in english


def test_a_total_of_reported_and_invented_statuses_says_how_many_are_invented_and_draws_them_apart(
    tmp_path: Path,
) -> None:
    # One of the two statuses the sample's running promise counts is marked as invented.
    project = build_sample(
        tmp_path,
        edit("commitments/polisen-narvaro.yaml", "status: löpande", "status: löpande\n    example: true"),
        today=date(2022, 10, 1),
    )
    page = html(project, "")
    start = _text(page)
    assert ALL_INVENTED not in start
    rows = [
        [cell.text_content().strip() for cell in row.xpath("td")]
        for row in lxml.html.fromstring(page).xpath("//article//table//tr[td]")
    ]
    assert ["Planerad", "1", "0", "50 %"] in [[cell.replace("\u00a0", " ") for cell in row] for row in rows]
    assert ["Löpande", "1", "1", "50 %"] in [[cell.replace("\u00a0", " ") for cell in row] for row in rows]
    # The invented part of the bar is a part of its own, styled apart; the legend says what it is.
    assert '<span class="bar-lopande bar-exempel" style="width: 50%"></span>' in page
    assert "I staplarna är den ljusa, streckade delen påhittade exempel." in start
    assert "Lokalpolisområde Exempelstad: 1 åtagande, varav 1 löpande – statusen är ett påhittat exempel." in start
    assert "Exempelstads kommun: 1 åtagande, varav 1 planerad." in start
    styles = (project / "site" / "lofte" / "status.css").read_text(encoding="utf-8")
    assert (
        ".bar-lopande.bar-exempel { background: repeating-linear-gradient(-45deg, #2e7d32 0 2px, #ffffff 2px 5px) !important; }"
        in styles
    )


def test_a_site_without_invented_statuses_says_nothing_of_examples_in_its_totals(tmp_path: Path) -> None:
    start = _text(html(build_sample(tmp_path, today=date(2022, 10, 1)), ""))
    assert "påhittade exempel" not in start and "påhittat exempel" not in start


def test_the_follow_up_page_s_chart_and_tables_say_what_is_invented(default_site: Path) -> None:
    period = "2022-2023"
    page = _text((default_site / at.page_address(at.followup(period)) / "index.html").read_text(encoding="utf-8"))
    assert ALL_INVENTED in page and "Varav exempel" in page
    chart = (default_site / at.status_chart(period)).read_text(encoding="utf-8")
    assert '<pattern id="exempel"' in chart and 'fill="url(#exempel)"' in chart and ">Påhittade exempel</text>" in chart
    assert "påhittade exempel)" in chart.split("<desc")[1].split("</desc>")[0]


@pytest.mark.parametrize("language", ["", "en/"])
def test_an_actor_s_badge_and_card_say_that_their_statuses_are_invented(default_site: Path, language: str) -> None:
    badge = (default_site / language / at.actor_badge("polisen")).read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", badge, re.DOTALL)
    assert title is not None
    assert (
        "(alla statusarna är påhittade exempel)" if not language else "(all the statuses are invented examples)"
    ) in title.group(1)
