"""The command line as a communications officer uses it."""

from __future__ import annotations

from pathlib import Path

import pytest

from medborgarlofte import versions

from .conftest import ROOT, make_content, make_project, run_script


def test_check_passes_on_the_default_content_and_summarises_it() -> None:
    result = run_script("check")
    assert result.returncode == 0, result.stderr
    assert "Innehållet i content är giltigt." in result.stdout
    assert "26 åtaganden" in result.stdout
    assert "Polisen: 9" in result.stdout


NO_SIGN_IN = (
    "varning: mkdocs.yml: extra.editor.auth_url saknas: redigeraren på /admin/ går bara att använda på den egna datorn (make edit) "
    "(skriv adressen till en egen inloggningsserver; handbok/skriva-och-publicera.md: Inloggning i drift)"
)


def test_check_warns_while_the_site_address_or_the_editor_is_a_placeholder(tmp_path: Path) -> None:
    result = run_script("check")
    assert (
        "varning: mkdocs.yml: site_url: https://example.github.io/medborgarlofte/ är en platshållare (skriv sajtens riktiga adress"
        in result.stdout
    )
    assert (
        "varning: mkdocs.yml: extra.editor.repo: example/medborgarlofte är en platshållare (skriv GitHub-förrådet"
        in result.stdout
    )
    assert NO_SIGN_IN in result.stdout.splitlines()
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8")
        .replace("https://example.github.io/medborgarlofte/", "https://lofte.malmo.se/")
        .replace(
            "repo: example/medborgarlofte", "repo: malmo-stad/medborgarlofte\n    auth_url: https://lofte-auth.malmo.se"
        ),
        encoding="utf-8",
    )
    output = run_script("check", "--content", str(ROOT / "content"), cwd=project).stdout
    assert "platshållare" not in output and "auth_url" not in output


def test_check_reports_every_problem_without_a_traceback(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"themes.yaml": "narvaro: [\n", "commitments/polisen-narvaro.yaml": "title: x\n"})
    result = run_script("check", "--content", str(content))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{content}/themes.yaml:2: ogiltig YAML" in result.stderr
    assert f"{content}/commitments/polisen-narvaro.yaml:1: period: saknas (obligatoriskt fält)" in result.stderr
    assert "fel i" in result.stderr.splitlines()[-1]


def test_missing_content_folder(tmp_path: Path) -> None:
    result = run_script("check", "--content", str(tmp_path / "finns-inte"))
    assert result.returncode == 1
    assert "finns-inte:1: mappen finns inte" in result.stderr


def test_help_and_usage_errors_are_in_swedish() -> None:
    shown = run_script("--help").stdout + run_script("new", "--help").stdout
    assert "användning: build_pages.py" in shown and "visa den här hjälpen och avsluta" in shown
    assert not any(english in shown for english in ("usage:", "show this help", "options:", "positional arguments"))
    misspelled = run_script("chek")
    assert misspelled.returncode == 2
    assert (
        misspelled.stderr.splitlines()[-1]
        == "build_pages.py: fel: okänt kommando 'chek' (förväntade ett av: check, build, serve, edit, new, schema, announce, reviewed, init, index; menade du 'check'?)"
    )
    assert run_script().stderr.splitlines()[-1] == "build_pages.py: fel: saknas: ett kommando"
    assert (
        run_script("serve", "--port", "x").stderr.splitlines()[-1]
        == "build_pages.py serve: fel: --port: 'x' är inget heltal"
    )
    assert (
        run_script("check", "--foo").stderr.splitlines()[-1]
        == "build_pages.py: fel: okända argument: --foo (se --help)"
    )


