#!/usr/bin/env python3
"""The release's checks, as .github/workflows/release.yml runs them on a version tag (and tests/test_release.py runs
the same steps, all but the publishing):

    python3 scripts/release.py verify TAG       the tag, versions.ENGINE and CHANGELOG.md's heading agree
    python3 scripts/release.py contents WHEEL   the wheel holds what a build needs, and nothing of the repository's own
    python3 scripts/release.py try WHEEL        the wheel, installed in an empty environment, makes and builds a new site
                                                with its web editor, with no Node.js or npm on PATH
    python3 scripts/release.py notes TAG        the CHANGELOG's section for the version: the GitHub release's text

Each prints what it found and exits 1 with the reason when the release must stop.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHANGELOG = ROOT / "CHANGELOG.md"
# What every build of a site reads from the package, beside its modules.
NEEDED = (
    "templates/start.md.j2",
    "theme/main.html",
    "locale/messages.pot",
    "locale/ar/LC_MESSAGES/messages.po",
    "fonts/DejaVuSans.ttf",
    "fonts/DejaVuSans-Bold.ttf",
    "fonts/LICENSE",
    "decap/start.js",
    "decap/dist/decap-cms.js",
    "decap/dist/package-lock.json",
    "skeleton/mkdocs.yml",
    "skeleton/.github/workflows/publish.yml",
    "national/skeleton/mkdocs.yml",
    "national/formats/1.schema.json",
)
# A new area's answers to init, for the site the wheel builds.
ANSWERS = (
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
)


def engine_version() -> str:
    text = (ROOT / "medborgarlofte" / "versions.py").read_text(encoding="utf-8")
    found = re.search(r'^ENGINE = "([^"]+)"$', text, re.MULTILINE)
    if found is None:
        raise SystemExit("release: medborgarlofte/versions.py: ENGINE saknas")
    return found.group(1)


def section(version: str) -> str | None:
    """The CHANGELOG's section for version, headed '## VERSION' or '## VERSION (format N)', without its heading."""
    text = CHANGELOG.read_text(encoding="utf-8")
    heading = re.search(rf"^## {re.escape(version)}(?: \(.*\))?$", text, re.MULTILINE)
    if heading is None:
        return None
    rest = text[heading.end() :]
    following = re.search(r"^## ", rest, re.MULTILINE)
    return rest[: following.start() if following else len(rest)].strip() + "\n"


def verify(tag: str) -> int:
    version = engine_version()
    problems = []
    if tag != f"v{version}":
        problems.append(f"taggen {tag} är inte v{version}, motorns version i medborgarlofte/versions.py")
    if section(version) is None:
        problems.append(
            f"CHANGELOG.md har ingen rubrik '## {version}' (döp om 'Nästa version' till versionen innan taggen sätts)"
        )
    return _said(problems, f"Taggen {tag}, motorns version och CHANGELOG.md stämmer överens.")


def _said(problems: list[str], done: str) -> int:
    """Each problem on standard error, or what was found good; 1 where the release must stop."""
    for problem in problems:
        print(f"release: {problem}", file=sys.stderr)
    if not problems:
        print(done)
    return 1 if problems else 0


def contents(wheel: Path) -> int:
    version = engine_version()
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
    problems = [f"saknar medborgarlofte/{needed}" for needed in NEEDED if f"medborgarlofte/{needed}" not in names]
    problems += [
        f"har {name}, som inte hör till motorn"
        for name in names
        if not name.startswith(("medborgarlofte/", f"medborgarlofte-{version}.dist-info/")) or "__pycache__" in name
    ]
    if not wheel.name.startswith(f"medborgarlofte-{version}-"):
        problems.append(f"heter {wheel.name}, inte medborgarlofte-{version}-…")
    return _said(
        [f"{wheel.name} {problem}" for problem in problems],
        f"{wheel.name}: {len(names)} filer, {wheel.stat().st_size / 1000:.0f} kB.",
    )


def try_wheel(wheel: Path) -> int:
    """Install the wheel into a new environment (its dependencies as pip resolves them: from the package index, or
    where PIP_NO_INDEX and PIP_FIND_LINKS point), then init, check and build a new site with its editor, with nothing
    but that environment on PATH: no Node.js, no npm."""
    with tempfile.TemporaryDirectory(prefix="medborgarlofte-release-") as folder:
        work = Path(folder)
        environment = work / "env"
        started = time.monotonic()
        venv.EnvBuilder(with_pip=True).create(environment)
        installed = subprocess.run(
            [
                str(environment / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                str(wheel.resolve()),
            ],
            capture_output=True,
            text=True,
        )
        if installed.returncode:
            print(
                f"release: {wheel.name} kunde inte installeras:\n{installed.stdout}{installed.stderr}", file=sys.stderr
            )
            return 1
        took_install = time.monotonic() - started
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env["PATH"] = str(environment / "bin")
        site = work / "norrby"
        steps = [["medborgarlofte", "--version"], ["medborgarlofte", "init", str(site), *ANSWERS]]
        for step in steps:
            if not _ran(step, work, env):
                return 1
        config = site / "mkdocs.yml"
        config.write_text(
            config.read_text(encoding="utf-8").replace(
                "  # editor:\n  #   repo: kommunen/medborgarlofte\n", "  editor:\n    repo: norrby-kommun/lofte\n"
            ),
            encoding="utf-8",
        )
        for step in (["medborgarlofte", "check"], ["medborgarlofte", "build"]):
            if not _ran(step, site, env):
                return 1
        if not (site / "site" / "admin" / "decap-cms.js").is_file():
            print("release: den byggda sajten har ingen redigerare (site/admin/decap-cms.js saknas)", file=sys.stderr)
            return 1
        print(
            f"Installerad på {took_install:.0f} s, ny sajt gjord och byggd med redigeraren på {time.monotonic() - started:.0f} s, utan Node.js och npm."
        )
    return 0


def _ran(command: list[str], cwd: Path, env: dict[str, str]) -> bool:
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if done.returncode:
        print(f"release: {' '.join(command)} gick inte:\n{done.stdout}{done.stderr}", file=sys.stderr)
    return done.returncode == 0


def notes(tag: str) -> int:
    text = section(tag.removeprefix("v"))
    if text is None:
        print(f"release: CHANGELOG.md har ingen rubrik för {tag}", file=sys.stderr)
        return 1
    sys.stdout.write(text)
    return 0


def main(argv: list[str]) -> int:
    commands = {"verify": verify, "notes": notes}
    on_wheel = {"contents": contents, "try": try_wheel}
    if len(argv) == 2 and argv[0] in commands:
        return commands[argv[0]](argv[1])
    if len(argv) == 2 and argv[0] in on_wheel:
        return on_wheel[argv[0]](Path(argv[1]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
