"""The communications officer's tools: new, serve, and the checks for plain language and privacy."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from medborgarlofte.commands.new import letter_digest
from medborgarlofte.contents import load, published
from medborgarlofte.plainlanguage import hardest_sentences, lix

from .conftest import ROOT, SAMPLE, SCRIPT, free_port, make_content, make_project, run_script, wait_for

DAY = "2022-10-01"
EPOCH = "1664575200"  # 2022-10-01 00:00 in Stockholm


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return run_script(*args, cwd=cwd, epoch=EPOCH)


@pytest.mark.parametrize("kind", ["informationsbrev", "medborgardialog", "nyhet", "uppföljning"])
def test_new_update_passes_check(tmp_path: Path, kind: str) -> None:
    content = make_content(tmp_path)
    result = run("new", kind, "Brev: om trygghet & trafik", "--content", str(content))
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.splitlines()[0])
    assert path.name == f"{DAY}-brev-om-trygghet-trafik.md"
    assert f"kind: {kind}" in path.read_text(encoding="utf-8")
    assert run("check", "--content", str(content)).returncode == 0
    new = next(u for u in load(content).updates if u.id == path.stem)
    assert new.title == "Brev: om trygghet & trafik" and new.draft and new.date.date() == date(2022, 10, 1)


def test_new_status_appends_a_dated_entry(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    before = (content / "commitments/polisen-narvaro.yaml").read_text(encoding="utf-8")
    result = run("new", "status", "polisen-narvaro", "genomförd", "Klart: se rapporten.", "--content", str(content))
    assert result.returncode == 0, result.stderr
    after = (content / "commitments/polisen-narvaro.yaml").read_text(encoding="utf-8")
    assert after.startswith(before.split("activities:")[0])  # nothing before the new entry moved
    status = load(content).commitments["polisen-narvaro"].status
    assert (status.date, status.status, status.note) == (date(2022, 10, 1), "genomförd", "Klart: se rapporten.")
    assert load(content).commitments["polisen-narvaro"].activities  # the list after history is intact


def test_new_status_example_writes_an_invented_status_inside_its_own_entry(tmp_path: Path) -> None:
    """--example marks the new entry, not the list after it: the site shows it as an Exempel, and what came before
    and after is as it was."""
    content = make_content(tmp_path)
    result = run("new", "status", "polisen-narvaro", "genomförd", "Klart.", "--example", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("genomförd från 2022-10-01 (påhittat exempel)")
    commitment = load(content).commitments["polisen-narvaro"]
    assert commitment.status is not None and (commitment.status.status, commitment.status.example) == (
        "genomförd",
        True,
    )
    assert [entry.example for entry in commitment.history[:-1]] == [
        entry.example for entry in load(SAMPLE).commitments["polisen-narvaro"].history
    ]
    assert commitment.activities == load(SAMPLE).commitments["polisen-narvaro"].activities
    update = run("new", "nyhet", "Påhittad nyhet", "--example", "--content", str(content))
    assert update.returncode == 0, update.stderr
    assert "example: true" in Path(update.stdout.splitlines()[0]).read_text(encoding="utf-8")


def test_new_status_on_a_commitment_without_history(tmp_path: Path) -> None:
    text = (SAMPLE / "commitments/kommunen-blomlador.yaml").read_text(encoding="utf-8").split("history:")[0]
    content = make_content(tmp_path, {"commitments/kommunen-blomlador.yaml": text})
    assert run("new", "status", "kommunen-blomlador", "pågår", "--content", str(content)).returncode == 0
    assert load(content).commitments["kommunen-blomlador"].status.status == "pågår"


@pytest.mark.parametrize(
    "words, message",
    [
        (
            ["polisen-narvaro", "klar"],
            "new: okänd status 'klar' (förväntade en av: planerad, pågår, löpande, genomförd, försenad, avbruten)",
        ),
        (
            ["polisen-narvar", "pågår"],
            "new: okänt åtagande 'polisen-narvar' (förväntade en av: kommunen-blomlador, polisen-narvaro, polisen-narvaro-2023; menade du 'polisen-narvaro'?)",
        ),
        (["polisen-narvaro-2023", "avbruten"], "new: statusändringen sparades inte"),
    ],
)
def test_new_status_refuses_what_would_not_pass_check(tmp_path: Path, words: list[str], message: str) -> None:
    content = make_content(tmp_path)
    before = {p: p.read_bytes() for p in content.rglob("*.yaml")}
    result = run("new", "status", *words, "--content", str(content))
    assert result.returncode == 1
    assert message in result.stderr
    assert before == {p: p.read_bytes() for p in content.rglob("*.yaml")}


def test_letter_digest_lists_what_changed_since_the_last_letter() -> None:
    content = load(SAMPLE)
    digest = letter_digest(content, date(2022, 10, 1), "sv")
    text = digest.text
    assert text.startswith("Det här har hänt sedan förra informationsbrevet (10 maj 2022).")
    assert "## Lokalpolisområde Exempelstad" in text
    assert "Fotpatrullering: 12, 31 maj 2022." in text
    assert digest.actors == ("polisen",) and digest.commitments == ("polisen-narvaro",) and not digest.example
    assert "löpande från 1 maj 2022" not in text  # before the previous letter
    assert "## Medborgardialoger\n\n- [Dialogmöte](2022-09-dialog.md), 20 september 2022." in text


def test_digest_keeps_example_marks_and_fills_actors_and_commitments(tmp_path: Path) -> None:
    text = (
        (SAMPLE / "commitments/polisen-narvaro.yaml")
        .read_text(encoding="utf-8")
        .replace("    text: Fotpatrullering\n", "    text: Fotpatrullering\n    example: true\n")
    )
    content = make_content(tmp_path, {"commitments/polisen-narvaro.yaml": text})
    result = run("new", "informationsbrev", "Brev 2", "--digest", "--content", str(content))
    letter = Path(result.stdout.splitlines()[0]).read_text(encoding="utf-8")
    assert "actors: [polisen]\ncommitments: [polisen-narvaro]\n" in letter and "example: true\n" in letter
    assert (
        "- *Exempel:* [Regelbunden närvaro](../atagande/polisen-narvaro.md): Fotpatrullering: 12, 31 maj 2022."
        in letter
    )


def test_new_twice_with_the_same_title_says_the_file_exists(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    assert run("new", "nyhet", "Sommartorg", "--content", str(content)).returncode == 0
    again = run("new", "nyhet", "Sommartorg", "--content", str(content))
    assert again.returncode == 1
    assert (
        again.stderr
        == f"new: {content}/updates/{DAY}-sommartorg.md finns redan (öppna den filen, eller välj en annan rubrik)\n"
    )
    assert len(list((content / "updates").glob(f"{DAY}-sommartorg*"))) == 1


def test_new_status_with_the_same_status_asks_for_a_note(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    before = (content / "commitments/polisen-narvaro.yaml").read_bytes()
    same = run("new", "status", "polisen-narvaro", "löpande", "--content", str(content))
    assert same.returncode == 1 and "har redan status löpande (skriv en kommentar om vad som är nytt" in same.stderr
    assert (content / "commitments/polisen-narvaro.yaml").read_bytes() == before
    noted = run("new", "status", "polisen-narvaro", "löpande", "Två pass i veckan.", "--content", str(content))
    assert noted.returncode == 0
    # A note on the same status: the status still holds since the day it began.
    assert noted.stdout.strip().endswith(
        "polisen-narvaro.yaml: en notering om status löpande, som gäller sedan 2022-05-01"
    )


def test_digest_letter_builds(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    result = run("new", "informationsbrev", "Brev 2", "--digest", "--content", str(content))
    assert result.returncode == 0, result.stderr
    path = Path(result.stdout.splitlines()[0])
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", ""), encoding="utf-8")
    project = make_project(tmp_path / "project")
    built = run("build", "--content", str(content), cwd=project)
    assert built.returncode == 0, built.stderr
    page = (project / "site/lofte/uppdatering" / path.stem / "index.html").read_text(encoding="utf-8")
    assert 'href="../../atagande/polisen-narvaro/"' in page


def test_scheduled_letter_appears_only_when_its_day_has_come(tmp_path: Path) -> None:
    letter = (SAMPLE / "updates/2022-05-brev.md").read_text(encoding="utf-8")
    content = load(
        make_content(
            tmp_path,
            {
                "updates/2022-10-02-brev.md": letter.replace("2022-05-10", "2022-10-02").replace(
                    "Informationsbrev 1", "Brev två"
                )
            },
        )
    )
    assert "2022-10-02-brev" not in [u.id for u in published(content, date(2022, 10, 1)).updates]
    assert "2022-10-02-brev" in [u.id for u in published(content, date(2022, 10, 2)).updates]


def test_serve_previews_drafts_and_rebuilds_on_change(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    project = make_project(tmp_path / "project")
    letter = (SAMPLE / "updates/2022-05-brev.md").read_text(encoding="utf-8")
    (content / "updates/2022-09-utkast.md").write_text(
        letter.replace("Informationsbrev 1", "Mitt utkast").replace(
            "kind: informationsbrev", "kind: informationsbrev\ndraft: true"
        ),
        encoding="utf-8",
    )
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, str(SCRIPT), "serve", "--port", str(port), "--content", str(content)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )
    try:
        page = wait_for(f"http://127.0.0.1:{port}/lofte/informationsbrev/", "Mitt utkast")
        assert "Utkast" in page
        (content / "updates/2022-09-nytt.md").write_text(
            letter.replace("Informationsbrev 1", "Alldeles nytt"), encoding="utf-8"
        )
        wait_for(f"http://127.0.0.1:{port}/lofte/informationsbrev/", "Alldeles nytt")
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_lix_matches_hand_computed_values() -> None:

    assert lix("Jag går hem. Det regnar ute.") == 3  # 6 words / 2 sentences, no long words
    assert lix("Kommunikationsavdelningen genomförde trygghetsvandringen.") == 103  # 3/1 + 100 * 3/3
    assert lix("## Rubrik\n\nEn [länk till sidan](https://example.se) här.") is not None


def test_the_hardest_sentences_are_named_with_their_lines() -> None:
    text = "Jag går hem i dag.\n\nKommunikationsavdelningen genomförde trygghetsvandringen med fastighetsägarna.\nDet regnar ute i dag."
    hardest = hardest_sentences(text, count=2)
    assert [(s.line, s.text) for s in hardest] == [
        (2, "Kommunikationsavdelningen genomförde trygghetsvandringen med fastighetsägarna."),
        (0, "Jag går hem i dag."),
    ]
    assert hardest[0].score == 5 + 80  # 5 words in one sentence, 4 of them long


def test_check_reports_readability_and_warns_on_contact_details(tmp_path: Path) -> None:
    letter = (SAMPLE / "updates/2022-05-brev.md").read_text(encoding="utf-8")
    hard = "Kommunikationsavdelningen genomförde omfattande trygghetsvandringar tillsammans med fastighetsägarna."
    dialogue = (SAMPLE / "updates/2022-09-dialog.md").read_text(encoding="utf-8")
    content = make_content(
        tmp_path,
        {
            "updates/2022-05-brev.md": letter.replace("Brevets text.", hard),
            "updates/2022-09-dialog.md": dialogue.replace(
                "Mötets sammanfattning.", "Mötet.\n\nRing Anna på 070-123 45 67 eller skriv till anna@example.se."
            ),
        },
    )
    result = run("check", "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert "  2022-09-dialog: 12 (lättläst)\n" in result.stdout
    assert (
        "  2022-05-brev: 60 (svår)  varning: över 50, skriv enklare\n" in result.stdout
    )  # 11 words / 2 sentences + 100 * 6/11
    # The hardest sentence is named with its line, for the editor to rewrite.
    assert f"    {content}/updates/2022-05-brev.md:9: LIX 93: {hard}\n" in result.stdout
    assert (
        f"varning: {content}/updates/2022-09-dialog.md:19: text: telefonnumret 070-123 45 67 publiceras (ta bort det om det tillhör en privatperson)"
        in result.stdout
    )
    assert (
        f"varning: {content}/updates/2022-09-dialog.md:19: text: e-postadressen anna@example.se publiceras (ta bort den om den tillhör en privatperson)"
        in result.stdout
    )


def test_new_status_on_an_ended_period_records_a_late_report_on_the_day_it_happened(tmp_path: Path) -> None:
    """On the default content, whose period ended on 2023-04-30: today is not the day it happened, so the day is asked for."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    words = ("new", "status", "fgk-blomlador", "genomförd", "Alla blomlådor är utlånade.", "--content", str(content))
    refused = run_script(*words, epoch="1795561200")
    assert refused.returncode == 1
    assert refused.stderr == (
        "new: löftet som 'fgk-blomlador' hör till slutade 2023-04-30, så i dag är sällan dagen det hände "
        "(ange dagen med --date ÅÅÅÅ-MM-DD, t.ex. --date 2023-04-30)\n"
    )
    assert run_script(*words, "--date", "2026-12-24", epoch="1795561200").stderr.startswith(
        "new: --date: fick '2026-12-24' (förväntade dagen det hände"
    )
    result = run_script(*words, "--date", "2023-06-15", epoch="1795561200")
    assert result.returncode == 0, result.stderr
    commitment = load(content).commitments["fgk-blomlador"]
    assert (commitment.status.date, commitment.status.status) == (date(2023, 6, 15), "genomförd")
    checked = run_script("check", "--content", str(content), epoch="1795561200")
    assert checked.returncode == 0
    assert (
        f"varning: {content}/commitments/2022-2023/fgk-blomlador.yaml:21: history[4].date: 2023-06-15 ligger efter att perioden 2022-2023 slutade "
        "2023-04-30: sidan visar det som rapporterat efter slutet"
    ) in checked.stdout


def test_new_status_on_an_ended_period_asks_for_the_day_in_a_terminal(tmp_path: Path) -> None:
    from medborgarlofte.commands import new

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    answers = iter(["i förrgår", "2023-04-20"])
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return next(answers)

    assert new.new_status(content, "content", "fgk-blomlador", "genomförd", "Klart.", date(2026, 11, 25), ask=ask) == 0
    assert asked == ["Löftet slutade 2023-04-30. Vilken dag hände det? (ÅÅÅÅ-MM-DD): "] * 2
    assert load(content).commitments["fgk-blomlador"].status.date == date(2023, 4, 20)
