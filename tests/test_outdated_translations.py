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
OUTDATED = ("originalet har ändrats sedan översättningen granskades: sidorna visar originalet tills texten är översatt igen "
            "(kör reviewed {path} när översättningen är granskad mot originalet)")


def _warnings(content: Path) -> list[ContentError]:
    found: list[ContentError] = []
    load(content, "content", found)
    return found


def test_the_sample_translations_are_reviewed_against_their_originals() -> None:
    assert [w for w in _warnings(SAMPLE) if "översättning" in w.message] == []


def test_a_changed_original_makes_its_translation_outdated_in_check_and_in_every_language(tmp_path: Path) -> None:
    content = make_content(tmp_path, edit("commitments/kommunen-blomlador.yaml", "title: Blomlådor som trafikdämpare", "title: Fler blomlådor som trafikdämpare"))
    path = f"{content}/{TRANSLATION}"
    result = run_script("check", "--content", str(content))
    assert result.returncode == 0
    assert f"varning: {path}:1: title: {OUTDATED.format(path=path)}" in result.stdout.splitlines()
    assert "description: originalet har ändrats" not in result.stdout  # the description did not change: its translation holds
    # The translators' overview, per language: what is reviewed, what is outdated, and where.
    assert result.stdout.count("1 inaktuella") == 1 and "0 inaktuella" in result.stdout  # English has one, Arabic none
    assert f"  inaktuell: {content}/translations/en/commitments/kommunen-blomlador.yaml: title (originalet har ändrats sedan översättningen granskades)" in result.stdout
    english = translated.in_language(load(content, "content"), "en").commitments["kommunen-blomlador"]
    assert isinstance(english.title, Untranslated) and english.title == "Fler blomlådor som trafikdämpare"
    assert english.description == "The municipality lends out flower boxes." and not isinstance(english.description, Untranslated)


@pytest.mark.slow
def test_the_english_page_shows_the_current_original_marked_as_swedish_until_the_translation_is_reviewed(tmp_path: Path) -> None:
    project = make_project(tmp_path, languages=["sv", "en"])
    content = make_content(project, edit("commitments/kommunen-blomlador.yaml", "title: Blomlådor som trafikdämpare", "title: Fler blomlådor som trafikdämpare"))
    build(content, "content", project / "mkdocs.yml", project / "site", TODAY)
    page = (project / "site/en/lofte/atagande/kommunen-blomlador/index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)
    assert 'lang="sv"' in heading and "Fler blomlådor som trafikdämpare" in heading and "(in Swedish)" in heading
    assert "Flower boxes as traffic calming" not in page
    # The translator brings the translation up to date and says so.
    translation = content / TRANSLATION
    translation.write_text(translation.read_text(encoding="utf-8").replace("title: Flower boxes as traffic calming", "title: More flower boxes as traffic calming"),
                           encoding="utf-8")
    said = run_script("reviewed", "--content", str(content), str(translation))
    assert said.returncode == 0, said.stderr
    assert said.stdout == f"Granskad mot originalet: {translation} (title, description)\n"
    assert [w for w in _warnings(content) if "översättning" in w.message] == []
    build(content, "content", project / "mkdocs.yml", project / "site", TODAY)
    page = (project / "site/en/lofte/atagande/kommunen-blomlador/index.html").read_text(encoding="utf-8")
    assert "More flower boxes as traffic calming" in re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S).group(1)


def test_reviewed_writes_only_the_fingerprints_and_keeps_the_translators_file_as_written(tmp_path: Path) -> None:
    content = make_content(tmp_path, {
        "translations/en/themes.yaml": "# Our English words.\ntrafik:\n    name: Traffic  # short\n    translated_from:\n        name: \"000000000000\"\n",
    })
    assert run_script("reviewed", "--content", str(content), str(content / "translations/en/themes.yaml")).returncode == 0
    written = (content / "translations/en/themes.yaml").read_text(encoding="utf-8")
    assert written == ("# Our English words.\ntrafik:\n    name: Traffic  # short\n    translated_from:\n"
                       f'      name: "{translated.fingerprint("Trafik")}"\n')
    run_script("reviewed", "--content", str(content), str(content / "translations"))
    assert (content / "translations/en/themes.yaml").read_text(encoding="utf-8") == written  # the same again: nothing moves


