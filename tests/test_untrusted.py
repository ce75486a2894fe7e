"""Content is untrusted: safe Markdown, bounded input, personal data, spreadsheet-safe data."""

from __future__ import annotations

import csv
import io
import os
import re
import tracemalloc
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from medborgarlofte.addresses import in_generated
from medborgarlofte.contents import load
from medborgarlofte.errors import ContentError, ContentErrors
from medborgarlofte.generators import opendata
from medborgarlofte.markup import Renderer, image_allowed, link_allowed
from medborgarlofte.personaldata import EMAIL, PERSONAL_NUMBER, PHONE, scan
from medborgarlofte.settings import read_settings

from .conftest import ROOT, SAMPLE, edit, errors_for, make_content

NARVARO = "commitments/polisen-narvaro.yaml"
LETTER = "updates/2022-05-brev.md"
DIALOGUE = "updates/2022-09-dialog.md"
INDICATOR = "indicators/otrygghet.yaml"


def sample(relative: str) -> str:
    return (SAMPLE / relative).read_text(encoding="utf-8")


def warnings_for(tmp_path: Path, changes: dict) -> list[str]:
    warnings: list[ContentError] = []
    load(make_content(tmp_path, changes), "content", warnings)
    return [str(warning) for warning in warnings]


# Markdown ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "markdown",
    [
        'Text {: onclick="alert(1)"}',
        '## Rubrik {: tabindex=0 autofocus onfocus="alert(1)"}',
        'Stycke\n{: onmouseover="alert(1)" }',
        '<div markdown="1" onclick="alert(1)">*x*</div>',
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "<math><mtext><script>alert(1)</script></mtext></math>",
    ],
)
def test_attribute_lists_and_raw_html_are_text(markdown: str) -> None:
    html = Renderer().html(markdown)
    assert "<script" not in html and "onclick=" not in html.replace("&quot;", '"').split(">", 1)[0]
    assert not any(f"<{tag}" in html for tag in ("img", "svg", "math", "div"))
    # Shown as the text it was: markup as &lt;, an attribute list as its characters (braces as references, which a
    # browser shows as braces and Markdown cannot read again).
    assert "&lt;" in html or "{:" in unescape(html)


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "javascript&colon;alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "file:///etc/passwd",
        "jav&#x0A;ascript:alert(1)",
    ],
)
def test_script_urls_are_removed(url: str) -> None:
    renderer = Renderer()
    for markdown in (f"[x]({url})", f"[x][r]\n\n[r]: {url}", f"![x]({url})"):
        html = renderer.html(markdown)
        assert "href" not in html and "src" not in html, markdown
    assert not link_allowed(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://malmo.se",
        "http://example.org/a?b=1",
        "mailto:info@example.org",
        "tel:+4640341000",
        "../aktor/polisen.md",
        "#status",
    ],
)
def test_allowed_links_stay(url: str) -> None:
    assert link_allowed(url)
    assert "href=" in Renderer().html(f"[x]({url})")


@pytest.mark.parametrize(
    "url",
    [
        "https://tracker.example/pixel.gif",
        "//tracker.example/pixel.gif",
        "HTTP://tracker.example/p.gif",
        "\\\\tracker.example\\p.gif",
        "data:image/png;base64,AAAA",
    ],
)
def test_images_from_elsewhere_are_removed(url: str) -> None:
    assert not image_allowed(url)
    assert all(image_allowed(src) for src in re.findall(r'src="([^"]*)"', Renderer().html(f"![bild]({url})")))


def test_images_from_the_site_stay() -> None:
    assert 'src="../../assets/karta.png"' in Renderer().html("![Karta](../../assets/karta.png)")


def test_snippet_directives_are_never_passed_on() -> None:
    html = Renderer().html('--8<-- "mkdocs.yml"\n\n[x](https://a.se "--8<-- \'b\'")\n\n--8<--\nmkdocs.yml\n--8<--')
    assert "--8<" not in html


def test_relative_links_are_resolved_for_where_the_text_is_shown() -> None:
    html = Renderer().html(
        "[brevet](../uppdatering/brev.md#svar)", lambda href: f"https://site.example/lofte/{href[3:]}"
    )
    assert 'href="https://site.example/lofte/uppdatering/brev.md#svar"' in html


