"""The command line as a communications officer uses it."""

from __future__ import annotations

from pathlib import Path

from .conftest import ROOT, make_content, make_project, run_script


def test_check_passes_on_the_default_content_and_summarises_it() -> None:
    result = run_script("check")
    assert result.returncode == 0, result.stderr
    assert "Innehållet i content är giltigt." in result.stdout
    assert "26 åtaganden" in result.stdout
    assert "Polisen: 9" in result.stdout


NO_SIGN_IN = ("varning: mkdocs.yml: extra.editor.auth_url saknas: redigeraren på /admin/ går bara att använda på den egna datorn (make edit) "
              "(skriv adressen till en egen inloggningsserver; README: Inloggning i drift)")


def test_check_warns_while_the_site_address_or_the_editor_is_a_placeholder(tmp_path: Path) -> None:
    result = run_script("check")
    assert "varning: mkdocs.yml: site_url: https://example.github.io/medborgarlofte/ är en platshållare (skriv sajtens riktiga adress" in result.stdout
    assert "varning: mkdocs.yml: extra.editor.repo: example/medborgarlofte är en platshållare (skriv GitHub-förrådet" in result.stdout
    assert NO_SIGN_IN in result.stdout.splitlines()
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("https://example.github.io/medborgarlofte/", "https://lofte.malmo.se/")
                      .replace("repo: example/medborgarlofte", "repo: malmo-stad/medborgarlofte\n    auth_url: https://lofte-auth.malmo.se"),
                      encoding="utf-8")
    output = run_script("check", "--content", str(ROOT / "content"), cwd=project).stdout
    assert "platshållare" not in output and "auth_url" not in output


def test_check_reports_every_problem_without_a_traceback(tmp_path: Path) -> None:
    content = make_content(tmp_path, {"themes.yaml": "narvaro: [\n", "commitments/polisen-narvaro.yaml": "title: x\n"})
    result = run_script("check", "--content", str(content))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{content}/themes.yaml:2: -: ogiltig YAML" in result.stderr
    assert f"{content}/commitments/polisen-narvaro.yaml:1: period: saknas (obligatoriskt fält)" in result.stderr
    assert "fel i" in result.stderr.splitlines()[-1]


def test_missing_content_folder(tmp_path: Path) -> None:
    result = run_script("check", "--content", str(tmp_path / "finns-inte"))
    assert result.returncode == 1
    assert "finns-inte:1: -: mappen finns inte" in result.stderr


def test_help_and_usage_errors_are_in_swedish() -> None:
    shown = run_script("--help").stdout + run_script("new", "--help").stdout
    assert "användning: build_pages.py" in shown and "visa den här hjälpen och avsluta" in shown
    assert not any(english in shown for english in ("usage:", "show this help", "options:", "positional arguments"))
    misspelled = run_script("chek")
    assert misspelled.returncode == 2
    assert misspelled.stderr.splitlines()[-1] == "build_pages.py: fel: okänt kommando 'chek' (förväntade ett av: check, build, serve, edit, new, schema; menade du 'check'?)"
    assert run_script().stderr.splitlines()[-1] == "build_pages.py: fel: saknas: ett kommando"
    assert run_script("serve", "--port", "x").stderr.splitlines()[-1] == "build_pages.py serve: fel: --port: 'x' är inget heltal"
    assert run_script("check", "--foo").stderr.splitlines()[-1] == "build_pages.py: fel: okända argument: --foo (se --help)"


def test_a_mistake_in_mkdocs_yml_is_reported_alike_by_every_command(tmp_path: Path) -> None:
    """mkdocs.yml is read once, through MkDocs' own schema: every problem with its line, by check, build and new alike."""
    project = make_project(tmp_path)
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("lix_limit: 50", "lix_limit: femtio").replace("use_directory_urls: true", "use_directory_urls: kanske"), encoding="utf-8")
    lix_line = text.splitlines().index("  lix_limit: 50") + 1
    urls_line = text.splitlines().index("use_directory_urls: true") + 1
    for command in (["check"], ["build"], ["new", "nyhet", "Titel"]):
        result = run_script(*command, "--content", str(ROOT / "content"), cwd=project)
        assert result.returncode == 1 and "Traceback" not in result.stderr, command
        assert f"mkdocs.yml:{lix_line}: extra.lix_limit: fick 'femtio' (förväntade ett LIX-värde, t.ex. 50)" in result.stderr
        assert f"mkdocs.yml:{urls_line}: use_directory_urls: Expected type: <class 'bool'> but received: <class 'str'> (MkDocs)" in result.stderr
    assert not (project / "site").exists()


def test_the_site_is_built_where_mkdocs_yml_says(tmp_path: Path) -> None:
    project = make_project(tmp_path, languages=["sv"])
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("site_dir: site", "site_dir: public"), encoding="utf-8")
    result = run_script("build", "--content", str(ROOT / "content"), cwd=project)
    assert result.returncode == 0, result.stderr
    assert (project / "public/index.html").is_file() and not (project / "site").exists()
    assert result.stdout == "Sajten är byggd i public/.\n"
    assert run_script("build", "--strict", cwd=project).returncode == 2  # always strict: there is no such choice