def test_a_translated_letter_knows_its_original_body_too(tmp_path: Path) -> None:
    letter = "translations/en/updates/2022-05-brev.md"
    content = make_content(tmp_path, {letter: "---\ntitle: Information letter 1\nsummary: The promise applies.\n---\nThe letter's text.\n"})
    assert run_script("reviewed", "--content", str(content), str(content / letter)).returncode == 0
    written = (content / letter).read_text(encoding="utf-8")
    assert written.endswith("---\nThe letter's text.\n")
    assert f'translated_from:\n  title: "{translated.fingerprint("Informationsbrev 1")}"\n' in written
    body = translated.fingerprint("Brevets text.\n")  # the body as read: ending in a newline
    assert f'  body: "{body}"\n---\n' in written
    (content / "updates/2022-05-brev.md").write_text((SAMPLE / "updates/2022-05-brev.md").read_text(encoding="utf-8").replace("Brevets text.", "Brevets nya text."),
                                                     encoding="utf-8")
    warnings = [w for w in _warnings(content) if "originalet har ändrats" in w.message]
    assert [(w.path.rsplit("/", 1)[-1], w.line, w.field) for w in warnings] == [("2022-05-brev.md", written.splitlines().index("The letter's text.") + 1, "body")]


def test_a_translation_not_yet_reviewed_is_shown_and_check_asks_for_a_review(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"translations/en/themes.yaml": "trafik:\n  name: Traffic\n"})
    warnings = _warnings(content)
    assert [str(w) for w in warnings if "översättning" in w.message] == [
        "content/translations/en/themes.yaml:1: trafik: det är inte känt vilken version av originalet översättningen gäller "
        "(kör reviewed content/translations/en/themes.yaml när översättningen är granskad mot originalet)"]
    assert translated.in_language(load(content, "content"), "en").themes["trafik"].name == "Traffic"


def test_a_fingerprint_of_a_field_that_cannot_be_translated_is_an_error(tmp_path: Path) -> None:
    errors = errors_for(tmp_path, {"translations/en/themes.yaml": "trafik:\n  name: Traffic\n  translated_from:\n    name: 93eefdb84c59\n    colour: abc\n"})
    assert errors == ["content/translations/en/themes.yaml:5: trafik.translated_from.colour: okänt fält (förväntade ett av: name, description)"]


def test_reviewed_refuses_what_is_not_a_translation(tmp_path: Path) -> None:
    content = make_content(tmp_path)
    refused = run_script("reviewed", "--content", str(content), str(content / "themes.yaml"))
    assert refused.returncode == 2
    assert refused.stderr == f"reviewed: {content}/themes.yaml: ingen översättning (förväntade en fil eller mapp under {content}/translations/)\n"


def test_a_translated_list_has_as_many_lines_as_its_original(tmp_path: Path) -> None:
    original = (SAMPLE / "periods").glob("*.yaml").__next__()
    lines = len(load(SAMPLE, "content").periods[original.stem].follow_up)
    follow_up = "".join(f"  - Line {n}\n" for n in range(lines + 1))
    errors = errors_for(tmp_path, {f"translations/en/periods/{original.name}": f"follow_up:\n{follow_up}"})
    assert errors == [f"content/translations/en/periods/{original.name}:1: follow_up: har {lines + 1} rader men originalet {lines} "
                      "(förväntade en översatt rad för varje rad i originalet)"]


@pytest.mark.parametrize(("files", "expected"), [
    ({"translations/sv/themes.yaml": "trafik:\n  name: Trafiken\n"},
     "{content}/translations/sv:1: -: 'sv' är originalets språk: en översättning till det visas aldrig (flytta texterna till originalen)"),
    ({"translations/en/commitments/2022/kommunen-blomlador.yaml": "title: Flower boxes\n"},
     "{content}/translations/en/commitments/2022/kommunen-blomlador.yaml:1: -: ligger inte på samma plats som originalet (förväntade translations/en/commitments/kommunen-blomlador.yaml)"),
], ids=["the-originals-language", "another-folder"])
def test_a_translation_that_would_never_be_shown_or_be_taken_for_another_is_an_error(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    content = make_content(tmp_path, files)
    result = run_script("check", "--content", str(content))
    assert result.returncode == 1
    assert expected.format(content=content) in result.stderr.splitlines()


def test_a_translation_into_a_language_the_site_does_not_have_is_not_shown_and_check_says_so(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"translations/de/themes.yaml": "trafik:\n  name: Verkehr\n"})
    result = run_script("check", "--content", str(content))
    assert result.returncode == 0
    assert (f"varning: {content}/translations/de:1: -: 'de' är inget av sajtens språk (sv, en, ar): översättningen visas inte "
            "(lägg till språket under extra.languages i mkdocs.yml, eller ta bort mappen)") in result.stdout.splitlines()