def test_remote_image_is_refused_by_check(tmp_path: Path) -> None:
    changes = edit(LETTER, "Brevets text.", "Brevets text.\n\n![Karta](https://tracker.example/pixel.gif)")
    assert errors_for(tmp_path, changes) == [
        "content/updates/2022-05-brev.md:11: text: bilden 'https://tracker.example/pixel.gif' ligger på en annan webbplats"
        " (förväntade en bild på sajten själv, t.ex. ../../assets/bild.png; bilder från andra webbplatser talar om för dem vem som läser)"
    ]


def test_remote_image_in_a_yaml_markdown_field_is_refused(tmp_path: Path) -> None:
    changes = edit(
        NARVARO, "description: Polisen är regelbundet i området.", "description: 'Se ![](//tracker.example/p.gif)'"
    )
    assert errors_for(tmp_path, changes)[0].startswith(
        "content/commitments/polisen-narvaro.yaml:4: description: bilden '//tracker.example/p.gif'"
    )


def test_script_link_is_pointed_out_by_check(tmp_path: Path) -> None:
    changes = edit(LETTER, "Brevets text.", "Brevets text.\n\n[Klicka](JaVaScRiPt:alert(1))")
    assert warnings_for(tmp_path, changes) == [
        "content/updates/2022-05-brev.md:11: text: länken 'JaVaScRiPt:alert(1)' tas bort"
        " (förväntade en adress som börjar med https://, http://, mailto: eller tel:, eller en sida på sajten)"
    ]


# Bounded input ----------------------------------------------------------------------------------

ALIAS_BOMB = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + n)}: &{chr(98 + n)} [{','.join([f'*{chr(97 + n)}'] * 9)}]\n" for n in range(8)
)


def test_yaml_aliases_are_refused_without_expanding_them(tmp_path: Path) -> None:
    tracemalloc.start()
    try:
        errors = errors_for(tmp_path, {NARVARO: "period: 2022-2023\n" + ALIAS_BOMB})
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (
        "content/commitments/polisen-narvaro.yaml:3: b[1]: en YAML-referens (*namn) används (förväntade värdet utskrivet; referenser tillåts inte)"
        in errors
    )
    assert peak < 300 * 1024 * 1024


def test_a_single_alias_is_refused(tmp_path: Path) -> None:
    text = (
        sample(NARVARO)
        .replace("title: Regelbunden närvaro", "title: &t Regelbunden närvaro")
        .replace("description: Polisen är regelbundet i området.", "description: *t")
    )
    assert (
        "content/commitments/polisen-narvaro.yaml:4: description: en YAML-referens (*namn) används (förväntade värdet utskrivet; referenser tillåts inte)"
        in errors_for(tmp_path, {NARVARO: text})
    )


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, {NARVARO: "period: 2022-2023\ntitle: " + "[" * 5000 + "]" * 5000 + "\n"})
    assert errors[0].startswith("content/commitments/polisen-narvaro.yaml:")


def test_files_over_the_size_limit_are_refused(tmp_path: Path) -> None:
    letter = sample(LETTER) + ("Lång text. " * 100_000)
    assert errors_for(tmp_path, {LETTER: letter}) == [
        "content/updates/2022-05-brev.md:1: filen är 1201 kB (förväntade högst 1000 kB; dela upp texten eller korta den)"
    ]


def test_markdown_texts_over_the_length_limit_are_refused(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, {LETTER: sample(LETTER) + "[" * 100_001})
    assert errors == [
        "content/updates/2022-05-brev.md:9: text: är 100016 tecken långt (förväntade högst 100000 tecken)"
    ]


@pytest.mark.parametrize("folder", [False, True])
def test_links_inside_the_content_folder_are_refused(tmp_path: Path, folder: bool) -> None:
    content = make_content(tmp_path)
    outside = tmp_path / "hemligt"
    outside.mkdir()
    (outside / "hemligt.md").write_text(sample(LETTER).replace("Informationsbrev 1", "Hemligt"), encoding="utf-8")
    link = content / "updates" / ("extra" if folder else "hemligt.md")
    link.symlink_to(outside if folder else outside / "hemligt.md")
    with pytest.raises(ContentErrors) as raised:
        load(content, "content")
    assert [str(e) for e in raised.value.errors] == [
        f"content/updates/{link.name}:1: är en länk till en annan plats (förväntade en vanlig fil eller mapp; kopiera in innehållet i stället)"
    ]


