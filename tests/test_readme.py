"""Every command the README and the handbook give, run as written, in order, on a copy of the project.

A communicator follows the README and the handbook (handbok/) literally; so does this test. `make test` and `make lint` are left out only
because `make test` is what runs this test, and runs `make lint` before it. The benchmark, Lighthouse and the hostile
files run in their quick form (QUICK=1: 1x alone, the start page alone, two of the files), which runs every step of the
whole; the whole is `make bench`, `make lighthouse` and `make hostile`, run on demand.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
from pathlib import Path

import pytest

from .conftest import ROOT, wait_for

# In order, in one copy of the project: on one worker.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("readme")]

IN_A_BLOCK = re.compile(r"^ {4,}((?:make|python3) [^#\n]*?)\s*(?:#.*)?$", re.MULTILINE)
IN_TEXT = re.compile(r"`((?:make|python3) [^`]+)`")
RUNS_THIS_TEST = ("make test", "make quick", "make lint")  # make quick: some of the tests make test runs
QUICK = {
    "make bench": "make bench QUICK=1",
    "make lighthouse": "make lighthouse QUICK=1",
    "make hostile": "make hostile QUICK=1",
}
PREVIEWS = ("serve", "http.server", "make edit")  # started, read on 127.0.0.1:8000, stopped with Ctrl+C
PREVIEW = "http://127.0.0.1:8000/"


HANDBOOK = ROOT / "handbok"
FRONT_DOOR_MOST = 8 * 1024  # bytes: what this is, the two commands, and where to read next


def pages() -> list[Path]:
    """The README, then the handbook's pages in the order the README lists them."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"\(handbok/([a-z-]+\.md)\)", readme)
    return [ROOT / "README.md", *(HANDBOOK / name for name in dict.fromkeys(listed))]


def readme_commands() -> list[str]:
    text = "\n".join(page.read_text(encoding="utf-8") for page in pages())
    commands = IN_A_BLOCK.findall(text) + IN_TEXT.findall(text)
    return [c for c in dict.fromkeys(commands) if c not in RUNS_THIS_TEST]


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project as a clone has it, with the environment that `make site` made (times kept, so make sees it is up to date)."""
    target = tmp_path_factory.mktemp("readme") / "medborgarlofte"
    shutil.copytree(
        ROOT,
        target,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            "site",
            "node_modules",
            ".medborgarlofte",
            "lofte",
            "__pycache__",
            ".pytest_cache",
            ".hypothesis",
            "bench-results.md",
        ),
    )
    (target / ".venv").symlink_to(ROOT / ".venv")
    (target / "tests/tools/node_modules").symlink_to(ROOT / "tests/tools/node_modules")
    if (
        ROOT / "scripts/lighthouse/node_modules"
    ).is_dir():  # as `make lighthouse` left it: installed again only if its lock changed
        (target / "scripts/lighthouse/node_modules").symlink_to(ROOT / "scripts/lighthouse/node_modules")
    return target


def test_the_readme_gives_the_commands_a_user_needs() -> None:
    commands = readme_commands() + list(RUNS_THIS_TEST)
    for needed in (
        "make site",
        "make check",
        "make serve",
        "python3 scripts/build_pages.py build",
        "make lighthouse",
        "make quick",
    ):
        assert needed in commands
    assert not [c for c in commands if re.search(r"[A-Z]{2,}|\[|…", c)], (
        "a command with a placeholder cannot be run as written"
    )


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_works_as_written(project: Path, command: str) -> None:
    environment = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "SOURCE_DATE_EPOCH")}
    if any(word in command for word in PREVIEWS):
        process = subprocess.Popen(
            ["bash", "-c", command],
            cwd=project,
            env=environment,
            start_new_session=True,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert "<html" in wait_for(PREVIEW, seconds=120)
        finally:
            os.killpg(process.pid, signal.SIGINT)  # Ctrl+C in the terminal reaches the whole group
            _, stderr = process.communicate(timeout=60)
        assert "Traceback" not in stderr, stderr
        return
    result = subprocess.run(
        ["bash", "-c", QUICK.get(command, command)],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert "Traceback" not in result.stderr, result.stderr
