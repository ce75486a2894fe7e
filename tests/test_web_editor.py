"""The web editor at /admin/ (Decap CMS): its forms follow the model, it is hidden from residents, and a
communications officer's letter and status change, made in the browser, are files that check and build accept."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from medborgarlofte import addresses as at
from medborgarlofte import editor, translated
from medborgarlofte.contents import load
from medborgarlofte.errors import ContentErrors
from medborgarlofte.schemas import file_schemas
from medborgarlofte.settings import Editor, read_settings
from medborgarlofte.vocabulary import KINDS, STATUSES

from .conftest import (
    ROOT,
    SAMPLE,
    SITE_LANGUAGES,
    axe,
    built_once,
    free_port,
    make_project,
    run_script,
    served,
    wait_for,
)

REPORT = ROOT / "test-report"


@pytest.fixture(scope="module")
def configuration() -> dict[str, Any]:
    settings = read_settings(ROOT / "mkdocs.yml")
    assert settings.editor is not None
    files = editor.generate(settings, settings.editor)
    loaded: dict[str, Any] = yaml.safe_load(files[at.EDITOR_CONFIG])
    return loaded


def _collection(configuration: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = next(c for c in configuration["collections"] if c["name"] == name)
    return found


def _form_fields(fields: list[dict[str, Any]], prefix: str = "") -> dict[str, dict[str, Any]]:
    """Every form field by its path: history.status for the status of a history entry."""
    found = {}
    for field in fields:
        path = f"{prefix}{field['name']}"
        found[path] = field
        found.update(_form_fields(field.get("fields", []), f"{path}."))
    return found


def _model_fields(schema: dict[str, Any], root: dict[str, Any], prefix: str = "") -> dict[str, bool]:
    """Every field of a kind of file by its path, and whether the model requires it."""
    found = {}
    for name, prop in schema["properties"].items():
        path = f"{prefix}{name}"
        found[path] = name in schema.get("required", ())
        inner = next((o for o in prop.get("anyOf", ()) if o.get("type") != "null"), prop)
        ref = inner.get("$ref") or inner.get("items", {}).get("$ref")
        if ref:
            found.update(_model_fields(root["$defs"][ref.split("/")[-1]], root, f"{path}."))
    return found


FILE_KINDS = [
    *((KINDS[kind].page, "update.schema.json") for kind in KINDS),
    ("commitments", "commitment.schema.json"),
    ("periods", "period.schema.json"),
    ("indicators", "indicator.schema.json"),
    ("actors", "actors.schema.json"),
    ("themes", "themes.schema.json"),
]


@pytest.mark.parametrize(("collection", "schema_name"), FILE_KINDS)
def test_every_field_of_the_model_is_a_form_field_required_as_the_model_requires_it(
    configuration, collection, schema_name
):
    schema = file_schemas()[schema_name]
    found = _collection(configuration, collection)
    if "files" in found:  # actors.yaml, themes.yaml: the items as a list, each with its id
        [file] = found["files"]
        assert file["file"] == f"content/{collection}.yaml"
        fields = _form_fields(file["fields"][0]["fields"])
        item = schema["$defs"][schema["additionalProperties"]["$ref"].split("/")[-1]]
        expected = {"id": True, **_model_fields(item, schema)}
    else:
        fields = _form_fields(found["fields"])
        expected = _model_fields(schema, schema)
        if schema_name == "update.schema.json":
            expected["body"] = False
            if not KINDS[found["filter"]["value"]].has_dialogue:  # a dialogue belongs to a medborgardialog only
                expected = {path: required for path, required in expected.items() if not path.startswith("dialogue")}
            else:
                expected["dialogue"] = True
    assert sorted(fields) == sorted(expected), "a field of the model has no form field, or a form field no model field"
    for path, required in expected.items():
        assert fields[path]["required"] is required, path
        assert fields[path]["label"] and "_" not in fields[path]["label"], path


def test_one_collection_per_kind_of_file_in_swedish(configuration):
    assert configuration["locale"] == "sv"
    translations = [
        f"{language}-{kind}"
        for language in SITE_LANGUAGES[1:]
        for kind in ("periods", "commitments", "indicators", "updates", "actors", "themes")
    ]
    assert [c["name"] for c in configuration["collections"]] == [
        *(KINDS[k].page for k in KINDS),
        "commitments",
        "periods",
        "indicators",
        "actors",
        "themes",
        *translations,
    ]
    for kind, facts in KINDS.items():
        updates = _collection(configuration, facts.page)
        assert updates["folder"] == "content/updates" and updates["format"] == "frontmatter"
        assert updates["filter"] == {"field": "kind", "value": kind}
        assert _form_fields(updates["fields"])["kind"]["default"] == kind
        assert _form_fields(updates["fields"])["body"]["widget"] == "markdown"
        assert _form_fields(updates["fields"])["draft"]["widget"] == "boolean"
    commitment = _form_fields(_collection(configuration, "commitments")["fields"])
    assert commitment["history.status"]["widget"] == "select"
    assert commitment["history.status"]["options"] == [
        {"label": facts.label, "value": name} for name, facts in STATUSES.items()
    ]
    assert commitment["example"]["widget"] == "boolean"
    assert commitment["description"]["widget"] == "markdown" and commitment["description"]["modes"] == ["raw"]
    for name, collection in (
        ("period", "periods"),
        ("actors", "actors"),
        ("themes", "themes"),
        ("continues", "commitments"),
    ):
        assert commitment[name]["widget"] == "relation" and commitment[name]["collection"] == collection, name
    assert commitment["actors"]["multiple"] is True and commitment["period"]["multiple"] is False
    assert configuration["slug"] == {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}
    assert (
        configuration["publish_mode"] == "editorial_workflow"
    )  # every change a pull request, checked before it is merged


def _widgets(fields: list[dict[str, Any]]) -> set[str]:
    return {field["widget"] for field in fields} | {w for field in fields for w in _widgets(field.get("fields", []))}


def test_the_editor_takes_no_upload_and_publishes_none(configuration):
    """No form takes a picture or a file. Decap needs a folder for uploads all the same: one the site never publishes."""
    used = set().union(
        *(
            _widgets(c.get("fields", []) or [f for file in c["files"] for f in file["fields"]])
            for c in configuration["collections"]
        )
    )
    assert used.isdisjoint({"image", "file"}), used
    settings = read_settings(ROOT / "mkdocs.yml")
    uploads = ROOT / configuration["media_folder"]
    assert not uploads.is_relative_to(ROOT / settings.docs_dir) and not uploads.is_relative_to(ROOT / "content")
    assert "public_folder" not in configuration


def test_an_editor_setting_that_is_wrong_is_named_with_its_line(tmp_path):
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "    repo: example/medborgarlofte\n", "    repo: medborgarlofte\n    auth: x\n"
        ),
        encoding="utf-8",
    )
    shutil.copytree(SAMPLE, project / "content")
    result = run_script("check", cwd=project)
    assert result.returncode == 1
    line = config.read_text(encoding="utf-8").splitlines().index("    repo: medborgarlofte") + 1
    assert (
        f"mkdocs.yml:{line}: extra.editor.repo: fick 'medborgarlofte' (förväntade GitHub-förrådet som ägare/namn, t.ex. 'kommunen/medborgarlofte')"
        in result.stderr
    )
    assert (
        "extra.editor.auth: okänt fält (förväntade ett av: repo, branch, auth_url; menade du 'auth_url'?)"
        in result.stderr
    )


@pytest.mark.parametrize(
    ("setting", "value"),
    [
        ("auth_url", '"https://auth.example/\\"><script>alert(1)</script>"'),
        ("auth_url", "http://auth.example/"),
        ("branch", '"main\\" onclick=alert(1)"'),
        ("branch", '"main\\nx"'),
    ],
)
def test_an_editor_setting_that_would_reach_a_page_as_markup_is_refused_with_its_line(tmp_path, setting, value):
    project = make_project(tmp_path / "project")
    config = project / "mkdocs.yml"
    written = config.read_text(encoding="utf-8").replace("    branch: main\n", "")
    config.write_text(
        written.replace(
            "    repo: example/medborgarlofte\n", f"    repo: example/medborgarlofte\n    {setting}: {value}\n"
        ),
        encoding="utf-8",
    )
    with pytest.raises(ContentErrors) as raised:
        read_settings(config)
    line = config.read_text(encoding="utf-8").splitlines().index(f"    {setting}: {value}") + 1
    assert [(error.line, error.field) for error in raised.value.errors] == [(line, f"extra.editor.{setting}")]


def _sample_site_with_editor(folder: Path) -> None:
    project = make_project(folder / "project", languages=["sv", "en"])
    shutil.copytree(SAMPLE, project / "content")
    result = run_script("build", cwd=project)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def built(shared: Path) -> Path:
    """The sample site with its editor, built once with the command an editor runs."""
    return built_once(shared, "editor-sample", _sample_site_with_editor) / "project" / "site"


def test_the_editor_is_served_from_the_site_and_hidden_from_residents(built):
    page = (built / at.EDITOR_PAGE).read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert re.findall(r"<script[^>]*>", page) == ['<script type="module" src="start.js">']
    assert f'"{at.EDITOR_SCRIPT.removeprefix(at.EDITOR_FOLDER)}"' in (built / at.EDITOR_START).read_text(
        encoding="utf-8"
    )
    assert (built / at.EDITOR_SCRIPT).is_file() and (built / at.EDITOR_START).is_file()
    assert (built / at.EDITOR_FOLDER / "yaml" / "index.js").is_file() and (built / at.EDITOR_CONFIG).is_file()
    assert not (built / "en" / at.EDITOR_FOLDER).exists()  # one editor for the whole site
    for html in built.rglob("*.html"):
        if at.EDITOR_FOLDER not in html.relative_to(built).as_posix():
            assert not re.search(r'href="[^"]*admin/', html.read_text(encoding="utf-8")), html
    for sitemap in built.rglob("sitemap.xml"):
        assert "admin" not in sitemap.read_text(encoding="utf-8")
    # Search indexes a page's marked text alone (data-pagefind-body), which the editor's page has none of.
    assert "data-pagefind-body" in (built / "index.html").read_text(encoding="utf-8")
    assert not [
        page
        for page in (built / at.EDITOR_FOLDER).rglob("*.html")
        if "data-pagefind-body" in page.read_text(encoding="utf-8")
    ]


# Decap's words as the editor shows them: its Swedish locale once start.js has filled it, beside its English one.
WORDS = """async () => {
    const ours = await import("./svenska.js");
    const leaves = (phrases, path = "") => Object.entries(phrases).flatMap(([key, value]) =>
        typeof value === "object" ? leaves(value, path + key + ".") : [[path + key, value]]);
    return {sv: Object.fromEntries(leaves(CMS.getLocale("sv"))), en: Object.fromEntries(leaves(CMS.getLocale("en"))),
            ours: leaves(ours.DECAP_PHRASES).map(([key]) => key)};
}"""


def _placeholders(phrase: str) -> list[str]:
    return sorted(re.findall(r"%\{(\w+)\}", phrase))


def test_every_word_of_the_editor_is_in_swedish(browser: Browser, built):
    """Decap's Swedish locale lacks words Decap has in English ("Add statushistorik"): start.js fills them in. A word
    Decap gains in English fails here until it is given in Swedish in medborgarlofte/decap/svenska.js."""
    with served(built) as port:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/{at.EDITOR_FOLDER}")
        page.get_by_role("button", name="Logga in").wait_for(timeout=60_000)
        words = page.evaluate(WORDS)
        page.close()
    assert not [key for key in words["en"] if key not in words["sv"]]
    assert set(words["ours"]) <= set(words["en"])  # no word for what Decap does not say
    assert not [key for key in words["ours"] if _placeholders(words["sv"][key]) != _placeholders(words["en"][key])]
    assert words["sv"]["editor.editorWidgets.list.add"] == "Lägg till %{item}"


def _published_at(page: Page, host: str, site: Path, replaced: dict[str, str] | None = None) -> list[str]:
    """The built site as a web server at https://host/ would serve it, inside this page's browser; every other request is
    refused and kept in the list returned. replaced: files served in place of the built ones, by path."""
    refused: list[str] = []

    def serve(route: Any) -> None:
        url = route.request.url
        prefix = f"https://{host}/"
        if not url.startswith(prefix):
            refused.append(url)
            route.abort()
            return
        path = url.removeprefix(prefix).split("?")[0].split("#")[0]
        path = path + "index.html" if path.endswith("/") or not path else path
        if replaced and path in replaced:
            route.fulfill(body=replaced[path], content_type="text/html" if path.endswith(".html") else "text/yaml")
        elif (site / path).is_file():
            route.fulfill(path=site / path)
        else:
            route.fulfill(status=404, body="")

    page.route("**/*", serve)
    return refused


def test_without_a_sign_in_server_the_published_editor_says_what_to_set_up_and_asks_no_third_party(
    browser: Browser, built
):
    page = browser.new_page(locale="sv-SE")
    refused = _published_at(page, "lofte.exempel.se", built)
    page.goto(f"https://lofte.exempel.se/{at.EDITOR_FOLDER}")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggningen är inte inställd")
    expect(
        page.get_by_text("Tills dess går det att redigera på den egna datorn med kommandot make edit.")
    ).to_be_visible()
    page.wait_for_timeout(500)  # Decap, were it loaded, would have drawn its sign-in button by now
    assert page.get_by_role("button").count() == 0
    assert not page.evaluate("typeof window.CMS !== 'undefined'")
    assert axe(page, WCAG_21) == []
    page.close()
    assert refused == []


def test_with_a_sign_in_server_the_published_editor_signs_in_through_it(browser: Browser, built):
    settings = read_settings(ROOT / "mkdocs.yml")
    assert settings.editor is not None
    signing_in = editor.generate(
        settings,
        Editor(repo=settings.editor.repo, branch=settings.editor.branch, auth_url="https://lofte-auth.exempel.se"),
    )
    assert yaml.safe_load(signing_in[at.EDITOR_CONFIG])["backend"]["base_url"] == "https://lofte-auth.exempel.se"
    page = browser.new_page(locale="sv-SE")
    page.set_default_timeout(60_000)
    replaced = {path: str(text) for path, text in signing_in.items()}
    refused = _published_at(page, "lofte.exempel.se", built, replaced)
    page.goto(f"https://lofte.exempel.se/{at.EDITOR_FOLDER}")
    expect(page.get_by_role("button", name="Logga in med GitHub")).to_be_visible()
    expect(page.locator("#ingen-inloggning")).to_be_hidden()
    page.close()
    assert refused == []


def test_a_build_without_the_editor_installed_says_what_to_run_and_leaves_the_site(tmp_path, monkeypatch, capsys):
    from medborgarlofte.commands import build

    # A checkout of the engine where make editor has not copied the editor's files into the package.
    monkeypatch.setattr(editor, "STAGED", tmp_path / "dist" / "package-lock.json")
    project = make_project(tmp_path / "project")
    shutil.copytree(SAMPLE, project / "content")
    (project / "site").mkdir()
    (project / "site" / "index.html").write_text("förra sajten", encoding="utf-8")
    monkeypatch.chdir(project)
    assert build.run(Path("content"), "content", Path("mkdocs.yml")) == 1
    assert capsys.readouterr().err == f"{editor.NOT_STAGED} Den byggda sajten är orörd.\n"
    assert (project / "site" / "index.html").read_text(encoding="utf-8") == "förra sajten"


# -- check's annotations for the publishing workflow --------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "old", "new", "annotation"),
    [
        (
            "updates/2022-05-brev.md",
            "kind: informationsbrev",
            "kind: brev",
            "::error file=content/updates/2022-05-brev.md,line=4,title=kind::okänt värde 'brev' (förväntade en av: informationsbrev, medborgardialog, nyhet, uppföljning)",
        ),
        (
            "commitments/polisen-narvaro.yaml",
            "status: löpande",
            "status: 50%, klart",
            "::error file=content/commitments/polisen-narvaro.yaml,line=10,title=history[2].status::okänt värde '50%25, klart' (förväntade en av: planerad, pågår, löpande, genomförd, försenad, avbruten)",
        ),
    ],
)
def test_check_for_github_puts_each_error_on_its_file_and_line_with_a_swedish_summary(
    tmp_path, path, old, new, annotation
):
    project = make_project(tmp_path / "project")
    shutil.copytree(SAMPLE, project / "content")
    file = project / "content" / path
    assert old in file.read_text(encoding="utf-8")
    file.write_text(file.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [str(ROOT / ".venv/bin/python"), str(ROOT / "scripts/build_pages.py"), "check", "--format", "github"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 1
    assert annotation in result.stdout.splitlines()
    said = summary.read_text(encoding="utf-8")
    assert said.startswith("## 1 fel i innehållet\n")
    assert f"| Fel | content/{path} | {annotation.split(',line=')[1].split(',')[0]} |" in said


def test_check_for_github_on_valid_content_says_so_on_the_run_page(tmp_path):
    project = make_project(tmp_path / "project")
    shutil.copytree(SAMPLE, project / "content")
    summary = tmp_path / "summary.md"
    result = subprocess.run(
        [str(ROOT / ".venv/bin/python"), str(ROOT / "scripts/build_pages.py"), "check", "--format", "github"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_STEP_SUMMARY": str(summary)},
    )
    assert result.returncode == 0, result.stderr
    assert not [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert summary.read_text(encoding="utf-8").startswith(
        "## Innehållet är giltigt\n\nInnehållet i content kan publiceras."
    )


# -- the editor in the browser, against decap-server and a copy of the content --------------------------------------


@contextlib.contextmanager
def _editing(folder: Path, built: Path) -> Iterator[tuple[Path, int]]:
    """A copy of the project that decap-server edits, and the built site's port, its editor pointed at that server."""
    project = make_project(folder / "project")
    shutil.copytree(ROOT / "content", project / "content")
    site = folder / "site"
    shutil.copytree(built, site)
    port = free_port()
    config = site / at.EDITOR_CONFIG
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "local_backend: true", f"local_backend:\n  url: http://127.0.0.1:{port}/api/v1"
        ),
        encoding="utf-8",
    )
    server = subprocess.Popen(
        ["node", str(editor.decap_server())],
        env={**os.environ, "PORT": str(port), "GIT_REPO_DIRECTORY": str(project), "BIND_HOST": "127.0.0.1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        assert server.stdout is not None
        for line in server.stdout:
            if "listening on" in line:
                break
        with served(site) as site_port:
            yield project, site_port
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def editing(tmp_path: Path, built: Path) -> Iterator[tuple[Path, int]]:
    with _editing(tmp_path, built) as project_and_port:
        yield project_and_port


@pytest.fixture(scope="module")
def one_editor(
    tmp_path_factory: pytest.TempPathFactory, built: Path, browser: Browser
) -> Iterator[tuple[Path, int, Page]]:
    """One signed-in editor that opens one file of every kind in turn, as a communicator does in one sitting."""
    with _editing(tmp_path_factory.mktemp("one-editor"), built) as (project, port):
        page = _signed_in(browser, port)
        yield project, port, page
        page.context.close()


def _signed_in(browser: Browser, port: int, asked: list[str] | None = None) -> Page:
    """The editor in a fresh browser in Swedish, signed in to decap-server (no account needed); asked collects every request."""
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="sv-SE", timezone_id="Europe/Stockholm"
    )
    page = context.new_page()
    page.set_default_timeout(
        60_000
    )  # Decap is 5 MB of script to read before the first form shows, on a machine that may be busy
    if asked is not None:
        page.on("request", lambda request: asked.append(request.url))
    page.goto(f"http://127.0.0.1:{port}/{at.EDITOR_FOLDER}")
    page.get_by_role("button", name="Logga in").click()
    return page


# The editor is Decap's: held to WCAG 2.1 A and AA, the law's level; the site's own pages to 2.2 AA as well.
WCAG_21 = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def _showing(page: Page, title: str) -> None:
    """Wait until the form shows the entry read from its file, not an empty form being filled."""
    page.wait_for_function("title => document.querySelector('[id^=\"title-field\"]')?.value === title", arg=title)


def _save(page: Page) -> None:
    page.get_by_role("button", name="Publicera").click()
    page.get_by_text("Publicera nu").click()
    page.get_by_text("Inga osparade ändringar", exact=False).wait_for()


def test_a_letter_and_a_status_change_made_in_the_editor_are_files_that_check_and_build_accept(
    browser: Browser, editing
):
    project, port = editing
    asked: list[str] = []
    page = _signed_in(browser, port, asked)
    page.get_by_role("link", name="Informationsbrev").first.wait_for()
    assert (
        page.get_by_role("link", name="Innehåll").is_visible() and not page.get_by_role("button", name="Media").count()
    )  # nothing to upload
    REPORT.mkdir(exist_ok=True)
    page.screenshot(path=REPORT / "redigeraren-samlingar.png")
    assert not (found := axe(page, WCAG_21)), "\n".join(found)

    # A new informationsbrev, through the form, from the button of its collection: in words, not "＋" (U+FF0B).
    page.get_by_role("link", name="Informationsbrev").first.click()
    page.get_by_text("Lägg till Informationsbrev", exact=True).click()
    page.wait_for_url(f"**/{at.EDITOR_FOLDER}#/collections/informationsbrev/new")
    assert "\uff0b" not in page.locator("body").inner_text()
    page.get_by_text(
        "Inga osparade ändringar", exact=False
    ).wait_for()  # an empty form has nothing unsaved, and was never saved
    assert not page.get_by_text("Ändringar sparade", exact=False).count()
    page.get_by_label("Rubrik").fill("Informationsbrev 2 – sommaren på Seveds plan")
    page.get_by_label("Datum").fill("2022-06-01T09:00")
    page.get_by_label("Sammanfattning").fill("Sommartorget öppnar i juni.")
    page.get_by_label("Åtaganden").fill("Sommartorg")
    page.get_by_role("option", name=re.compile("Sommartorg på Seveds plan")).click()
    page.locator(".cms-editor-raw [role=textbox]").click()
    for line in ["Sommartorget på **Seveds plan** öppnar den 10 juni.", "", "- Musik", "- Fika"]:
        page.keyboard.type(line)
        page.keyboard.press("Enter")
    page.screenshot(path=REPORT / "redigeraren-text.png")
    assert not (found := axe(page, WCAG_21)), "\n".join(found)
    page.get_by_label("Rubrik").scroll_into_view_if_needed()
    page.screenshot(path=REPORT / "redigeraren-informationsbrev.png")
    _save(page)
    letter_id = "2022-06-01-informationsbrev-2-sommaren-pa-seveds-plan"  # its name from its full date and title, as `new` names it
    page.wait_for_url(
        f"**/collections/informationsbrev/entries/{letter_id}"
    )  # the saved letter at its own address, before leaving it

    # A status change, added to a commitment's history.
    commitment_file = "content/commitments/2022-2023/fgk-sommartorg-seveds-plan.yaml"
    before = yaml.safe_load((ROOT / commitment_file).read_text(encoding="utf-8"))
    entry = commitment_file.removeprefix("content/commitments/").removesuffix(".yaml")
    page.goto(f"http://127.0.0.1:{port}/{at.EDITOR_FOLDER}#/collections/commitments/entries/{entry}")
    page.reload()  # a new start, as when the editor is opened again: Decap reads the entry anew
    _showing(page, before["title"])
    page.get_by_text(f"{len(before['history'])} statusändringar").wait_for()  # the commitment as it is, read in full
    page.get_by_role("button", name="Lägg till statusändring").click()
    page.locator('[id^="date-field"]').last.fill("2022-10-15")
    page.locator('[id^="status-field"]').last.click()
    page.get_by_role("option", name="Genomförd", exact=True).click()
    page.locator('[id^="note-field"]').last.fill("Torget kommer tillbaka nästa sommar.")
    page.locator('[id^="note-field"]').last.scroll_into_view_if_needed()
    page.screenshot(path=REPORT / "redigeraren-statusandring.png")
    assert not (found := axe(page, WCAG_21)), "\n".join(found)
    _save(page)
    page.context.close()

    # Nothing asked of a third party: the site and decap-server, both on this computer.
    assert all(url.startswith("http://127.0.0.1:") for url in asked if url.startswith(("http:", "https:"))), sorted(
        set(asked)
    )

    letter = project / f"content/updates/{letter_id}.md"
    assert letter.read_text(encoding="utf-8") == (
        "---\n"
        "title: Informationsbrev 2 – sommaren på Seveds plan\n"
        "date: 2022-06-01 09:00\n"
        "kind: informationsbrev\n"
        "summary: Sommartorget öppnar i juni.\n"
        "commitments:\n"
        "  - fgk-sommartorg-seveds-plan\n"
        "---\n"
        "Sommartorget på **Seveds plan** öppnar den 10 juni.\n"
        "\n"
        "- Musik\n"
        "- Fika\n"
    )
    # The commitment's file as it was, with one entry more at the end of its history.
    saved = (project / commitment_file).read_text(encoding="utf-8")
    assert saved.endswith(
        "  - date: 2022-10-15\n    status: genomförd\n    note: Torget kommer tillbaka nästa sommar.\n"
    )
    change = {"date": date(2022, 10, 15), "status": "genomförd", "note": "Torget kommer tillbaka nästa sommar."}
    assert yaml.safe_load(saved) == {**before, "history": [*before["history"], change]}

    checked = run_script("check", cwd=project)
    assert checked.returncode == 0, checked.stderr
    result = run_script("build", cwd=project)
    assert result.returncode == 0, result.stderr
    letter_page = project / "site" / at.page_address(at.update(letter_id)) / "index.html"
    shown = letter_page.read_text(encoding="utf-8")
    assert "Informationsbrev 2 – sommaren på Seveds plan" in shown and "<strong>Seveds plan</strong>" in shown
    commitment_page = (
        project / "site" / at.page_address(at.commitment("fgk-sommartorg-seveds-plan")) / "index.html"
    ).read_text(encoding="utf-8")
    assert "Torget kommer tillbaka nästa sommar." in commitment_page


def test_a_theme_added_in_the_editor_is_one_more_key_in_themes_yaml_and_the_rest_stays(browser: Browser, editing):
    """actors.yaml and themes.yaml hold items keyed by id, which Decap cannot read alone: medborgarlofte/decap/start.js reads and writes them."""
    project, port = editing
    before = yaml.safe_load((project / "content/themes.yaml").read_text(encoding="utf-8"))
    page = _signed_in(browser, port)
    page.goto(f"http://127.0.0.1:{port}/{at.EDITOR_FOLDER}#/collections/themes/entries/themes")
    page.get_by_role("button", name="Lägg till tema").click()
    page.locator('[id^="id-field"]').last.fill("belysning")
    page.locator('[id^="name-field"]').last.fill("Belysning")
    _save(page)
    page.context.close()

    saved = yaml.safe_load((project / "content/themes.yaml").read_text(encoding="utf-8"))
    assert saved == {**before, "belysning": {"name": "Belysning"}}
    checked = run_script("check", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert f"{len(saved)} teman" in checked.stdout


ONE_OF_EACH = [
    ("informationsbrev", "updates/2022-05-informationsbrev-1.md"),
    ("medborgardialoger", "updates/2022-09-dialogmote-seveds-plan.md"),
    ("nyheter", "updates/2022-06-sommartorg-seveds-plan.md"),
    ("uppfoljningar", "updates/2023-02-uppfoljning-halvar.md"),
    ("commitments", "commitments/2022-2023/polisen-regelbunden-narvaro.yaml"),
    ("periods", "periods/2022-2023.yaml"),
    ("indicators", "indicators/upplevd-otrygghet-kvallstid.yaml"),
]


def _data(path: Path) -> tuple[Any, str]:
    """A file's fields and, for Markdown, its text: what it says, whatever its layout and comments."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        _, front, body = text.split("---\n", 2)
        return yaml.safe_load(front), body.strip()
    return yaml.safe_load(text), ""


@pytest.mark.xdist_group("one-editor")
@pytest.mark.parametrize(("collection", "file"), ONE_OF_EACH, ids=[c for c, _ in ONE_OF_EACH])
def test_a_file_opened_and_saved_in_the_editor_says_what_it_said(one_editor, collection, file):
    """Every kind of form reads every field of its file and writes it back as it was: dates, times, months, lists, Markdown."""
    project, port, page = one_editor
    before = _data(project / "content" / file)
    page.goto(f"http://127.0.0.1:{port}/{at.EDITOR_FOLDER}#/collections/{collection}")
    page.get_by_text(before[0]["title"]).first.click()
    _showing(page, before[0]["title"])
    title = page.locator('[id^="title-field"]').first
    changed = before[0]["title"] + " (ändrad)"
    # Filled whole and read back before saving: a busy machine's keys typed one by one can reach Decap after the save.
    title.fill(changed)
    expect(title).to_have_value(changed)
    _save(page)
    fields, text = _data(project / "content" / file)
    assert (fields, text) == ({**before[0], "title": before[0]["title"] + " (ändrad)"}, before[1])
    checked = run_script("check", cwd=project)
    assert checked.returncode == 0, checked.stderr


def test_a_translator_writes_beside_the_swedish_original_and_says_when_the_translation_is_reviewed(
    browser: Browser, editing
):
    """The translators' forms: each text of the original beside the translation, and what the fingerprints say of it,
    computed in the browser as translated.fingerprint computes it; the files are those check and build read."""
    project, port = editing
    relative = "commitments/2022-2023/fgk-blomlador.yaml"
    translation, original = project / "content/translations/en" / relative, project / "content" / relative
    english = yaml.safe_load(translation.read_text(encoding="utf-8"))
    page = _signed_in(browser, port)
    address = f"http://127.0.0.1:{port}/{at.EDITOR_FOLDER}#/collections/en-commitments/entries/2022-2023/fgk-blomlador"
    page.goto(address)
    _showing(page, english["title"])
    page.get_by_text(
        "Översättningen är granskad mot originalet som det är nu."
    ).wait_for()  # the browser's fingerprints are check's
    beside = page.frame_locator("#preview-pane")
    row = beside.get_by_role("row", name=re.compile("^Rubrik"))
    expect(row.locator('td[lang="sv"]')).to_have_text("Utlåning av blomlådor som trafikdämpare")
    expect(row.locator('td[lang="en"]')).to_have_text(english["title"])

    # The Swedish title changes; the form says so, and the translator brings the translation up to date.
    original.write_text(
        original.read_text(encoding="utf-8").replace(
            "title: Utlåning av blomlådor som trafikdämpare", "title: Utlåning av blomlådor som sänker farten"
        ),
        encoding="utf-8",
    )
    page.reload()
    _showing(page, english["title"])
    page.get_by_text("Originalet har ändrats sedan översättningen granskades: Rubrik.").wait_for()
    expect(row.locator('td[lang="sv"]')).to_have_text("Utlåning av blomlådor som sänker farten")
    title = page.locator('[id^="title-field"]').first
    title.fill("Lending flower boxes that slow traffic down")
    expect(title).to_have_value("Lending flower boxes that slow traffic down")
    expect(row.locator('td[lang="en"]')).to_have_text(
        "Lending flower boxes that slow traffic down"
    )  # written beside the original
    # The status notes, item for item: the first status has none.
    for note in (None, "The lending has begun.", "The flower boxes are lent out."):
        page.get_by_role("button", name="Lägg till statusändring").click()
        if note:
            page.locator('[id^="note-field"]').last.fill(note)
    expect(
        beside.get_by_role("row", name=re.compile("^Statusändring 2: Kommentar")).locator('td[lang="en"]')
    ).to_have_text("The lending has begun.")
    page.get_by_label("Jag har granskat översättningen mot originalet som det är nu").check()
    page.get_by_text("Översättningen är granskad mot originalet som det är nu.").wait_for()
    REPORT.mkdir(exist_ok=True)
    page.screenshot(path=REPORT / "redigeraren-oversattning.png")
    assert not (found := axe(page, WCAG_21)), "\n".join(found)
    _save(page)
    page.context.close()

    saved = yaml.safe_load(translation.read_text(encoding="utf-8"))
    assert {key: value for key, value in saved.items() if key != "translated_from"} == {
        "title": "Lending flower boxes that slow traffic down",
        "description": english["description"],
        "history": [{}, {"note": "The lending has begun."}, {"note": "The flower boxes are lent out."}],
    }
    content = load(project / "content", "content")
    commitment = content.commitments["fgk-blomlador"]
    assert saved["translated_from"]["title"] == translated.fingerprint(commitment.title)
    assert saved["translated_from"]["history"] == translated.fingerprint(commitment.history)
    checked = run_script("check", cwd=project)
    assert checked.returncode == 0, checked.stderr
    assert "en/commitments/2022-2023/fgk-blomlador.yaml: title" not in checked.stdout  # the English is up to date again
    assert (
        "ar/commitments/2022-2023/fgk-blomlador.yaml: title (originalet har ändrats" in checked.stdout
    )  # the Arabic is not
    shown = translated.in_language(content, "en").commitments["fgk-blomlador"]
    assert shown.title == "Lending flower boxes that slow traffic down"
    assert [entry.note for entry in shown.history] == [None, "The lending has begun.", "The flower boxes are lent out."]


def _listening(port: int) -> list[str]:
    """The local addresses of the sockets that listen on port, as the kernel lists them (IPv4 and IPv6)."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for row in Path(table).read_text(encoding="ascii").splitlines()[1:]:
            local, state = row.split()[1], row.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: listening
                found.append(address)
    return found


def test_edit_s_save_server_listens_on_this_computer_alone_on_a_port_it_chose(tmp_path):
    project = make_project(tmp_path / "project")
    shutil.copytree(SAMPLE, project / "content")
    port = free_port()
    editing = subprocess.Popen(
        [str(ROOT / ".venv/bin/python"), str(ROOT / "scripts/build_pages.py"), "edit", "--port", str(port)],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        configured = yaml.safe_load(
            wait_for(f"http://127.0.0.1:{port}/{at.EDITOR_CONFIG}", "local_backend", seconds=120)
        )
        saver = configured["local_backend"]["url"]
        assert (
            saver.startswith("http://127.0.0.1:")
            and saver.endswith("/api/v1")
            and configured["local_backend"]["allowed_hosts"] == ["127.0.0.1"]
        )
        saver_port = int(saver.split(":")[2].split("/")[0])
        assert saver_port != 8081  # not decap-server's fixed port: one that was free
        for _ in range(100):
            if _listening(saver_port):
                break
            time.sleep(0.1)
        # 0100007F is 127.0.0.1 as the kernel writes it: on no other interface, IPv4 or IPv6.
        assert _listening(saver_port) == ["0100007F"] and _listening(port) == ["0100007F"]
        # The built site keeps the configuration it was built with: only this run's server says where to save.
        assert "local_backend: true" in (project / "site" / at.EDITOR_CONFIG).read_text(encoding="utf-8")
    finally:
        editing.send_signal(signal.SIGINT)
        editing.wait(timeout=20)