CONTROL = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\x7f", "\x85", "\ufffe", "\uffff", "\r"]


@pytest.mark.parametrize("char", CONTROL, ids=[f"U+{ord(c):04X}" for c in CONTROL])
def test_control_characters_are_refused_with_file_line_and_field(tmp_path: Path, char: str) -> None:
    message = f"innehåller det osynliga styrtecknet U+{ord(char):04X} (förväntade vanlig text; ta bort tecknet)"
    raw = edit(NARVARO, "note: Närvaron har börjat.", f"note: Närvaron{char} har börjat.")
    assert errors_for(tmp_path / "raw", raw) == [
        f"content/commitments/polisen-narvaro.yaml:11: history[2].note: {message}"
    ]
    escaped = edit(NARVARO, "title: Regelbunden närvaro", f'title: "Regelbunden\\u{ord(char):04x}närvaro"')
    assert f"content/commitments/polisen-narvaro.yaml:3: title: {message}" in errors_for(tmp_path / "escaped", escaped)
    body = edit(LETTER, "Brevets text.", f"Brevets\n\ntext{char}.")
    assert errors_for(tmp_path / "body", body) == [f"content/updates/2022-05-brev.md:11: text: {message}"]


OVERRIDES = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e"]


@pytest.mark.parametrize("char", OVERRIDES, ids=[f"U+{ord(c):04X}" for c in OVERRIDES])
def test_bidi_embeddings_and_overrides_are_refused_saying_why(tmp_path: Path, char: str) -> None:
    message = (
        f"innehåller det osynliga styrtecknet U+{ord(char):04X} för textriktning, som vänder ordningen på texten runt det "
        "(förväntade vanlig text; ta bort tecknet: webbläsaren ordnar arabisk och hebreisk text själv)"
    )
    raw = edit(NARVARO, "note: Närvaron har börjat.", f"note: abc{char}gpj.exe")
    assert errors_for(tmp_path / "raw", raw) == [
        f"content/commitments/polisen-narvaro.yaml:11: history[2].note: {message}"
    ]
    body = edit(LETTER, "Brevets text.", f"Brevets\n\ntext{char} 2026.")
    assert errors_for(tmp_path / "body", body) == [f"content/updates/2022-05-brev.md:11: text: {message}"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Torget \u2067مالمو\u2069 2026", None),
        ("\u2068\u2066abc\u2069 \u2067x\u2069\u2069 slut", None),
        (
            "Torget \u2067مالمو 2026",
            "innehåller styrtecknet U+2067 som börjar en isolerad text som aldrig avslutas (förväntade U+2069 efter den på samma rad, eller inget)",
        ),
        (
            "Torget مالمو\u2069 2026",
            "innehåller styrtecknet U+2069 som avslutar en isolerad text som aldrig börjar (förväntade ett U+2066, U+2067 eller U+2068 före det på samma rad, eller inget)",
        ),
        (
            "\u2069\u2066abc",
            "innehåller styrtecknet U+2069 som avslutar en isolerad text som aldrig börjar (förväntade ett U+2066, U+2067 eller U+2068 före det på samma rad, eller inget)",
        ),
    ],
)
def test_isolates_are_accepted_only_when_each_is_closed(tmp_path: Path, text: str, expected: str | None) -> None:
    changes = edit(NARVARO, "note: Närvaron har börjat.", f"note: {text}")
    if expected is None:
        assert warnings_for(tmp_path, changes) == []
    else:
        assert errors_for(tmp_path, changes) == [
            f"content/commitments/polisen-narvaro.yaml:11: history[2].note: {expected}"
        ]
    in_body = edit(LETTER, "Brevets text.", f"Brevets\n\n{text}")
    if expected is None:
        assert warnings_for(tmp_path / "body", in_body) == []
    else:
        assert errors_for(tmp_path / "body", in_body) == [f"content/updates/2022-05-brev.md:11: text: {expected}"]


