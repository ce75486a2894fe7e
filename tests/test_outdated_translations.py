"""A translation knows which version of its original it translates: when the original changes, check says so where the
translation stands, and every language's pages show the current original, marked as Swedish, until a translator has
brought the translation up to date and said so with `reviewed`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from medborgarlofte import translated
from medborgarlofte.commands.build import build
from medborgarlofte.contents import load
from medborgarlofte.errors import ContentError
from medborgarlofte.structure import Untranslated

from .conftest import SAMPLE, TODAY, edit, errors_for, make_content, make_project, run_script

TRANSLATION = "translations/en/commitments/kommunen-blomlador.yaml"
OUTDATED = (
    "originalet har ändrats sedan översättningen granskades: sidorna visar originalet tills texten är översatt igen "
    "(kör medborgarlofte reviewed {path} när översättningen är granskad mot originalet)"
)


def _warnings(content: Path) -> list[ContentError]:
    found: list[ContentError] = []
    load(content, "content", found)
    return found


def test_the_sample_translations_are_reviewed_against_their_originals() -> None:
    assert [w for w in _warnings(SAMPLE) if "översättning" in w.message] == []


def test_a_changed_original_makes_its_translation_outdated_in_check_and_in_every_language(tmp_path: Path) -> None:
    content = make_content(
        tmp_path,
        edit(
            "commitments/kommunen-blomlador.yaml",
            "title: Blomlådor som trafikdämpare",
            "title: Fler blomlådor som trafikdämpare",
        ),
    )
    path = f"{content}/{TRANSLATION}"
    result = run_script("check", "--content", str(content))
    assert result.returncode == 0
    assert f"varning: {path}:1: title: {OUTDATED.format(path=path)}" in result.stdout.splitlines()
    assert (
        "description: originalet har ändrats" not in result.stdout
    )  # the description did not change: its translation holds
    # The translators' overview, per language: what is reviewed, what is outdated, and where.
    assert (
        result.stdout.count("1 översatt text är inaktuell: originalet har ändrats sedan översättningen granskades.")
        == 1
    )  # English has one, Arabic none
    assert (
        f"  inaktuell: {content}/translations/en/commitments/kommunen-blomlador.yaml: title (originalet har ändrats sedan översättningen granskades)"
        in result.stdout
    )
    english = translated.in_language(load(content, "content"), "en").commitments["kommunen-blomlador"]
    assert isinstance(english.title, Untranslated) and english.title == "Fler blomlådor som trafikdämpare"
    assert english.description == "The municipality lends out flower boxes." and not isinstance(
        english.description, Untranslated
    )


@pytest.mark.slow
def test_the_english_page_shows_the_current_original_marked_as_swedish_until_the_translation_is_reviewed(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path, languages=["sv", "en"])
    content = make_content(
        project,
        edit(
            "commitments/kommunen-blomlador.yaml",
            "title: Blomlådor som trafikdämpare",
            "title: Fler blomlådor som trafikdämpare",
        ),
    )
    build(content, "content", project / "mkdocs.yml", project / "site", TODAY)
    page = (project / "site/en/lofte/atagande/kommunen-blomlador/index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert 'lang="sv"' in heading and "Fler blomlådor som trafikdämpare" in heading and "(in Swedish)" in heading
    assert "Flower boxes as traffic calming" not in page
    # The translator brings the translation up to date and says so.
    translation = content / TRANSLATION
    translation.write_text(
        translation.read_text(encoding="utf-8").replace(
            "title: Flower boxes as traffic calming", "title: More flower boxes as traffic calming"
        ),
        encoding="utf-8",
    )
    said = run_script("reviewed", "--content", str(content), str(translation))
    assert said.returncode == 0, said.stderr
    assert said.stdout == f"Granskad mot originalet: {translation} (title, description)\n"
    assert [w for w in _warnings(content) if "översättning" in w.message] == []
    build(content, "content", project / "mkdocs.yml", project / "site", TODAY)
    page = (project / "site/en/lofte/atagande/kommunen-blomlador/index.html").read_text(encoding="utf-8")
    assert "More flower boxes as traffic calming" in re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)


def test_reviewed_writes_only_the_fingerprints_and_keeps_the_translators_file_as_written(tmp_path: Path) -> None:
    content = make_content(
        tmp_path,
        {
            "translations/en/themes.yaml": '# Our English words.\ntrafik:\n    name: Traffic  # short\n    translated_from:\n        name: "000000000000"\n',
        },
    )
    assert (
        run_script("reviewed", "--content", str(content), str(content / "translations/en/themes.yaml")).returncode == 0
    )
    written = (content / "translations/en/themes.yaml").read_text(encoding="utf-8")
    assert written == (
        "# Our English words.\ntrafik:\n    name: Traffic  # short\n    translated_from:\n"
        f'      name: "{translated.fingerprint("Trafik")}"\n'
    )
    run_script("reviewed", "--content", str(content), str(content / "translations"))
    assert (content / "translations/en/themes.yaml").read_text(
        encoding="utf-8"
    ) == written  # the same again: nothing moves


def test_a_translated_letter_knows_its_original_body_too(tmp_path: Path) -> None:
    letter = "translations/en/updates/2022-05-brev.md"
    content = make_content(
        tmp_path, {letter: "---\ntitle: Information letter 1\nsummary: The promise applies.\n---\nThe letter's text.\n"}
    )
    assert run_script("reviewed", "--content", str(content), str(content / letter)).returncode == 0
    written = (content / letter).read_text(encoding="utf-8")
    assert written.endswith("---\nThe letter's text.\n")
    assert f'translated_from:\n  title: "{translated.fingerprint("Informationsbrev 1")}"\n' in written
    body = translated.fingerprint("Brevets text.\n")  # the body as read: ending in a newline
    assert f'  body: "{body}"\n---\n' in written
    (content / "updates/2022-05-brev.md").write_text(
        (SAMPLE / "updates/2022-05-brev.md").read_text(encoding="utf-8").replace("Brevets text.", "Brevets nya text."),
        encoding="utf-8",
    )
    warnings = [w for w in _warnings(content) if "originalet har ändrats" in w.message]
    assert [(w.path.rsplit("/", 1)[-1], w.line, w.field) for w in warnings] == [
        ("2022-05-brev.md", written.splitlines().index("The letter's text.") + 1, "body")
    ]


def test_a_translation_not_yet_reviewed_is_shown_and_check_asks_for_a_review(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"translations/en/themes.yaml": "trafik:\n  name: Traffic\n"})
    warnings = _warnings(content)
    assert [str(w) for w in warnings if "översättning" in w.message] == [
        "content/translations/en/themes.yaml:1: trafik: det är inte känt vilken version av originalet översättningen gäller "
        "(kör medborgarlofte reviewed content/translations/en/themes.yaml när översättningen är granskad mot originalet)"
    ]
    assert translated.in_language(load(content, "content"), "en").themes["trafik"].name == "Traffic"


def test_a_fingerprint_of_a_field_that_cannot_be_translated_is_an_error(tmp_path: Path) -> None:
    errors = errors_for(
        tmp_path,
        {
            "translations/en/themes.yaml": "trafik:\n  name: Traffic\n  translated_from:\n    name: 93eefdb84c59\n    colour: abc\n"
        },
    )
    assert errors == [
        "content/translations/en/themes.yaml:5: trafik.translated_from.colour: okänt fält (förväntade ett av: name, description)"
    ]


def test_reviewed_refuses_what_is_not_a_translation(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    refused = run_script("reviewed", "--content", str(content), str(content / "themes.yaml"))
    assert refused.returncode == 2
    assert (
        refused.stderr
        == f"reviewed: {content}/themes.yaml: ingen översättning (förväntade en fil eller mapp under {content}/translations/)\n"
    )


def test_a_translated_list_has_as_many_lines_as_its_original(tmp_path: Path) -> None:
    original = (SAMPLE / "periods").glob("*.yaml").__next__()
    lines = len(load(SAMPLE, "content").periods[original.stem].follow_up)
    follow_up = "".join(f"  - Line {n}\n" for n in range(lines + 1))
    errors = errors_for(tmp_path, {f"translations/en/periods/{original.name}": f"follow_up:\n{follow_up}"})
    assert errors == [
        f"content/translations/en/periods/{original.name}:1: follow_up: har {lines + 1} rader men originalet {lines} "
        "(förväntade en översatt rad för varje rad i originalet, i samma ordning)"
    ]


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"translations/sv/themes.yaml": "trafik:\n  name: Trafiken\n"},
            "{content}/translations/sv:1: 'sv' är originalets språk: en översättning till det visas aldrig (flytta texterna till originalen)",
        ),
        (
            {"translations/en/commitments/2022/kommunen-blomlador.yaml": "title: Flower boxes\n"},
            "{content}/translations/en/commitments/2022/kommunen-blomlador.yaml:1: ligger inte på samma plats som originalet (förväntade translations/en/commitments/kommunen-blomlador.yaml)",
        ),
    ],
    ids=["the-originals-language", "another-folder"],
)
def test_a_translation_that_would_never_be_shown_or_be_taken_for_another_is_an_error(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    content = make_content(tmp_path, files)
    result = run_script("check", "--content", str(content))
    assert result.returncode == 1
    assert expected.format(content=content) in result.stderr.splitlines()


def test_a_translation_into_a_language_the_site_does_not_have_is_not_shown_and_check_says_so(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"translations/de/themes.yaml": "trafik:\n  name: Verkehr\n"})
    result = run_script("check", "--content", str(content))
    assert result.returncode == 0
    assert (
        f"varning: {content}/translations/de:1: 'de' är inget av sajtens språk (sv, en, ar): översättningen visas inte "
        "(lägg till språket under extra.languages i mkdocs.yml, eller ta bort mappen)"
    ) in result.stdout.splitlines()


# Every text a reader sees within an item: a commitment's status notes and activities, a dialogue's place, groups and
# points, a period's signatories (their posts and organisations: a name is in no language), an indicator's unit and notes.
WITHIN = {
    "translations/en/commitments/polisen-narvaro.yaml": (
        "title: Regular presence\n"
        "history:\n  -\n  - note: The presence has begun.\n"
        "activities:\n  - text: Foot patrols\n"
    ),
    "translations/en/updates/2022-09-dialog.md": (
        "---\ntitle: Dialogue meeting\n"
        "dialogue:\n  place: The square\n  groups: [residents]\n"
        "  points:\n    - raised: Cars drive too fast.\n      response: Flower boxes are lent out.\n---\n"
    ),
    "translations/en/periods/2022-2023.yaml": "signatories:\n  - title: Local police area chief\n    organisation: The Police\n",
    "translations/en/indicators/otrygghet.yaml": "unit: per cent\n",
}


def test_the_texts_within_an_item_are_translated_item_for_item(tmp_path: Path) -> None:
    english = translated.in_language(load(make_content(tmp_path, WITHIN), "content"), "en")
    commitment = english.commitments["polisen-narvaro"]
    assert [entry.note for entry in commitment.history] == [None, "The presence has begun."]
    assert not isinstance(commitment.history[1].note, Untranslated)
    assert [activity.text for activity in commitment.activities] == ["Foot patrols"]
    dialogue = next(u for u in english.updates if u.id == "2022-09-dialog").dialogue
    assert (dialogue.place, dialogue.groups) == ("The square", ("residents",))
    assert [(p.raised, p.response) for p in dialogue.points] == [("Cars drive too fast.", "Flower boxes are lent out.")]
    signatory = english.periods["2022-2023"].signatories[0]
    assert (signatory.title, signatory.organisation) == ("Local police area chief", "The Police")
    assert signatory.name == "Anna Andersson" and not isinstance(
        signatory.name, Untranslated
    )  # a name is no Swedish text
    # A unit of the vocabulary is the vocabulary's word in every language: a translation of it changes nothing.
    assert english.indicators["otrygghet"].unit == "procent"


def test_a_translation_within_items_follows_its_original_when_a_page_leaves_an_item_out(tmp_path: Path) -> None:
    """A status dated after today is not shown; the notes that are shown keep their own translations."""
    from medborgarlofte.contents import published

    later = edit(
        "commitments/polisen-narvaro.yaml",
        "    source: https://polisen.example/beslut\n",
        "    source: https://polisen.example/beslut\n  - date: 2030-01-01\n    status: genomförd\n    note: Klart.\n",
    )
    content = make_content(
        tmp_path,
        {
            **WITHIN,
            **later,
            "translations/en/commitments/polisen-narvaro.yaml": "history:\n  -\n  - note: The presence has begun.\n  - note: Done.\n",
        },
    )
    shown = translated.in_language(published(load(content, "content"), TODAY), "en").commitments["polisen-narvaro"]
    assert [entry.note for entry in shown.history] == [None, "The presence has begun."]


def test_a_changed_note_or_a_new_status_outdates_the_translation_of_the_notes(tmp_path: Path) -> None:
    content = make_content(tmp_path, WITHIN)
    path = content / "translations/en/commitments/polisen-narvaro.yaml"
    assert run_script("reviewed", "--content", str(content), str(path)).returncode == 0
    assert (
        f'  history: "{translated.fingerprint(load(content, "content").commitments["polisen-narvaro"].history)}"\n'
        in path.read_text(encoding="utf-8")
    )
    assert [w for w in _warnings(content) if "polisen-narvaro" in w.path] == []
    original = content / "commitments/polisen-narvaro.yaml"
    text = original.read_text(encoding="utf-8")
    for changed in (
        text.replace("note: Närvaron har börjat.", "note: Närvaron har börjat på torget."),
        text.replace("    status: planerad\n", "    status: planerad\n  - date: 2022-04-15\n    status: planerad\n", 1),
    ):
        original.write_text(changed, encoding="utf-8")
        warnings = [w for w in _warnings(content) if "originalet har ändrats" in w.message]
        assert [(w.field, w.line) for w in warnings] == [("history", 2)]
        shown = translated.in_language(load(content, "content"), "en").commitments["polisen-narvaro"]
        assert all(isinstance(entry.note, Untranslated) for entry in shown.history if entry.note)
        assert shown.activities[0].text == "Foot patrols"  # its own field, with its own fingerprint
    # A new date for a status is no new text: the notes' translation holds.
    original.write_text(text.replace("date: 2022-05-01", "date: 2022-05-02"), encoding="utf-8")
    assert [w for w in _warnings(content) if "polisen-narvaro" in w.path] == []


def test_a_translation_of_items_with_more_or_fewer_items_than_the_original_is_an_error(tmp_path: Path) -> None:
    errors = errors_for(
        tmp_path,
        {
            "translations/en/commitments/polisen-narvaro.yaml": "history:\n  - note: The presence has begun.\n",
            "translations/en/updates/2022-09-dialog.md": "---\ndialogue:\n  groups: [residents, youth]\n---\n",
        },
    )
    assert errors == [
        "content/translations/en/commitments/polisen-narvaro.yaml:1: history: har 1 rader men originalet 2 "
        "(förväntade en översatt rad för varje rad i originalet, i samma ordning)",
        "content/translations/en/updates/2022-09-dialog.md:3: dialogue.groups: har 2 rader men originalet 1 "
        "(förväntade en översatt rad för varje rad i originalet, i samma ordning)",
    ]


def test_check_counts_a_field_with_items_as_translated_only_when_every_text_in_it_is(tmp_path: Path) -> None:
    content = make_content(
        tmp_path,
        {"translations/en/commitments/polisen-narvaro.yaml": "history:\n  -\n  - note: The presence has begun.\n"},
    )
    stdout = run_script("check", "--content", str(content)).stdout
    assert (
        f"  info: {content}/translations/en/commitments/polisen-narvaro.yaml: title, description, activities saknar översättning"
        in stdout.splitlines()
    )


@pytest.mark.slow
def test_the_english_pages_show_the_translated_texts_within_items_and_mark_only_what_is_swedish(tmp_path: Path) -> None:
    project = make_project(tmp_path, languages=["sv", "en"])
    build(make_content(project, WITHIN), "content", project / "mkdocs.yml", project / "site", TODAY)
    commitment = (project / "site/en/lofte/atagande/polisen-narvaro/index.html").read_text(encoding="utf-8")
    assert "The presence has begun." in commitment and "Foot patrols" in commitment
    assert "Närvaron har börjat" not in commitment and "Fotpatrullering" not in commitment
    dialogue = (project / "site/en/lofte/uppdatering/2022-09-dialog/index.html").read_text(encoding="utf-8")
    for text in ("The square", "residents", "Cars drive too fast.", "Flower boxes are lent out."):
        assert text in dialogue
    period = (project / "site/en/lofte/period/2022-2023/index.html").read_text(encoding="utf-8")
    signed = re.search(r"<li><strong>.*?Anna Andersson.*?</li>", period, re.S).group(0)
    assert "Local police area chief" in signed and "The Police" in signed
    assert "(in Swedish)" not in signed  # a name is in no language, and the rest is translated
