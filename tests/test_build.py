"""Building the site: whole, repeatable, and never half-written."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from medborgarlofte.commands.build import build
from medborgarlofte.errors import ContentErrors
from medborgarlofte.rendering import RenderFailed

from .conftest import ROOT, SAMPLE, make_content, make_project, run_script, tree_digest

TODAY = date(2022, 10, 1)
BLOMLADOR = "commitments/kommunen-blomlador.yaml"


def build_sample(
    tmp_path: Path, changes: dict | None = None, today: date = TODAY, languages: Sequence[str] | None = ("sv",)
) -> Path:
    """The sample content, with changes, built as of today; in Swedish alone unless other languages are asked for (None: all)."""
    project = make_project(tmp_path / "project", languages)
    content = make_content(tmp_path / "input", changes) if changes is not None else SAMPLE
    build(content, "content", project / "mkdocs.yml", project / "site", today)
    return project


def html(project: Path, page: str) -> str:
    return (project / "site" / page / "index.html").read_text(encoding="utf-8")


def test_every_page_type_is_built(tmp_path: Path) -> None:
    project = build_sample(tmp_path)
    for page in (
        "",
        "lofte/ataganden",
        "lofte/atagande/polisen-narvaro",
        "lofte/aktor/polisen",
        "lofte/tema/narvaro",
        "lofte/period/2022-2023",
        "lofte/perioder",
        "lofte/uppdatering/2022-09-dialog",
        "lofte/medborgardialoger",
        "lofte/informationsbrev",
        "lofte/nyheter",
        "lofte/uppfoljningar",
        "lofte/uppdateringar",
        "tillganglighet",
        "integritet",
    ):
        assert (project / "site" / page / "index.html").is_file(), page


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = tree_digest(build_sample(tmp_path / "a", languages=None) / "site")
    second = tree_digest(build_sample(tmp_path / "b", languages=None) / "site")
    assert first == second


def test_removed_commitment_leaves_no_page_behind(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    content = make_content(tmp_path / "input")
    build(content, "content", project / "mkdocs.yml", project / "site", TODAY)
    assert (project / "site/lofte/atagande/kommunen-blomlador/index.html").exists()
    assert (project / "site/en/lofte/atagande/kommunen-blomlador/index.html").exists()
    (content / "commitments/kommunen-blomlador.yaml").unlink()
    (content / "translations/en/commitments/kommunen-blomlador.yaml").unlink()  # a translation of nothing is an error
    (content / "updates/2022-09-dialog.md").unlink()
    build(content, "content", project / "mkdocs.yml", project / "site", TODAY)
    assert not (project / "site/lofte/atagande/kommunen-blomlador").exists()
    assert not (project / "site/en/lofte/atagande/kommunen-blomlador").exists()
    assert not (project / ".medborgarlofte/languages/sv/docs/lofte/atagande/kommunen-blomlador.md").exists()


def test_docs_holds_only_what_people_write(tmp_path: Path) -> None:
    project = build_sample(tmp_path)
    assert sorted(path.name for path in (project / "docs").iterdir()) == sorted(
        path.name for path in (ROOT / "docs").iterdir() if path.name != "lofte"
    )
    assert (project / ".medborgarlofte/languages/sv/docs/lofte/atagande/kommunen-blomlador.md").is_file()
    assert (project / "site/lofte/atagande/kommunen-blomlador/index.html").is_file()


def test_hand_written_pages_are_never_touched(tmp_path: Path) -> None:
    project = build_sample(tmp_path)
    for page in ("index.md", "tillganglighet.md", "integritet.md"):
        assert (project / "docs" / page).read_bytes() == (ROOT / "docs" / page).read_bytes()


def test_invalid_content_leaves_the_last_site_as_it_was(tmp_path: Path) -> None:
    project = build_sample(tmp_path)
    before = tree_digest(project / "site")
    broken = make_content(tmp_path / "broken", {"commitments/polisen-narvaro.yaml": "title: [\n"})
    with pytest.raises(ContentErrors):
        build(broken, "content", project / "mkdocs.yml", project / "site", TODAY)
    assert tree_digest(project / "site") == before


def test_failed_render_leaves_the_last_site_as_it_was(tmp_path: Path) -> None:
    project = build_sample(tmp_path)
    before = tree_digest(project / "site")
    (project / "docs/integritet.md").write_text("# Integritet\n\n[Trasig länk](finns-inte.md)\n", encoding="utf-8")
    with pytest.raises(RenderFailed):
        build(SAMPLE, "content", project / "mkdocs.yml", project / "site", TODAY)
    assert tree_digest(project / "site") == before
    assert not [p for p in (project).iterdir() if p.name.startswith(".site-")]


def test_dates_are_in_swedish(tmp_path: Path) -> None:
    page = html(build_sample(tmp_path), "lofte/atagande/polisen-narvaro")
    assert "1 maj 2022" in page
    assert '<html lang="sv"' in page


def test_silence_and_passed_end_date_are_said_while_the_period_runs(tmp_path: Path) -> None:
    page = html(build_sample(tmp_path / "during", today=date(2023, 3, 1)), "lofte/atagande/kommunen-blomlador")
    assert "Ingen ny rapportering sedan 20 september 2022" in page
    assert "Slutdatumet 31 oktober 2022 har passerat" in page
    start = html(build_sample(tmp_path / "start", today=date(2023, 3, 1)), "")
    assert "2 av 2 åtaganden har inte rapporterats på mer än 90 dagar" in start
    assert "1 av 2 åtaganden har passerat sitt slutdatum utan att vara genomförda" in start


LATE_REPORT = "  - date: 2023-09-15\n    status: genomförd\n    note: Slutrapporten kom i september.\n"


def test_an_ended_period_shows_its_outcome_frozen_and_later_reports_apart(tmp_path: Path) -> None:
    narvaro = (
        (SAMPLE / "commitments/polisen-narvaro.yaml")
        .read_text(encoding="utf-8")
        .replace("activities:", LATE_REPORT.rstrip("\n") + "\nactivities:")
    )
    project = build_sample(tmp_path, {"commitments/polisen-narvaro.yaml": narvaro}, today=date(2023, 10, 1))
    page = html(project, "lofte/atagande/polisen-narvaro")
    assert "Ingen ny rapportering" not in page and "har passerat" not in page  # the period is over: no alarms
    # The first line is the status it ended with, never the present tense; what came after is said to have come after.
    first = re.search(r"<article.*?<li>(.*?)</li>", page, re.DOTALL)
    assert first is not None and re.sub(r"<[^>]+>", "", first.group(1)).split() == (
        "Slutstatus: Löpande – arbete som fortsatte perioden ut (löftet slutade 30 april 2023)".split()
    )
    assert re.search(
        r"Rapporterat efter att löftet slutade:</strong> <span class=\"status status-genomford\">Genomförd</span> sedan 15 september 2023",
        page,
    )
    assert (
        "Status:</strong>" not in page
        and "enligt" in page
        and "Slutstatus löpande när löftet slutade den 30 april 2023, enligt" in page
    )
    assert "<bdi>Slutrapporten kom i september.</bdi> <em>(rapporterat efter periodens slut)</em>" in page
    period = html(project, "lofte/period/2022-2023")
    assert "Löftet gällde från april 2022 till april 2023." in period and "Löftet slutade 30 april 2023." in period
    assert (
        "0 av 2 åtaganden rapporterades som genomförda, 1 var löpande arbete som fortsatte perioden ut, och 1 hade inget rapporterat resultat när perioden slutade."
        in period
    )
    assert re.search(
        r"Rapporterat efter periodens slut</h3>\s*<ul>\s*<li>15 september 2023: <a href=\"../../atagande/polisen-narvaro/#status-2023-09-15-genomford\">",
        period,
    )


def test_the_start_page_says_when_no_promise_is_running(tmp_path: Path) -> None:
    start = html(build_sample(tmp_path / "over", today=date(2024, 6, 1)), "")
    assert (
        "gällde från maj 2023 till april 2024. Löftet slutade 30 april 2024, och här är vad det blev av det." in start
    )
    assert "Utfallet när löftet slutade" in start and "Läget just nu" not in start and "Nästa löfte" not in start
    later = (
        (SAMPLE / "periods/2023-2024.yaml")
        .read_text(encoding="utf-8")
        .replace("start: 2023-05-01", "start: 2023-09-01")
        .replace("2023–2024", "2023–2024 (nytt)")
    )
    renewed = (
        (SAMPLE / "commitments/polisen-narvaro-2023.yaml")
        .read_text(encoding="utf-8")
        .replace("2023-05-01", "2023-09-01")
    )
    gap = build_sample(
        tmp_path / "gap",
        {"periods/2023-2024.yaml": later, "commitments/polisen-narvaro-2023.yaml": renewed},
        today=date(2023, 6, 1),
    )
    start = html(gap, "")
    assert (
        "Löftet slutade 30 april 2023" in start
        and 'Nästa löfte, <a href="lofte/period/2023-2024/"><bdi>Medborgarlöfte Exempelområdet 2023–2024 (nytt)</bdi></a>, börjar gälla 1 september 2023.'
        in start
    )


def test_finished_commitment_is_not_called_silent(tmp_path: Path) -> None:
    changes = {
        "commitments/kommunen-blomlador.yaml": (SAMPLE / "commitments/kommunen-blomlador.yaml").read_text(
            encoding="utf-8"
        )
        + "  - date: 2022-06-01\n    status: genomförd\n"
    }
    page = html(build_sample(tmp_path, changes, today=date(2023, 6, 1)), "lofte/atagande/kommunen-blomlador")
    assert "Ingen ny rapportering" not in page and "har passerat" not in page


def test_examples_are_labelled(tmp_path: Path) -> None:
    text = (
        (SAMPLE / "updates/2022-05-brev.md")
        .read_text(encoding="utf-8")
        .replace("kind: informationsbrev", "kind: informationsbrev\nexample: true")
    )
    project = build_sample(tmp_path, {"updates/2022-05-brev.md": text})
    for page in ("lofte/uppdatering/2022-05-brev", "lofte/informationsbrev", "lofte/atagande/polisen-narvaro", ""):
        text = html(project, page)
        assert '<span class="exempel">Exempel</span>' in text or "<strong>Exempel</strong>" in text, page


HOSTILE = "</title><script>alert(1)</script> {{ site_name }} {% raw %} *fet* [länk](javascript:x) |"


def test_hostile_text_is_shown_as_text(tmp_path: Path) -> None:
    changes = {
        "commitments/polisen-narvaro.yaml": (SAMPLE / "commitments/polisen-narvaro.yaml")
        .read_text(encoding="utf-8")
        .replace("title: Regelbunden närvaro", f"title: '{HOSTILE}'")
        .replace(
            "description: Polisen är regelbundet i området.", "description: 'Text <script>alert(2)</script> {{ x }}'"
        )
        .replace("note: Närvaron har börjat.", "note: '<img src=x onerror=alert(3)>'"),
    }
    project = build_sample(tmp_path, changes)
    for page in (
        "lofte/atagande/polisen-narvaro",
        "lofte/aktor/polisen",
        "lofte/ataganden",
        "lofte/uppdatering/2022-05-brev",
    ):
        text = html(project, page)
        assert "<script>alert" not in text and "<img src=x" not in text, page
        assert (
            "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; {{ site_name }} {% raw %} *fet* [länk](javascript:x) |"
            in text
        ), page
    assert "{{ x }}" in unescape(html(project, "lofte/atagande/polisen-narvaro"))


@pytest.mark.slow
def test_page_size_does_not_grow_with_content(tmp_path: Path) -> None:
    small = build_sample(tmp_path / "small")
    template = (SAMPLE / "commitments/kommunen-blomlador.yaml").read_text(encoding="utf-8")
    many = {f"commitments/extra-{n:03d}.yaml": template for n in range(60)}
    letter = (
        (SAMPLE / "updates/2022-05-brev.md").read_text(encoding="utf-8").replace("commitments: [polisen-narvaro]\n", "")
    )
    many.update({f"updates/2022-06-extra-{n:03d}.md": letter for n in range(60)})
    large = build_sample(tmp_path / "large", many)
    for page in ("tillganglighet", "lofte/atagande/polisen-narvaro-2023", "lofte/uppdatering/2022-09-dialog"):
        assert html(large, page) == html(small, page), page


def test_drafts_and_future_posts_are_not_published(tmp_path: Path) -> None:
    letter = (SAMPLE / "updates/2022-05-brev.md").read_text(encoding="utf-8")
    changes = {
        "updates/2022-06-utkast.md": letter.replace("title: Informationsbrev 1", "title: Hemligt utkast").replace(
            "kind: informationsbrev", "kind: informationsbrev\ndraft: true"
        ),
        "updates/2022-10-imorgon.md": letter.replace("title: Informationsbrev 1", "title: Brev i morgon").replace(
            "date: 2022-05-10", "date: 2022-10-02"
        ),
        **{
            k: v
            for k, v in [
                (
                    "commitments/polisen-narvaro.yaml",
                    (SAMPLE / "commitments/polisen-narvaro.yaml")
                    .read_text(encoding="utf-8")
                    .replace(
                        "activities:",
                        "  - date: 2022-12-01\n    status: genomförd\n    note: Planerad avslutning.\nactivities:",
                    ),
                )
            ]
        },
    }
    project = build_sample(tmp_path, changes, today=TODAY)
    site = "".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
    assert "Hemligt utkast" not in site and "Brev i morgon" not in site and "Planerad avslutning" not in site
    assert not (project / "site/lofte/uppdatering/2022-06-utkast").exists()
    tomorrow = build_sample(tmp_path / "later", changes, today=date(2022, 10, 2))
    assert "Brev i morgon" in html(tomorrow, "lofte/informationsbrev")


def test_a_fork_publishes_with_its_own_address(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", languages=["sv"])
    build(
        SAMPLE, "content", project / "mkdocs.yml", project / "site", TODAY, site_url="https://fork.example.org/lofte-x/"
    )
    feed = (project / "site/lofte/flode/alla.rss").read_text(encoding="utf-8")
    assert "https://fork.example.org/lofte-x/lofte/flode/alla.rss" in feed and "example.github.io" not in feed
    assert '<link rel="canonical" href="https://fork.example.org/lofte-x/lofte/perioder/">' in html(
        project, "lofte/perioder"
    )


@pytest.mark.slow
def test_long_listings_are_split_into_pages(tmp_path: Path) -> None:
    letter = (SAMPLE / "updates/2022-05-brev.md").read_text(encoding="utf-8")
    project = build_sample(
        tmp_path,
        {f"updates/2022-06-brev-{n:02d}.md": letter.replace("Informationsbrev 1", f"Brev {n:02d}") for n in range(60)},
    )
    first, third = html(project, "lofte/uppdateringar"), html(project, "lofte/uppdateringar/3")
    assert first.count('<li><strong><a href="../uppdatering/') == 25
    assert "Sida 1 av 3." in first and 'href="3/"' not in first and 'href="2/">Nästa sida</a>' in first
    assert (
        "<title>Alla uppdateringar, sida 3 - " in third and "Sida 3 av 3." in third and ">Föregående sida</a>" in third
    )
    assert third.count('<li><strong><a href="../../uppdatering/') == 62 - 50


def test_wording_counts_need_no_unit_badges_stay_out_of_the_contents_and_titles_are_not_repeated(
    tmp_path: Path,
) -> None:
    indicator = (
        (SAMPLE / "indicators/otrygghet.yaml")
        .read_text(encoding="utf-8")
        .replace("unit: procent", "unit: antal")
        .replace("better: lägre", "better: lägre\nexample: true")
    )
    narvaro = (
        (SAMPLE / "commitments/polisen-narvaro.yaml")
        .read_text(encoding="utf-8")
        .replace("description: Polisen är regelbundet i området.", "description: Regelbunden närvaro.")
    )
    page = html(
        build_sample(tmp_path, {"indicators/otrygghet.yaml": indicator, "commitments/polisen-narvaro.yaml": narvaro}),
        "lofte/atagande/polisen-narvaro",
    )
    assert (
        "36,5 (1 oktober 2022), −3,5 sedan 1 oktober 2021" in page
        and "antal" not in page.split("Indikatorer", 1)[1].split("Enhet", 1)[0]
    )
    contents = page.split("md-nav--secondary", 1)[1].split("</nav>", 1)[0]
    assert "Andel som känner sig otrygga" in contents and "Exempel" not in contents
    assert '<h2 id="atagandet">' not in page


@pytest.mark.parametrize(
    "today, heading, said",
    [
        (date(2023, 6, 1), "Gällande löfte", None),
        (date(2026, 11, 25), "Senaste löftet", "Det slutade 30 april 2024."),
    ],
)
def test_an_ended_promise_is_never_called_current(tmp_path: Path, today: date, heading: str, said: str | None) -> None:
    project = build_sample(tmp_path, today=today)
    periods, commitments = html(project, "lofte/perioder"), html(project, "lofte/ataganden")
    assert f">{heading}</" in periods and ("Gällande löfte" in periods) == (heading == "Gällande löfte")
    if said:
        assert (
            said in periods
            and "Det här lovade aktörerna att göra under" in commitments
            and "Löftet slutade 30 april 2024." in commitments
        )
        assert "har aktörerna lovat" not in commitments
    else:
        assert "Det här har aktörerna lovat att göra under" in commitments and "Löftet slutade" not in commitments


def test_continuous_work_at_the_end_is_reported_as_continued_not_as_no_result(tmp_path: Path) -> None:
    period = html(build_sample(tmp_path, today=date(2023, 6, 1)), "lofte/period/2022-2023")
    outcome = re.sub(r"<[^>]+>", "", period.split("Utfall", 1)[1])
    assert (
        "0 av 2 åtaganden rapporterades som genomförda, 1 var löpande arbete som fortsatte perioden ut, och 1 hade inget rapporterat resultat"
        in outcome
    )
    unfinished = period.split(">Utan rapporterat resultat när perioden slutade</h3>", 1)[1].split("<h", 1)[0]
    assert "Blomlådor som trafikdämpare" in unfinished and "Regelbunden närvaro" not in unfinished


def test_an_empty_ended_period_has_sentences_written_for_it_not_empty_templates(tmp_path: Path) -> None:
    """A period with no commitments, no indicators, no activities and nothing said of its follow-up or channels."""
    empty = (
        "title: Medborgarlöfte Tomt\nstart: 2024-05-01\nend: 2025-04-30\nbackground: Lägesbilden.\nfocus: Inriktningen.\n"
        "follow_up: []\nchannels: []\nsignatories:\n  - name: Anna Andersson\n    title: Chef\n    organisation: Polisen\n"
    )
    project = build_sample(tmp_path, {"periods/2024-2025.yaml": empty}, today=date(2026, 11, 25))
    period, followup = html(project, "lofte/period/2024-2025"), html(project, "lofte/uppfoljning/2024-2025")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", period.split("<article", 1)[1].split("</article>", 1)[0]))
    assert "Perioden hade inga åtaganden." in text and "Perioden har inga åtaganden." in text and "0 av 0" not in text
    assert "Så följs löftet upp" not in text and "Här kan du följa arbetet" not in text
    shown = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", followup.split("<article", 1)[1].split("</article>", 1)[0]))
    assert "följs upp så här" not in shown and "Här samlas siffrorna för Medborgarlöfte Tomt." in shown
    assert "Perioden har inga åtaganden." in shown and "<table" not in followup.split("<article", 1)[1]
    assert (
        "Inga prestationsindikatorer rapporterades." in shown
        and "Inga effektindikatorer rapporterades." in shown
        and "ännu" not in shown
    )


def test_a_repeated_status_is_a_note_and_the_status_holds_since_it_began(tmp_path: Path) -> None:
    narvaro = (
        (SAMPLE / "commitments/polisen-narvaro.yaml")
        .read_text(encoding="utf-8")
        .replace(
            "    source: https://polisen.example/beslut\n",
            "    source: https://polisen.example/beslut\n  - date: 2022-09-01\n    status: löpande\n    note: Två pass i veckan.\n",
        )
    )
    page = html(
        build_sample(tmp_path, {"commitments/polisen-narvaro.yaml": narvaro}, today=date(2022, 10, 1)),
        "lofte/atagande/polisen-narvaro",
    )
    assert "Löpande</span> sedan 1 maj 2022" in page and "sedan 1 september 2022" not in page
    assert "Två pass i veckan." in page  # the note stands in the history, dated


def test_a_joint_commitment_is_listed_under_each_of_its_actors(tmp_path: Path) -> None:
    page = html(build_sample(tmp_path, today=date(2023, 6, 1)), "lofte/ataganden")
    sections = re.split(r"<h2 [^>]*>", page)[1:]
    holders = [
        re.sub(r"<[^>]+>", "", s.split("</h2>", 1)[0]) for s in sections if "Regelbunden närvaro, andra året" in s
    ]
    assert holders == ["Lokalpolisområde Exempelstad", "Exempelstads kommun"]


def test_charts_keep_their_place_with_width_and_height(tmp_path: Path) -> None:
    project = build_sample(tmp_path)
    assert re.search(
        r'<img alt="Diagram över [^"]*" class="chart" height="320" src="[^"]+\.svg" width="460"',
        html(project, "lofte/indikator/otrygghet"),
    )
    assert re.search(
        r'<img alt="Staplat diagram [^"]*" class="chart" height="408" src="[^"]+-status\.svg" width="460"',
        html(project, "lofte/uppfoljning/2022-2023"),
    )


def test_a_dialogue_known_only_by_its_month(tmp_path: Path) -> None:
    """Real promises cite meetings as 'in October 2015': shown as the month, in the data as YYYY-MM, not in the calendar."""
    dialogue = (
        (SAMPLE / "updates/2022-09-dialog.md")
        .read_text(encoding="utf-8")
        .replace("held: 2022-09-14 18:00", "held: 2022-08")
    )
    project = build_sample(tmp_path, {"updates/2022-09-dialog.md": dialogue})
    page = html(project, "lofte/uppdatering/2022-09-dialog")
    assert "<strong>När:</strong> augusti 2022<" in page
    assert "augusti 2022" in html(project, "lofte/atagande/kommunen-blomlador")
    assert '"held": "2022-08"' in (project / "site/lofte/data/medborgarlofte.json").read_text(encoding="utf-8")
    assert "2022-09-dialog" not in (project / "site/lofte/kalender.ics").read_text(encoding="utf-8")


def test_addresses_once_published_lead_to_their_pages(tmp_path: Path) -> None:
    """The commitments' listing settled at /lofte/ataganden/ (page n at /n/); the addresses it had before redirect there."""
    extra = {
        f"commitments/extra-{n}.yaml": (SAMPLE / BLOMLADOR)
        .read_text(encoding="utf-8")
        .replace("Blomlådor", f"Blomlådor {n}")
        for n in range(30)
    }
    project = build_sample(tmp_path, extra)
    assert "<h1" in html(project, "lofte/ataganden") and "<h1" in html(project, "lofte/ataganden/2")
    for old, new in (
        ("lofte", "ataganden/"),
        ("lofte/atagenden", "../ataganden/"),
        ("lofte/atagenden/2", "../../ataganden/2/"),
        ("lofte/uppfoljning/indikatorer", "../"),
    ):
        page = html(project, old)
        assert f'<meta http-equiv="refresh" content="0; url={new}">' in page and f'<a href="{new}">' in page, old
        assert '<html lang="sv" dir="ltr">' in page and '<meta name="robots" content="noindex">' in page
    assert (project / "site/lofte/data/atagenden.csv").read_bytes() == (
        project / "site/lofte/data/ataganden.csv"
    ).read_bytes()
    sitemap = (project / "site/sitemap.xml").read_text(encoding="utf-8")
    assert "lofte/ataganden/2/" in sitemap and "atagenden" not in sitemap