def test_a_mistake_in_mkdocs_yml_is_reported_alike_by_every_command(tmp_path: Path) -> None:
    """mkdocs.yml is read once, through MkDocs' own schema: every problem with its line, by check, build and new alike."""
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("lix_limit: 50", "lix_limit: femtio").replace(
            "use_directory_urls: true", "use_directory_urls: kanske"
        ),
        encoding="utf-8",
    )
    lix_line = text.splitlines().index("  lix_limit: 50") + 1
    urls_line = text.splitlines().index("use_directory_urls: true") + 1
    for command in (["check"], ["build"], ["new", "nyhet", "Titel"]):
        result = run_script(*command, "--content", str(ROOT / "content"), cwd=project)
        assert result.returncode == 1 and "Traceback" not in result.stderr, command
        assert (
            f"mkdocs.yml:{lix_line}: extra.lix_limit: fick 'femtio' (förväntade ett LIX-värde, t.ex. 50)"
            in result.stderr
        )
        assert (
            f"mkdocs.yml:{urls_line}: use_directory_urls: Expected type: <class 'bool'> but received: <class 'str'> (MkDocs)"
            in result.stderr
        )
    assert not (project / "site").exists()


def test_the_site_is_built_where_mkdocs_yml_says(tmp_path: Path) -> None:
    project = make_project(tmp_path, languages=["sv"])
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("site_dir: site", "site_dir: public"), encoding="utf-8"
    )
    result = run_script("build", "--content", str(ROOT / "content"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "public/index.html").is_file() and not (project / "site").exists()
    assert result.stdout == "Sajten är byggd i public/.\n"
    assert run_script("build", "--strict", cwd=project).returncode == 2  # always strict: there is no such choice


AREA_LINES = (
    '  area:\n    name: Sofielund\n    municipality: Malmö\n    municipality_code: "1280"\n    county: Skåne län\n'
    '    county_code: "12"\n    paper_letters: true\n'
)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("  format: 1\n", "  format: 2\n"),
            "extra.format: är 2, men motorn {engine} läser format 1 (uppgradera motorn: höj versionen av medborgarlofte i requirements.txt)",
        ),
        (
            ("  format: 1\n", "  format: 0\n"),
            "extra.format: är 0, men motorn {engine} läser format 1 (gör ändringarna som CHANGELOG.md beskriver för varje format efter ditt, och skriv sedan det nya numret)",
        ),
        (
            ("  format: 1\n", "  format: ett\n"),
            "extra.format: fick 'ett' (förväntade innehållsformatets nummer, t.ex. 1)",
        ),
        (
            ("  renderer: mkdocs\n", "  renderer: propertydocs\n"),
            "extra.renderer: fick 'propertydocs' (förväntade en av: mkdocs, zensical, properdocs; menade du 'properdocs'?)",
        ),
        (
            ("use_directory_urls: true\n", "use_directory_urls: false\n"),
            "use_directory_urls: fick false (förväntade true eller ingen rad: sajtens länkar, flöden och kort pekar på mappar, inte på filer)",
        ),
        (
            ('county_code: "12"', 'county_code: "11"'),
            "extra.area.county_code: fick '11', som inget län har (förväntade en av SCB:s länskoder: 01, 03, 04, 05, 06, 07, 08, 09, 10, 12, 13, 14, 17, 18, 19, 20, 21, 22, 23, 24, 25)",
        ),
        (
            ('county_code: "12"', 'county_code: "13"'),
            "extra.area.municipality_code: fick '1280', som inte ligger i län 13 (en kommunkod börjar med länskoden)",
        ),
        (
            ('municipality_code: "1280"', 'municipality_code: "128"'),
            "extra.area.municipality_code: fick '128' (förväntade kommunkoden, fyra siffror, t.ex. '0180', inom citattecken)",
        ),
        (
            ('municipality_code: "1280"', 'municipality_code: "1281"'),
            "extra.area.municipality_code: fick '1281', som är koden för Lund enligt SCB, men municipality är 'Malmö' "
            "(förväntade samma kommun i båda; Malmö har kod 1280)",
        ),
        (
            ("county: Skåne län", "county: Hallands län"),
            "extra.area.county: fick 'Hallands län', men länskoden 12 är Skåne län enligt SCB",
        ),
        (
            ("    paper_letters: true\n", "    paper_letters: ja\n"),
            "extra.area.paper_letters: fick 'ja' (förväntade true eller false)",
        ),
        (
            ("    paper_letters: true\n", "    paper_letters: true\n    region: Syd\n"),
            "extra.area.region: okänt fält (förväntade ett av: name, municipality, municipality_code, county, county_code, paper_letters, contact)",
        ),
    ],
    ids=[
        "newer-format",
        "older-format",
        "format-not-a-number",
        "unknown-renderer",
        "addresses-without-folders",
        "unknown-county",
        "municipality-in-another-county",
        "short-municipality-code",
        "another-municipality-s-code",
        "another-county-s-name",
        "paper-letters-not-a-boolean",
        "unknown-area-field",
    ],
)
def test_the_area_and_the_content_format_are_checked_with_their_line(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    project = make_project(tmp_path, languages=["sv"])
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if change[0] == "use_directory_urls: true\n":
        text = text.replace("strict: true\n", "strict: true\nuse_directory_urls: true\n")
    assert AREA_LINES in text and change[0] in text
    changed = text.replace(change[0], change[1])
    config.write_text(changed, encoding="utf-8")
    key = expected.split(":")[0].split(".")[-1]
    # The line of the key that counts: the last where a key is written twice, as YAML reads it.
    line = max(n for n, line in enumerate(changed.splitlines(), start=1) if line.strip().startswith(f"{key}:"))
    result = run_script("check", "--content", str(ROOT / "content"), cwd=project)
    assert result.returncode == 1
    assert f"mkdocs.yml:{line}: {expected.format(engine=versions.ENGINE)}" in result.stderr.splitlines()


def test_check_warns_while_the_area_or_the_content_format_is_not_said(tmp_path: Path) -> None:
    project = make_project(tmp_path, languages=["sv"])
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(AREA_LINES, "").replace("  format: 1\n", ""), encoding="utf-8"
    )
    output = run_script("check", "--content", str(ROOT / "content"), cwd=project).stdout.splitlines()
    assert (
        "varning: mkdocs.yml: extra.area saknas (skriv områdets namn, kommun och län med SCB:s koder: de står i öppna data)"
        in output
    )
    assert (
        "varning: mkdocs.yml: extra.format saknas (skriv innehållsformatet sajten är skriven i, format: 1, så att en ny motor kan säga "
        "vad som ska ändras)"
    ) in output