# Implausible values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, expected",
    [
        ("1899-12-31", "'1899-12-31' är inget rimligt datum (förväntade ett år från 1900 till 2100)"),
        ("2101-01-01", "'2101-01-01' är inget rimligt datum (förväntade ett år från 1900 till 2100)"),
    ],
)
def test_implausible_dates_are_refused(tmp_path: Path, written: str, expected: str) -> None:
    errors = errors_for(tmp_path, edit(LETTER, "date: 2022-05-10", f"date: {written}"))
    assert errors == [f"content/updates/2022-05-brev.md:3: date: {expected}"]


@pytest.mark.parametrize("field, value", [("start", "2022-03-31"), ("end", "2023-05-01")])
def test_commitment_dates_lie_inside_their_period(tmp_path: Path, field: str, value: str) -> None:
    errors = errors_for(tmp_path, edit(NARVARO, "themes: [narvaro]", f"themes: [narvaro]\n{field}: {value}"))
    assert errors == [
        f"content/commitments/polisen-narvaro.yaml:6: {field}: {value} ligger utanför perioden 2022-2023 (förväntade ett datum 2022-04-01 – 2023-04-30)"
    ]


def test_line_breaks_are_refused_in_one_line_fields(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, edit(NARVARO, "title: Regelbunden närvaro", 'title: "Regelbunden\\n# närvaro"'))
    assert errors == [
        "content/commitments/polisen-narvaro.yaml:3: title: radbrytning i ett fält som ska vara en rad (förväntade hela texten på en rad)"
    ]


def test_overlong_one_line_fields_are_refused(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, edit(NARVARO, "title: Regelbunden närvaro", f"title: {'x' * 301}"))
    assert errors == [
        "content/commitments/polisen-narvaro.yaml:3: title: är 301 tecken långt (förväntade högst 300 tecken)"
    ]


# Spreadsheets -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "cell, shown",
    [
        ('=HYPERLINK("https://evil.example")', '\'=HYPERLINK("https://evil.example")'),
        ("+SUM(A1)", "'+SUM(A1)"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(1+1)", "'@SUM(1+1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5", "-5"),
        ("+46", "+46"),
        ("-0,5", "-0,5"),
        ("Vanlig text", "Vanlig text"),
        ("", ""),
    ],
)
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(cell: str, shown: str) -> None:
    assert opendata.neutralised(cell) == shown


def test_formula_in_content_is_inert_in_csv_and_as_written_in_json(tmp_path: Path) -> None:
    changes = edit(NARVARO, "title: Regelbunden närvaro", 'title: \'=HYPERLINK("https://evil.example","Klicka")\'')
    changes.update(edit(NARVARO, "note: Närvaron har börjat.", "note: '@SUM(1+1)'") if False else {})
    text = changes[NARVARO].replace("note: Närvaron har börjat.", "note: '@SUM(1+1)'")
    content = load(make_content(tmp_path, {NARVARO: text}), "content")
    files = {
        in_generated(path): text
        for path, text in opendata.generate(content, read_settings(ROOT / "mkdocs.yml")).items()
    }
    assert files["data/ataganden.csv"].startswith("\ufeffid;title;")  # Excel with Swedish settings: BOM and semicolons
    rows = list(csv.DictReader(io.StringIO(files["data/ataganden.csv"].lstrip("\ufeff")), delimiter=";"))
    assert (
        next(r for r in rows if r["id"] == "polisen-narvaro")["title"]
        == '\'=HYPERLINK("https://evil.example","Klicka")'
    )
    assert next(r for r in rows if r["id"] == "kommunen-blomlador")["progress"] == "50"
    changes_rows = list(csv.DictReader(io.StringIO(files["data/statusandringar.csv"].lstrip("\ufeff")), delimiter=";"))
    assert "'@SUM(1+1)" in [r["note"] for r in changes_rows]
    assert '"title": "=HYPERLINK(' in files["data/medborgarlofte.json"]


# Personal data ----------------------------------------------------------------------------------

