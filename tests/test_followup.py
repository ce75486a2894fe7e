"""Follow-up: monthly statuses derived from the histories, activity counts, indicator changes and charts."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

from medborgarlofte.contents import load
from medborgarlofte.generators import charts, followup
from medborgarlofte.vocabulary import STATUSES

from .conftest import SAMPLE, make_content
from .test_build import build_sample, html

TODAY = date(2022, 10, 1)
SVG = "{http://www.w3.org/2000/svg}"
STEPS = """period: 2022-2023
actors: [kommunen]
title: Steg för steg
description: Ett åtagande som byter status i månadsskiften.
history:
  - date: 2022-04-30
    status: pågår
  - date: 2022-06-15
    status: försenad
  - date: 2022-07-31
    status: genomförd
"""


def test_month_ends_run_from_the_period_start_to_today() -> None:
    period = load(SAMPLE).periods["2022-2023"]
    assert followup.month_ends(period, TODAY) == [
        date(2022, 4, 30),
        date(2022, 5, 31),
        date(2022, 6, 30),
        date(2022, 7, 31),
        date(2022, 8, 31),
        date(2022, 9, 30),
        date(2022, 10, 31),
    ]
    assert followup.month_ends(period, date(2030, 1, 1))[-1] == date(2023, 4, 30)
    assert followup.month_ends(period, date(2022, 3, 31)) == []


def test_monthly_status_counts_match_hand_computed_values(tmp_path: Path) -> None:
    content = load(make_content(tmp_path, {"commitments/steg.yaml": STEPS}))
    commitments = [c for c in content.commitments.values() if c.period == "2022-2023"]
    rows = followup.monthly_status_counts(commitments, followup.month_ends(content.periods["2022-2023"], TODAY))
    table = {end.month: {s: n for s, n in counts.items() if n} for end, counts in rows}
    # kommunen-blomlador: planerad from 1 April. polisen-narvaro: planerad 1 April, löpande 1 May.
    # steg: pågår 30 April (the month's last day counts), försenad 15 June, genomförd 31 July.
    assert table == {
        4: {"planerad": 2, "pågår": 1},
        5: {"planerad": 1, "löpande": 1, "pågår": 1},
        6: {"planerad": 1, "löpande": 1, "försenad": 1},
        7: {"planerad": 1, "löpande": 1, "genomförd": 1},
        8: {"planerad": 1, "löpande": 1, "genomförd": 1},
        9: {"planerad": 1, "löpande": 1, "genomförd": 1},
        10: {"planerad": 1, "löpande": 1, "genomförd": 1},
    }
    assert all(sum(counts.values()) == 3 for _, counts in rows)


def test_a_commitment_without_status_yet_is_counted_as_such(tmp_path: Path) -> None:
    content = load(make_content(tmp_path, {"commitments/steg.yaml": STEPS.replace("2022-04-30", "2022-05-02")}))
    steps = content.commitments["steg"]
    assert followup.status_on(steps, date(2022, 4, 30)) == "ingen"
    assert followup.status_on(steps, date(2022, 5, 2)) == "pågår"


def test_activities_are_counted_per_actor_and_month() -> None:
    content = load(SAMPLE)
    commitments = [c for c in content.commitments.values() if c.period == "2022-2023"]
    rows = {
        end: (counts, examples)
        for end, counts, examples in followup.activity_counts(
            content, commitments, followup.month_ends(content.periods["2022-2023"], TODAY)
        )
    }
    assert rows[date(2022, 5, 31)] == ({"polisen": 1, "kommunen": 0}, 0)
    assert rows[date(2022, 6, 30)] == ({"polisen": 0, "kommunen": 0}, 0)


def test_indicator_change_and_verdict() -> None:
    indicator = load(SAMPLE).indicators["otrygghet"]
    found = followup.change(indicator)
    assert (found.latest.value, found.previous.value, found.difference) == (36.5, 40, -3.5)
    assert followup.verdict(indicator, found) == "better"
    assert followup.verdict(indicator.model_copy(update={"better": "högre"}), found) == "worse"


def test_charts_are_deterministic_and_carry_no_timestamp() -> None:
    indicator = load(SAMPLE).indicators["otrygghet"]
    first, second = charts.indicator_chart(indicator, "sv"), charts.indicator_chart(indicator, "sv")
    assert first == second
    assert "okt. 2021" in first  # Swedish month names, as text in the SVG


def _svg(text: str) -> ElementTree.Element:
    root = ElementTree.fromstring(text)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert (root.get("viewBox"), root.get("width"), root.get("height")) in {
        ("0 0 460 320", "460", "320"),
        ("0 0 460 408", "460", "408"),
    }
    return root


def test_an_indicator_chart_says_what_it_shows_and_every_value_in_the_language_of_its_page() -> None:
    indicator = load(SAMPLE).indicators["otrygghet"]
    root = _svg(charts.indicator_chart(indicator, "sv"))
    assert root.get("lang") == "sv" and root.get("aria-labelledby") == "title description"
    assert root.findtext(f"{SVG}title") == indicator.title
    assert root.findtext(f"{SVG}desc") == "oktober 2021: 40 procent; oktober 2022: 36,5 procent"
    labels = {t.get("x"): t.text for t in root.iter(f"{SVG}text")}
    assert [labels[c.get("cx")] for c in root.iter(f"{SVG}circle")] == [
        "40",
        "36,5",
    ]  # each point labelled with its value
    english = _svg(charts.indicator_chart(indicator, "en"))
    assert (
        english.findtext(f"{SVG}desc") == "October 2021: 40 percent; October 2022: 36.5 percent"
    )  # the unit in the reader's words


def test_a_status_chart_has_the_colours_and_patterns_of_the_status_table_and_the_counts_in_words(
    tmp_path: Path,
) -> None:
    content = load(make_content(tmp_path, {"commitments/steg.yaml": STEPS}))
    rows = followup.monthly_status_counts(
        [content.commitments["steg"]], followup.month_ends(content.periods["2022-2023"], TODAY)
    )
    root = _svg(charts.status_chart(rows, "sv"))
    assert root.findtext(f"{SVG}title") == "Antal åtaganden per status och månad"
    assert root.findtext(f"{SVG}desc").startswith(
        "april 2022: Pågår 1. maj 2022: Pågår 1. juni 2022: Försenad 1. juli 2022: Genomförd 1."
    )
    fills = {rect.get("fill") for rect in root.iter(f"{SVG}rect")}
    for status in ("pågår", "försenad", "genomförd"):
        assert STATUSES[status].fill in fills
    assert STATUSES["planerad"].fill not in fills  # no bar and no legend for a status that no month has
    assert "url(#hatch-forsenad)" in fills and root.find(f".//{SVG}pattern[@id='hatch-forsenad']") is not None
    legend = [t.text for t in root.iter(f"{SVG}text") if t.text in {"Pågår", "Försenad", "Genomförd"}]
    assert legend == ["Pågår", "Genomförd", "Försenad"]  # in the order of the status table


def test_charts_read_from_the_right_in_arabic() -> None:
    indicator = load(SAMPLE).indicators["otrygghet"]
    root = _svg(charts.indicator_chart(indicator, "ar"))
    points = [float(c.get("cx")) for c in root.iter(f"{SVG}circle")]
    assert points[0] > points[1]  # the earlier measurement on the right
    assert root.get("lang") == "ar" and "أكتوبر" in root.findtext(f"{SVG}desc")


def test_every_chart_has_its_numbers_in_a_table(tmp_path: Path) -> None:
    project = build_sample(tmp_path)
    indicator_page = html(project, "lofte/indikator/otrygghet")
    assert re.search(
        r'<img alt="Diagram över [^"]+" class="chart" height="320" src="../otrygghet.svg" width="460"', indicator_page
    )
    assert "<td>1 oktober 2021</td>" in indicator_page and '<td style="text-align: right;">36,5</td>' in indicator_page
    followup_page = html(project, "lofte/uppfoljning/2022-2023")
    assert 'src="../2022-2023-status.svg"' in followup_page
    assert "<td>oktober 2022</td>" in followup_page
    assert (project / "site/lofte/uppfoljning/2022-2023-status.svg").is_file()
    commitment_page = html(project, "lofte/atagande/polisen-narvaro")
    assert (
        'class="chart-small" height="320" src="../../indikator/otrygghet.svg" width="460"' in commitment_page
        and "36,5 procent (1 oktober 2022), −3,5 procentenheter" in commitment_page
    )