def test_without_the_system_s_fribidi_check_says_what_to_install_and_build_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from medborgarlofte import cli
    from medborgarlofte.commands import NO_TEXT_LAYOUT
    from medborgarlofte.generators import cards

    project = make_project(tmp_path, languages=["sv"])
    # A commitment whose card no build has drawn, in this process or before.
    folder = make_content(tmp_path)
    commitment = sorted((folder / "commitments").glob("*.yaml"))[0]
    text = commitment.read_text(encoding="utf-8")
    commitment.write_text(text.replace("title: ", f"title: {tmp_path.name} ", 1), encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.setattr(cards, "can_lay_out_text", lambda: False)
    content = ["--content", str(folder)]
    assert cli.main(["check", *content]) == 0
    assert (
        f"varning: {NO_TEXT_LAYOUT} Utan det stannar build när en ny delningsbild ska ritas, utan att skriva något: "
        "den senast byggda sajten står kvar."
    ) in capsys.readouterr().out.splitlines()
    assert NO_TEXT_LAYOUT == (
        "Delningsbilderna kan inte ritas: Pillow hittar inte systembiblioteket libfribidi, som behövs för att skriva "
        "arabiska från höger till vänster (kör: sudo apt-get install libfribidi0)."
    )
    assert cli.main(["build", *content]) == 1
    assert capsys.readouterr().err == f"{NO_TEXT_LAYOUT} Den byggda sajten är orörd.\n"
    assert not (project / "site").exists()