PERSONAL_NUMBERS = [
    "811218-9876",
    "811218+9876",
    "8112189876",
    "811218 9876",
    "811218–9876",
    "811218—9876",
    "811218\u20119876",
    "811218\u22129876",
    "811218\u00a09876",
    "811218-98 76",
    "811218 98 76",
    "19811218-9876",
    "19811218 9876",
    "198112189876",
    "19811218–9876",
    "81 12 18-9876",
    "811218 - 9876",
    "640823-3234",
    "900101-1239",
    "050505-0500",
    "20050505-0500",
    "780712-3455",
    "991231-0126",
    "120315-6789",
    "850275-1236",
    "19850275-1236",
    "8502751236",
]
PHONES = [
    "08-123 456 78",
    "08 123 456 78",
    "+46 (0)70 123 45 67",
    "+46 70 123 45 67",
    "+46701234567",
    "0046 70 123 45 67",
    "(070) 123 45 67",
    "070–123 45 67",
    "070-123 45 67",
    "070 123 45 67",
    "040-34 10 00",
    "040 34 10 00",
    "+46 40 34 10 00",
    "0771-14 14 00",
]
EMAILS = [
    "anna@example.se",
    "anna.andersson@malmo.se",
    "anna(at)example.se",
    "anna [at] example.se",
    "anna @ example.se",
    "anna＠example.se",
    "anna[at]example[dot]se",
]
NOT_PERSONAL = [
    "2022-05-01",
    "1 maj 2022",
    "2022–2023",
    "1 500 000 kr",
    "12 345 678,90 kr",
    "KS-2022-00123",
    "Dnr 2022/1234",
    "SBN-2022-000456",
    "214 22 Malmö",
    "21422",
    "212000-1124",
    "556677-8899",
    "08:00–17:00",
    "kl. 18.30",
    "år 2023",
    "0,5 procent",
    "36,5 %",
    "polisen.se/sofielund",
    "114 14",
    "1/5 2022",
    "v. 34",
    "2022-05-01 1830",
]


@pytest.mark.parametrize("written", PERSONAL_NUMBERS)
def test_personal_numbers_are_caught_in_every_written_form(written: str) -> None:
    assert [(f.kind, f.text) for f in scan(f"Boende {written} sa.")] == [(PERSONAL_NUMBER, written)]


@pytest.mark.parametrize("written", PHONES)
def test_phone_numbers_are_caught(written: str) -> None:
    assert [(f.kind, f.text) for f in scan(f"Ring {written} i dag.")] == [(PHONE, written)]


@pytest.mark.parametrize("written", EMAILS)
def test_email_addresses_are_caught(written: str) -> None:
    assert [(f.kind, f.text) for f in scan(f"Skriv till {written} i dag.")] == [(EMAIL, written)]


@pytest.mark.parametrize("written", NOT_PERSONAL)
def test_dates_amounts_and_reference_numbers_are_not_personal_data(written: str) -> None:
    assert scan(f"Det gäller {written} enligt beslutet.") == ()


def test_catalogue_is_large_enough() -> None:
    assert len(PERSONAL_NUMBERS) + len(PHONES) + len(EMAILS) >= 40 and len(NOT_PERSONAL) >= 20


@pytest.mark.parametrize(
    "relative, old, new, expected",
    [
        (
            NARVARO,
            "note: Närvaron har börjat.",
            "note: Anmält av 811218 9876.",
            "content/commitments/polisen-narvaro.yaml:11: history[2].note",
        ),
        (
            NARVARO,
            "text: Fotpatrullering",
            "text: Fotpatrull med 811218-9876",
            "content/commitments/polisen-narvaro.yaml:15: activities[1].text",
        ),
        (
            NARVARO,
            "title: Regelbunden närvaro",
            "title: Närvaro 19811218–9876",
            "content/commitments/polisen-narvaro.yaml:3: title",
        ),
        (
            "actors.yaml",
            "short_name: Polisen",
            "short_name: Polisen 811218-9876",
            "content/actors.yaml:3: polisen.short_name",
        ),
        (
            INDICATOR,
            "source: Trygghetsmätningen",
            "source: Trygghetsmätningen 811218-98 76",
            "content/indicators/otrygghet.yaml:4: source",
        ),
        (
            DIALOGUE,
            "place: Torget",
            "place: Torget, hos 811218+9876",
            "content/updates/2022-09-dialog.md:8: dialogue.place",
        ),
        (
            LETTER,
            "summary: Löftet har börjat gälla.",
            "summary: Löftet gäller 8112189876.",
            "content/updates/2022-05-brev.md:5: summary",
        ),
    ],
)
def test_personal_numbers_in_any_field_stop_publishing(
    tmp_path: Path, relative: str, old: str, new: str, expected: str
) -> None:
    errors = errors_for(tmp_path, edit(relative, old, new))
    assert len(errors) == 1 and errors[0].startswith(
        f"{expected}: innehåller ett personnummer eller samordningsnummer, '"
    )


