"""Every kind of bad input gets one clear message naming the file, the line and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from medborgarlofte.contents import load

from .conftest import SAMPLE, edit, errors_for, make_content

NARVARO = "commitments/polisen-narvaro.yaml"
BLOMLADOR = "commitments/kommunen-blomlador.yaml"
LETTER = "updates/2022-05-brev.md"
DIALOGUE = "updates/2022-09-dialog.md"
INDICATOR = "indicators/otrygghet.yaml"
PERIOD = "periods/2022-2023.yaml"


CASES = {
    "broken YAML": (
        edit(NARVARO, "title: Regelbunden närvaro", "title: [Regelbunden närvaro"),
        "content/commitments/polisen-narvaro.yaml:4: ogiltig YAML: did not find expected ',' or ']', while parsing a flow sequence (kontrollera indrag, kolon och citattecken)",
    ),
    "tab for indentation": (
        edit(NARVARO, "    status: planerad", "\tstatus: planerad"),
        "content/commitments/polisen-narvaro.yaml:8: tabbtecken kan inte användas för indrag (använd mellanslag)",
    ),
    "colon inside a text value": (
        edit(NARVARO, "note: Närvaron har börjat.", "note: Obs: närvaron har börjat."),
        'content/commitments/polisen-narvaro.yaml:11: kolon följt av mellanslag mitt i ett värde (sätt texten inom citattecken: "Obs: så här")',
    ),
    "text where a number belongs": (
        edit(BLOMLADOR, "progress: 50", "progress: femtio"),
        "content/commitments/kommunen-blomlador.yaml:8: progress: fick text (förväntade ett heltal)",
    ),
    "number as text": (
        edit(BLOMLADOR, "progress: 50", 'progress: "50"'),
        "content/commitments/kommunen-blomlador.yaml:8: progress: fick text (förväntade ett heltal)",
    ),
    "list where text belongs": (
        edit(NARVARO, "title: Regelbunden närvaro", "title: [Regelbunden, närvaro]"),
        "content/commitments/polisen-narvaro.yaml:3: title: fick en lista (förväntade text)",
    ),
    "text where a list belongs": (
        edit(NARVARO, "history:\n", "history: planerad\nx:\n"),
        "content/commitments/polisen-narvaro.yaml:6: history: fick text (förväntade en lista, en rad per post som börjar med '- ')",
    ),
    "unknown status": (
        edit(NARVARO, "status: löpande", "status: pagar"),
        "content/commitments/polisen-narvaro.yaml:10: history[2].status: okänt värde 'pagar' (förväntade en av: planerad, pågår, löpande, genomförd, försenad, avbruten; menade du 'pågår'?)",
    ),
    "missing required field": (
        edit(NARVARO, "title: Regelbunden närvaro\n", ""),
        "content/commitments/polisen-narvaro.yaml:1: title: saknas (obligatoriskt fält)",
    ),
    "empty required text": (
        edit(NARVARO, "title: Regelbunden närvaro", "title: ' '"),
        "content/commitments/polisen-narvaro.yaml:3: title: är tomt (förväntade text)",
    ),
    "misspelt field": (
        edit(NARVARO, "title:", "titel:"),
        "content/commitments/polisen-narvaro.yaml:3: titel: okänt fält (förväntade ett av: period, actors, title, description, themes, start, end, progress, continues, history, activities, example; menade du 'title'?)",
    ),
    "field written twice": (
        edit(NARVARO, "themes: [narvaro]", "themes: [narvaro]\ntitle: Igen"),
        "content/commitments/polisen-narvaro.yaml:6: title: fältet står redan på rad 3 (förväntade varje fält en gång)",
    ),
    "unknown actor": (
        edit(NARVARO, "actors: [polisen]", "actors: [polis]"),
        "content/commitments/polisen-narvaro.yaml:2: actors[1]: okänd aktör 'polis' (förväntade ett id från actors.yaml; menade du 'polisen'?)",
    ),
    "unknown period": (
        edit(NARVARO, "period: 2022-2023", "period: 2022-2024"),
        "content/commitments/polisen-narvaro.yaml:1: period: okänd period '2022-2024' (förväntade ett id från periods/; menade du '2023-2024'?)",
    ),
    "unknown theme": (
        edit(NARVARO, "themes: [narvaro]", "themes: [narvaron]"),
        "content/commitments/polisen-narvaro.yaml:5: themes[1]: okänt tema 'narvaron' (förväntade ett id från themes.yaml; menade du 'narvaro'?)",
    ),
    "unknown continued commitment": (
        edit("commitments/polisen-narvaro-2023.yaml", "continues: polisen-narvaro", "continues: polisen-narvar"),
        "content/commitments/polisen-narvaro-2023.yaml:5: continues: okänt åtagande 'polisen-narvar' (förväntade ett id från commitments/; menade du 'polisen-narvaro'?)",
    ),
    "continues a commitment of the same period": (
        edit(BLOMLADOR, "progress: 50", "progress: 50\ncontinues: polisen-narvaro"),
        "content/commitments/kommunen-blomlador.yaml:9: continues: 'polisen-narvaro' hör till perioden 2022-2023, som inte är tidigare (förväntade ett åtagande från en tidigare period)",
    ),
    "path traversal in a reference": (
        edit("commitments/polisen-narvaro-2023.yaml", "continues: polisen-narvaro", "continues: ../polisen-narvaro"),
        "content/commitments/polisen-narvaro-2023.yaml:5: continues: '../polisen-narvaro' är inget giltigt id (förväntade små bokstäver a-z, siffror och bindestreck, t.ex. 'polisen-narvaro')",
    ),
    "file name with spaces and capitals": (
        {"commitments/Polisen Narvaro.yaml": (SAMPLE / NARVARO).read_text(encoding="utf-8")},
        "content/commitments/Polisen Narvaro.yaml:1: id: filnamnet 'Polisen Narvaro' duger inte som id (förväntade små bokstäver a-z, siffror och bindestreck, t.ex. 'polisen-narvaro.yaml')",
    ),
    "duplicate id in two folders": (
        {"commitments/arkiv/polisen-narvaro.yaml": (SAMPLE / NARVARO).read_text(encoding="utf-8")},
        "content/commitments/polisen-narvaro.yaml:1: id: id 'polisen-narvaro' finns redan i content/commitments/arkiv/polisen-narvaro.yaml (förväntade unika filnamn)",
    ),
    "id written in the file": (
        edit(NARVARO, "period: 2022-2023", "id: narvaro\nperiod: 2022-2023"),
        "content/commitments/polisen-narvaro.yaml:1: id: id ska inte skrivas i filen (id är filnamnet eller nyckeln)",
    ),
    "date that does not exist": (
        edit(NARVARO, "date: 2022-05-01", "date: 2022-02-30"),
        "content/commitments/polisen-narvaro.yaml:9: history[2].date: '2022-02-30' är inget datum som finns i kalendern (förväntade ÅÅÅÅ-MM-DD)",
    ),
    "date in words": (
        edit(NARVARO, "date: 2022-05-01", "date: 1 maj 2022"),
        "content/commitments/polisen-narvaro.yaml:9: history[2].date: '1 maj 2022' är inget datum (förväntade ÅÅÅÅ-MM-DD, t.ex. 2022-10-15)",
    ),
    "time that does not exist": (
        edit(DIALOGUE, "held: 2022-09-14 18:00", "held: 2022-09-14 25:00"),
        "content/updates/2022-09-dialog.md:7: dialogue.held: '2022-09-14 25:00' är ingen tidpunkt som finns (förväntade ÅÅÅÅ-MM-DD TT:MM)",
    ),
    "month that does not exist": (
        edit(DIALOGUE, "held: 2022-09-14 18:00", "held: 2022-13"),
        "content/updates/2022-09-dialog.md:7: dialogue.held: '2022-13' är ingen månad som finns (förväntade ÅÅÅÅ-MM, t.ex. 2015-10)",
    ),
    "meeting time in words": (
        edit(DIALOGUE, "held: 2022-09-14 18:00", "held: oktober 2022"),
        "content/updates/2022-09-dialog.md:7: dialogue.held: 'oktober 2022' är ingen tidpunkt (förväntade ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM-DD TT:MM eller bara månaden ÅÅÅÅ-MM, t.ex. 2015-10)",
    ),
    "history out of date order": (
        edit(NARVARO, "  - date: 2022-05-01", "  - date: 2022-03-31\n    status: pågår\n  - date: 2022-05-01"),
        "content/commitments/polisen-narvaro.yaml:9: history[2].date: 2022-03-31 kommer före föregående post 2022-04-01 (förväntade historiken i datumordning, äldst först)",
    ),
    "history before its period": (
        edit(NARVARO, "date: 2022-04-01", "date: 2022-03-31"),
        "content/commitments/polisen-narvaro.yaml:7: history[1].date: 2022-03-31 ligger före perioden 2022-2023 (förväntade ett datum från 2022-04-01)",
    ),
    "cancelled without a note": (
        edit(BLOMLADOR, "status: planerad", "status: avbruten"),
        "content/commitments/kommunen-blomlador.yaml:10: history[1].note: saknas: ett åtagande med status avbruten måste förklaras (förväntade en kommentar om varför)",
    ),
    "end before start": (
        edit(BLOMLADOR, "end: 2022-10-31", "end: 2022-04-30"),
        "content/commitments/kommunen-blomlador.yaml:7: end: 2022-04-30 ligger före startdagen 2022-05-01 (förväntade ett senare datum)",
    ),
    "progress above 100": (
        edit(BLOMLADOR, "progress: 50", "progress: 150"),
        "content/commitments/kommunen-blomlador.yaml:8: progress: 150 är för stort (förväntade högst 100)",
    ),
    "negative count": (
        edit(NARVARO, "count: 12", "count: -3"),
        "content/commitments/polisen-narvaro.yaml:16: activities[1].count: -3 är för litet (förväntade minst 0)",
    ),
    "source that is not a web address": (
        edit(NARVARO, "source: https://polisen.example/beslut", "source: polisens beslut"),
        "content/commitments/polisen-narvaro.yaml:12: history[2].source: 'polisens beslut' är ingen webbadress (förväntade en adress som börjar med https://)",
    ),
    "non-UTF-8 bytes": (
        {NARVARO: "period: 2022-2023\nactors: [polisen]\ntitle: Regelbunden n\u00e4rvaro\n".encode("latin-1")},
        "content/commitments/polisen-narvaro.yaml:3: filen är inte i teckenkodningen UTF-8 (spara den som UTF-8)",
    ),
    "byte order mark": (
        {NARVARO: b"\xef\xbb\xbf" + (SAMPLE / NARVARO).read_bytes()},
        "content/commitments/polisen-narvaro.yaml:1: filen börjar med ett osynligt BOM-tecken (spara den som UTF-8 utan BOM)",
    ),
    "empty file": (
        {NARVARO: "\n  \n"},
        "content/commitments/polisen-narvaro.yaml:1: filen är tom (förväntade fält med värden)",
    ),
    "only a comment": (
        {NARVARO: "# bara en kommentar\n"},
        "content/commitments/polisen-narvaro.yaml:1: inga fält (förväntade fält med värden)",
    ),
    "a list instead of fields": (
        {NARVARO: "- period: 2022-2023\n"},
        "content/commitments/polisen-narvaro.yaml:1: fick en lista (förväntade fält med värden, ett per rad: 'namn: värde')",
    ),
    "unclosed front matter": (
        {LETTER: "---\ntitle: Brev\ndate: 2022-05-10\n\nText utan slut på front matter.\n"},
        "content/updates/2022-05-brev.md:1: front matter avslutas aldrig (förväntade en rad med '---' efter fälten)",
    ),
    "no front matter": (
        {LETTER: "# Brev\n\nBara text.\n"},
        "content/updates/2022-05-brev.md:1: filen ska börja med front matter: en rad med '---' (förväntade '---' på rad 1)",
    ),
    "front matter line numbers count from the file's first line": (
        edit(LETTER, "kind: informationsbrev", "kind: nyhetsbrev"),
        "content/updates/2022-05-brev.md:4: kind: okänt värde 'nyhetsbrev' (förväntade en av: informationsbrev, medborgardialog, nyhet, uppföljning; menade du 'nyhet'?)",
    ),
    "draft that is not true or false": (
        edit(LETTER, "kind: informationsbrev", "kind: informationsbrev\ndraft: ja"),
        "content/updates/2022-05-brev.md:5: draft: fick text (förväntade true eller false)",
    ),
    "body written as a field": (
        edit(LETTER, "kind: informationsbrev", "kind: informationsbrev\nbody: text"),
        "content/updates/2022-05-brev.md:5: body: okänt fält (texten skrivs under front matter, inte som fält)",
    ),
    "dialogue point that points nowhere": (
        edit(DIALOGUE, "commitments: [kommunen-blomlador]", "commitments: [kommunen-blomlado]"),
        "content/updates/2022-09-dialog.md:15: dialogue.points[1].commitments[1]: okänt åtagande 'kommunen-blomlado' (förväntade ett id från commitments/; menade du 'kommunen-blomlador'?)",
    ),
    "dialogue without its place": (
        edit(DIALOGUE, "  place: Torget\n", ""),
        "content/updates/2022-09-dialog.md:6: dialogue.place: saknas för dialogmöte (förväntade var dialogen hölls; bara enkät och digital dialog behöver ingen plats)",
    ),
    "medborgardialog without dialogue": (
        {DIALOGUE: "---\ntitle: Dialog\ndate: 2022-09-20\nkind: medborgardialog\nsummary: Kort.\n---\nText.\n"},
        "content/updates/2022-09-dialog.md:2: dialogue: saknas för medborgardialog (förväntade dialogue med held, place och form)",
    ),
    "dialogue on a letter": (
        edit(DIALOGUE, "kind: medborgardialog", "kind: nyhet"),
        "content/updates/2022-09-dialog.md:6: dialogue: hör bara till kind: medborgardialog (förväntade inget dialogue-fält för nyhet)",
    ),
    "unknown dialogue form": (
        edit(DIALOGUE, "form: dialogmöte", "form: dialogmote"),
        "content/updates/2022-09-dialog.md:9: dialogue.form: okänt värde 'dialogmote' (förväntade en av: dialogmöte, trygghetsvandring, enkät, skolbesök, digital dialog, informationsträff, annat; menade du 'dialogmöte'?)",
    ),
    "update about an unknown commitment": (
        edit(LETTER, "commitments: [polisen-narvaro]", "commitments: [polisen-narvaro, polisen-kameror]"),
        "content/updates/2022-05-brev.md:7: commitments[2]: okänt åtagande 'polisen-kameror' (förväntade ett id från commitments/; menade du 'polisen-narvaro'?)",
    ),
    "unknown indicator level": (
        edit(INDICATOR, "level: effekt", "level: resultat"),
        "content/indicators/otrygghet.yaml:2: level: okänt värde 'resultat' (förväntade en av: aktivitet, prestation, effekt; menade du 'prestation'?)",
    ),
    "indicator values out of order": (
        edit(INDICATOR, "date: 2022-10-01", "date: 2021-10-01"),
        "content/indicators/otrygghet.yaml:10: values[2].date: 2021-10-01 kommer inte efter föregående värde 2021-10-01 (förväntade ett värde per datum, äldst först)",
    ),
    "indicator value as text": (
        edit(INDICATOR, "value: 36.5", "value: 36,5 %"),
        "content/indicators/otrygghet.yaml:11: values[2].value: fick text (förväntade ett tal)",
    ),
    "actor id that is not a slug": (
        edit("actors.yaml", "kommunen:", "Kommunen:"),
        "content/actors.yaml:6: Kommunen: duger inte som id (förväntade små bokstäver a-z, siffror och bindestreck)",
    ),
    "actor without a name": (
        edit("actors.yaml", "  name: Exempelstads kommun\n", ""),
        "content/actors.yaml:6: kommunen.name: saknas (obligatoriskt fält)",
    ),
    "actor web address": (
        edit("actors.yaml", "url: https://polisen.example", "url: polisen.example"),
        "content/actors.yaml:5: polisen.url: 'polisen.example' är ingen webbadress (förväntade en adress som börjar med https://)",
    ),
    "missing actors file": (
        {"actors.yaml": None},
        "content/actors.yaml:1: filen saknas (förväntade actors.yaml med minst en post)",
    ),
    "signatory with an unknown field": (
        edit(PERIOD, "    organisation: Polisen\n", "    organisation: Polisen\n    role: ordförande\n"),
        "content/periods/2022-2023.yaml:16: signatories[1].role: okänt fält (förväntade ett av: name, title, "
        "organisation, example)",
    ),
    "personnummer in an update's text": (
        edit(LETTER, "Brevets text.", "Brevets text.\n\nKontakta 811218-9876 om du vill."),
        "content/updates/2022-05-brev.md:11: text: innehåller ett personnummer eller samordningsnummer, '811218-9876' (ta bort det: sådana publiceras aldrig)",
    ),
    "personnummer in a dialogue point": (
        edit(DIALOGUE, "raised: Bilar kör för fort.", "raised: 'Boende 19811218-9876 sa: bilar kör för fort.'"),
        "content/updates/2022-09-dialog.md:13: dialogue.points[1].raised: innehåller ett personnummer eller samordningsnummer, '19811218-9876' (ta bort det: sådana publiceras aldrig)",
    ),
    "file of another type": (
        {"commitments/anteckning.txt": "anteckning"},
        "content/commitments/anteckning.txt:1: okänd filtyp '.txt' (förväntade .yaml-filer i commitments/)",
    ),
}


@pytest.mark.parametrize("changes, expected", CASES.values(), ids=CASES.keys())
def test_bad_input_is_named_by_file_line_and_field(tmp_path: Path, changes: dict, expected: str) -> None:
    assert expected in errors_for(tmp_path, changes)


def test_catalogue_is_large_enough() -> None:
    assert len(CASES) >= 30


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    changes = {
        **edit(NARVARO, "status: löpande", "status: klar"),
        **edit(BLOMLADOR, "progress: 50", "progress: 500"),
        **edit(LETTER, "kind: informationsbrev", "kind: brev"),
        **edit(INDICATOR, "level: effekt", "level: resultat"),
        "themes.yaml": "narvaro: [\n",
    }
    errors = errors_for(tmp_path, changes)
    files = {error.split(":")[0] for error in errors}
    assert files == {f"content/{name}" for name in (NARVARO, BLOMLADOR, LETTER, INDICATOR, "themes.yaml")}


def test_sample_content_is_valid() -> None:
    content = load(SAMPLE)
    assert list(content.commitments) == ["kommunen-blomlador", "polisen-narvaro", "polisen-narvaro-2023"]
    assert content.commitments["polisen-narvaro"].status.status == "löpande"
    assert content.continued_by["polisen-narvaro"] == ("polisen-narvaro-2023",)


def test_dates_are_timezone_aware() -> None:
    dialogue = load(SAMPLE).updates[0]
    assert dialogue.date.isoformat() == "2022-09-20T18:30:00+02:00"
    assert dialogue.dialogue.held.utcoffset().total_seconds() == 7200


def test_updates_are_newest_first_with_id_as_tie_breaker(tmp_path: Path) -> None:
    twin = (SAMPLE / LETTER).read_text(encoding="utf-8")
    content = load(make_content(tmp_path, {"updates/2022-05-aaa.md": twin, "updates/2022-05-zzz.md": twin}))
    assert [u.id for u in content.updates] == ["2022-09-dialog", "2022-05-aaa", "2022-05-brev", "2022-05-zzz"]


def test_model_is_immutable() -> None:
    content = load(SAMPLE)
    with pytest.raises(ValidationError, match="frozen"):
        content.commitments["polisen-narvaro"].title = "Ändrad"  # type: ignore[misc]
    with pytest.raises(TypeError):
        content.commitments["ny"] = content.commitments["polisen-narvaro"]  # type: ignore[index]


def test_a_year_as_period_id_needs_no_quotes(tmp_path: Path) -> None:
    period = (SAMPLE / "periods/2022-2023.yaml").read_text(encoding="utf-8")
    narvaro = (
        (SAMPLE / "commitments/polisen-narvaro.yaml")
        .read_text(encoding="utf-8")
        .replace("period: 2022-2023", "period: 2022")
    )
    content = load(make_content(tmp_path, {"periods/2022.yaml": period, "commitments/polisen-narvaro.yaml": narvaro}))
    assert content.commitments["polisen-narvaro"].period == "2022" and "2022" in content.periods


def test_a_survey_needs_no_place_but_a_meeting_does(tmp_path: Path) -> None:
    dialogue = (SAMPLE / DIALOGUE).read_text(encoding="utf-8").replace("  place: Torget\n", "")
    survey = dialogue.replace("form: dialogmöte", "form: enkät")
    assert load(make_content(tmp_path / "survey", {DIALOGUE: survey})).updates[0].dialogue.place is None
    assert errors_for(tmp_path / "meeting", {DIALOGUE: dialogue}) == [
        "content/updates/2022-09-dialog.md:6: dialogue.place: saknas för dialogmöte (förväntade var dialogen hölls; bara enkät och digital dialog behöver ingen plats)"
    ]