@pytest.mark.slow
def test_an_ended_period_page_stays_the_same_size_however_many_commitments_it_had(tmp_path: Path) -> None:
    """The outcome lists at most one page of unfinished commitments and says how many more there are."""
    template = (SAMPLE / "commitments/kommunen-blomlador.yaml").read_text(encoding="utf-8")
    ended = date(2023, 10, 1)
    some = build_sample(
        tmp_path / "some", {f"commitments/extra-{n:03d}.yaml": template for n in range(30)}, today=ended
    )
    many = build_sample(
        tmp_path / "many", {f"commitments/extra-{n:03d}.yaml": template for n in range(300)}, today=ended
    )
    size = lambda project: len(html(project, "lofte/period/2022-2023"))  # noqa: E731
    assert size(many) < size(some) * 1.05
    assert "… och 276 till; varje åtagande har dem på sin sida." in html(
        many, "lofte/period/2022-2023"
    )  # 301 without a result (the continuous one has its own)


MOVED_LINES = "  moved:\n    lofte/atagenden/: lofte/ataganden/\n"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "  moved:\n    lofte/atagenden/: lofte/atagaden/\n",
            "extra.moved.lofte/atagenden/: leder till 'lofte/atagaden/', som sajten inte har (förväntade adressen till "
            "en sida eller fil som motorn gör, t.ex. lofte/ataganden/)",
        ),
        (
            "  moved:\n    lofte/data/gamla.csv: lofte/data/finns-inte.csv\n",
            "extra.moved.lofte/data/gamla.csv: leder till 'lofte/data/finns-inte.csv', som sajten inte har (förväntade "
            "adressen till en sida eller fil som motorn gör, t.ex. lofte/ataganden/)",
        ),
        (
            "  moved:\n    /lofte/atagenden: lofte/ataganden/\n",
            "extra.moved./lofte/atagenden: fick '/lofte/atagenden' (förväntade en adress på sajten utan / först: en "
            "sidas mapp som slutar på / (lofte/ataganden/) eller en fil (lofte/data/ataganden.csv))",
        ),
        (
            "  moved:\n    lofte/atagenden/: lofte/data/ataganden.csv\n",
            "extra.moved: 'lofte/atagenden/' leder till 'lofte/data/ataganden.csv' (förväntade en sida för en sida och "
            "en fil för en fil)",
        ),
    ],
    ids=["page-nowhere", "file-nowhere", "not-an-address", "page-to-file"],
)
def test_an_address_the_site_once_had_is_checked_with_its_line(tmp_path: Path, written: str, expected: str) -> None:
    project = make_project(tmp_path / "project", ["sv"])
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  moved:\n")
    end = text.index("  # Days without a status change")
    config.write_text(text[:start] + written + text[end:], encoding="utf-8")
    line = text[:start].count("\n") + 1 + (1 if expected.startswith("extra.moved.") else 0)
    result = run_script("build", "--content", str(SAMPLE), cwd=project)
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}: {expected}" in result.stderr.splitlines(), result.stderr
    assert not (project / "site").exists()


def test_a_site_publishes_no_address_it_never_had(tmp_path: Path) -> None:
    """The old addresses are the reference site's own (its extra.moved): a site without them has neither the redirect
    pages nor the copy of the data file under its old name, and its open data page names none."""
    project = make_project(tmp_path / "project", ["sv"])
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text[: text.index("  moved:\n")] + text[text.index("  # Days without a status change") :])
    build(SAMPLE, "content", config, project / "site", TODAY)
    site = project / "site"
    assert not (site / "lofte/atagenden").exists() and not (site / "lofte/uppfoljning/indikatorer").exists()
    assert not (site / "lofte/data/atagenden.csv").exists()
    assert "atagenden" not in html(project, "lofte/oppna-data")
    assert "ataganden/" in html(project, "lofte")  # the engine's own: its folder leads to the commitments