@pytest.mark.parametrize("style", ["|", ">", "|-", ">+"])
def test_findings_inside_a_block_scalar_name_the_line_of_its_text(tmp_path: Path, style: str) -> None:
    note = f"note: {style}\n      Närvaron har börjat.\n      Anmält av 811218 9876."
    errors = errors_for(tmp_path / "number", edit(NARVARO, "note: Närvaron har börjat.", note))
    line = (
        13 if style.startswith("|") else 12
    )  # a folded text (>) is one line as read; its findings are where it begins
    assert len(errors) == 1 and errors[0].startswith(
        f"content/commitments/polisen-narvaro.yaml:{line}: history[2].note: innehåller ett personnummer"
    )
    phone = f"note: {style}\n      Ring 070–123 45 67."
    assert warnings_for(tmp_path / "phone", edit(NARVARO, "note: Närvaron har börjat.", phone)) == [
        "content/commitments/polisen-narvaro.yaml:12: history[2].note: telefonnumret 070–123 45 67 publiceras (ta bort det om det tillhör en privatperson)"
    ]


def test_phone_and_email_in_a_status_note_are_pointed_out(tmp_path: Path) -> None:
    warnings = warnings_for(
        tmp_path,
        edit(NARVARO, "note: Närvaron har börjat.", "note: Ring 070–123 45 67 eller skriv till anna(at)example.se."),
    )
    assert warnings == [
        "content/commitments/polisen-narvaro.yaml:11: history[2].note: telefonnumret 070–123 45 67 publiceras (ta bort det om det tillhör en privatperson)",
        "content/commitments/polisen-narvaro.yaml:11: history[2].note: e-postadressen anna(at)example.se publiceras (ta bort den om den tillhör en privatperson)",
    ]


def test_the_lock_file_names_no_machine(tmp_path: Path) -> None:
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    assert (
        "file:/" not in lock and "--extra-index-url" not in lock and "--find-links" not in lock and "/opt/" not in lock
    )
    assert os.sep + "work" + os.sep not in lock


# In a template: an element that MkDocs reads as Markdown again, its end, a macro's call and its end, and a text from
# content made into HTML by the one safe renderer (|md).
_TEMPLATE_TOKEN = re.compile(
    r"(?P<open_markdown><div\b[^>]*\smarkdown\b[^>]*>)|(?P<open><div\b[^>]*>)|(?P<close></div>)"
    r"|(?P<call>\{%-?\s*call(?:\([^)]*\))?\s+m\.(?P<macro>\w+)\()|(?P<endcall>\{%-?\s*endcall\s*-?%\})|(?P<md>\|\s*md\b)"
)


def _md_read_again(template: str, markdown_macros: set[str]) -> list[int]:
    """The lines where a template puts HTML made from content inside an element read as Markdown again, directly or
    through a macro whose body is one."""
    inside: list[bool] = []
    found = []
    for token in _TEMPLATE_TOKEN.finditer(template):
        kind = token.lastgroup if token.lastgroup != "macro" else "call"
        if kind in ("open_markdown", "open"):
            inside.append(kind == "open_markdown")
        elif kind == "call":
            inside.append(token["macro"] in markdown_macros)
        elif kind in ("close", "endcall") and inside:
            inside.pop()
        elif kind == "md" and any(inside):
            found.append(template.count("\n", 0, token.start()) + 1)
    return found


def test_no_template_puts_html_made_from_content_where_markdown_is_read_again() -> None:
    """Inside an element with a markdown attribute, MkDocs reads raw HTML as elements and applies attribute lists to
    them ({: onmouseover=…}): the safe renderer's HTML must stand outside every such element."""
    folder = ROOT / "medborgarlofte" / "templates"
    macros = (folder / "_macros.md.j2").read_text(encoding="utf-8")
    markdown_macros = {
        name
        for name, body in re.findall(r"\{%-?\s*macro\s+(\w+)\(.*?%\}(.*?)\{%-?\s*endmacro", macros, re.DOTALL)
        if re.search(r"<div\b[^>]*\smarkdown\b", body)
    }
    assert {"scrolling", "follow", "example_notice"} <= markdown_macros
    found = {
        path.name: lines
        for path in sorted(folder.glob("*.j2"))
        if (lines := _md_read_again(path.read_text(encoding="utf-8"), markdown_macros))
    }
    assert found == {}
    # The check itself finds the case it is for.
    assert _md_read_again('<div class="easy-read" markdown>\n\n{{ text|md }}\n</div>\n', set()) == [3]
    assert _md_read_again("{% call m.scrolling(x) %}\n{{ text|md }}\n{% endcall %}\n", {"scrolling"}) == [2]


@pytest.mark.parametrize("where", ["docs/leak.txt", "docs/media/inne", "content/updates/leak.md"])
def test_a_link_under_docs_or_content_is_refused_with_its_name_and_nothing_is_published(
    tmp_path: Path, where: str
) -> None:
    from medborgarlofte.commands.build import build

    from .conftest import make_project, run_script

    project = make_project(tmp_path / "project", languages=["sv"])
    content = make_content(tmp_path)
    build(content, "content", project / "mkdocs.yml", project / "site", date(2023, 6, 1))
    before = sorted(path.relative_to(project / "site") for path in (project / "site").rglob("*"))
    folder = project if where.startswith("docs/") else tmp_path
    (folder / where).parent.mkdir(parents=True, exist_ok=True)
    # A file of this computer's, and a folder of it, that a link would publish in every language.
    (folder / where).symlink_to("/etc/hostname" if where.endswith((".txt", ".md")) else "/etc")
    shown = where if where.startswith("docs/") else str(tmp_path / where)
    expected = f"{shown}:1: är en länk till en annan plats (förväntade en vanlig fil eller mapp; kopiera in innehållet i stället)"
    checked = run_script("check", "--content", str(content), cwd=project)
    assert checked.returncode == 1 and expected in checked.stderr.splitlines(), checked.stderr
    built = run_script("build", "--content", str(content), cwd=project)
    assert built.returncode == 1 and expected in built.stderr.splitlines(), built.stderr
    assert "Traceback" not in built.stderr
    assert sorted(path.relative_to(project / "site") for path in (project / "site").rglob("*")) == before
    hostname = Path("/etc/hostname").read_text(encoding="utf-8").strip()
    assert not [
        path for path in (project / "site").rglob("*.txt") if path.read_text(encoding="utf-8").strip() == hostname
    ]


LAUGHS = "  accessibility:\n    known_issues: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha]\n" + "".join(
    f"    l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 9)}]\n" for n in range(1, 9)
)


@pytest.mark.parametrize(
    ("added", "field", "message"),
    [
        (
            "  pwned: !!python/object/apply:os.system ['touch {marker}']\n",
            "extra.pwned",
            "taggen !!python/object/apply:os.system tillåts inte (förväntade ett vanligt värde, !ENV, !relative eller "
            "!!python/name: med en av material.extensions.emoji.to_svg, material.extensions.emoji.twemoji, "
            "pymdownx.slugs.uslugify, pymdownx.superfences.fence_code_format)",
        ),
        (
            "  pwned: !!python/name:os.system\n",
            "extra.pwned",
            "taggen !!python/name:os.system tillåts inte (förväntade ett vanligt värde, !ENV, !relative eller "
            "!!python/name: med en av material.extensions.emoji.to_svg, material.extensions.emoji.twemoji, "
            "pymdownx.slugs.uslugify, pymdownx.superfences.fence_code_format)",
        ),
        (
            LAUGHS,
            "extra.accessibility.l1[1]",
            "en YAML-referens (*namn) används (förväntade värdet utskrivet; referenser tillåts inte)",
        ),
    ],
    ids=["object-apply", "python-name", "billion-laughs"],
)
def test_mkdocs_yml_runs_no_code_and_holds_no_reference_bomb(
    tmp_path: Path, added: str, field: str, message: str
) -> None:
    from .conftest import make_project, run_script

    project = make_project(tmp_path / "project")
    marker = tmp_path / "ran"
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace("  renderer: mkdocs\n", "  renderer: mkdocs\n" + added.replace("{marker}", str(marker)))
    config.write_text(text, encoding="utf-8")
    line = next(
        n
        for n, row in enumerate(text.splitlines(), start=1)
        if row.strip().startswith(field.split(".")[-1].split("[")[0] + ":")
    )
    for command in ("check", "build"):
        said = run_script(command, "--content", str(ROOT / "content"), cwd=project)
        assert said.returncode == 1 and "Traceback" not in said.stderr, said.stderr
        assert f"mkdocs.yml:{line}: {field}: {message}" in said.stderr.splitlines(), said.stderr
    assert not marker.exists()
    assert not (project / "site").exists()


def test_the_one_reader_of_folders_keeps_docs_hidden_files_and_refuses_a_link_in_any_folder(tmp_path: Path) -> None:
    from medborgarlofte.readers import LINK_REFUSED, regular_files

    (tmp_path / ".well-known").mkdir()
    (tmp_path / ".well-known/security.txt").write_text("Contact: mailto:it@kommunen.example\n", encoding="utf-8")
    (tmp_path / ".utkast.md.swp").write_text("", encoding="utf-8")
    (tmp_path / "sida.md").write_text("# Sida\n", encoding="utf-8")
    (tmp_path / ".well-known/nyckel").symlink_to("/etc/hostname")
    # docs/ is published whole, hidden files included (the renderer decides which it renders); content/ leaves out
    # files whose own names are hidden (an editor's). A link is refused in either, in a hidden folder too.
    everything = [".utkast.md.swp", ".well-known/security.txt", "sida.md"]
    for hidden, files in ((True, everything), (False, everything[1:])):
        found, problems = regular_files(tmp_path, "docs", hidden=hidden)
        assert [path.relative_to(tmp_path).as_posix() for path in found] == files
        assert [(str(problem.path), problem.message) for problem in problems] == [
            ("docs/.well-known/nyckel", LINK_REFUSED)
        ]


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        (
            "renhållningsinsattser [sic] i området",
            '<p>renhållningsinsattser <span class="sic">[sic]</span> i området</p>',
        ),
        ("[sic][sic]", '<p><span class="sic">[sic]</span><span class="sic">[sic]</span></p>'),
        # Written as code, or as an element of one's own, it is text: only the mark itself becomes the element.
        ("`[sic]`", "<p><code>[sic]</code></p>"),
        ('<span class="sic">x</span>', '<p>&lt;span class="sic"&gt;x&lt;/span&gt;</p>'),
        (
            "[text [sic]](https://example.org/[sic])",
            '<p><a href="https://example.org/%5Bsic%5D">text <span class="sic">[sic]</span></a></p>',
        ),
    ],
)
def test_a_quoted_slip_is_marked_and_nothing_else_becomes_an_element(markdown: str, expected: str) -> None:
    assert Renderer().html(markdown) == expected


def test_the_signed_text_s_slip_is_shown_as_written_with_its_mark(default_site: Path) -> None:
    """The signed promise says "renhållningsinsattser": its words are shown as they were signed, marked [sic], and a
    screen reader is told in the page's language what the mark means (in English and Arabic, where the Swedish text is
    shown untranslated, in theirs)."""
    import lxml.html

    from medborgarlofte.generators.presentation import _Shown
    from medborgarlofte.languages import words

    page = default_site / "lofte/atagande/fgk-renhallning/index.html"
    tree = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    (mark,) = tree.xpath("//article//span[@class='sic']")
    assert mark.getprevious() is None and (mark.getparent().text or "").endswith("renhållningsinsattser ")
    assert mark.text == "[sic]"
    (explained,) = mark.xpath("span[@class='sic-note']")
    assert explained.text_content() == " (så står det i originalet)" and explained.get("lang") == "sv"
    for language, note in (("en", "so written in the original"), ("ar", "هكذا ورد في الأصل")):
        (shown,) = lxml.html.fromstring(_Shown(words(language)).slip_mark).xpath("//span[@class='sic-note']")
        assert (shown.text_content(), shown.get("lang")) == (f" ({note})", language)
