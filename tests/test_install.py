"""The set-up against the index's future: the project's own install step (scripts/install_lock.sh, which make runs and
the workflows run) installs exactly what a lock pins, with the oldest pip it supports (the one Python's venv brings),
while a local index offers a newer release of a locked package that another locked package requires with an extra.
Everything is offline: the packages are wheels this test writes."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

from .conftest import ROOT

pytestmark = pytest.mark.xdist_group("install")
INSTALL = ROOT / "scripts" / "install_lock.sh"
# The Pythons on this machine whose venv brings its own pip: the one that runs the tests, and the system's (Debian's
# brings pip 23.0.1), where there is one.
PYTHONS = list(dict.fromkeys(path for path in (sys.executable, shutil.which("python3", path="/usr/bin")) if path))


def _wheel(folder: Path, name: str, version: str, *metadata: str) -> Path:
    """A pure-Python wheel of one empty module, with the metadata lines given (Requires-Dist, Provides-Extra)."""
    path = folder / f"{name}-{version}-py3-none-any.whl"
    info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": "",
        f"{info}/METADATA": "\n".join(["Metadata-Version: 2.1", f"Name: {name}", f"Version: {version}", *metadata])
        + "\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n",
    }
    record = []
    for member, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{member},sha256={digest},{len(text.encode())}")
    files[f"{info}/RECORD"] = "\n".join([*record, f"{info}/RECORD,,"]) + "\n"
    with zipfile.ZipFile(path, "w") as archive:
        for member, text in files.items():
            archive.writestr(member, text)
    return path


def _lock(*wheels: Path) -> str:
    """A lock as pip-compile writes it with --strip-extras and --generate-hashes."""
    entries = []
    for wheel in wheels:
        name, version = wheel.name.split("-")[:2]
        digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
        entries.append(f"{name}=={version} \\\n    --hash=sha256:{digest}\n    # via -r requirements.in\n")
    return "".join(entries)


@pytest.fixture(params=PYTHONS)
def future(tmp_path: Path, request: pytest.FixtureRequest) -> tuple[Path, dict[str, str]]:
    """A wheelhouse as the index might serve it one day after the lock was written: beta 1.1 beside the locked 1.0,
    which alpha requires with an extra; the lock of alpha, beta 1.0 and the extra's gamma; pip configured to see
    that wheelhouse and nothing else."""
    house = tmp_path / "index"
    house.mkdir()
    locked = [
        _wheel(house, "alpha", "1.0", "Requires-Dist: beta[fast]>=1.0"),
        _wheel(house, "beta", "1.0", "Provides-Extra: fast", 'Requires-Dist: gamma; extra == "fast"'),
        _wheel(house, "gamma", "1.0"),
    ]
    _wheel(house, "beta", "1.1", "Provides-Extra: fast", 'Requires-Dist: gamma; extra == "fast"')
    (tmp_path / "requirements.lock").write_text(_lock(*locked), encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if not key.startswith(("PIP_", "VIRTUAL_ENV"))}
    environment |= {
        "PIP_CONFIG_FILE": os.devnull,
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(house),
        "PIP_NO_CACHE_DIR": "1",
        "PYTHON": request.param,
    }
    return tmp_path, environment


def _installed(venv: Path) -> dict[str, str]:
    listed = subprocess.run(
        [
            str(venv / "bin/python"),
            "-c",
            "import importlib.metadata as m; print(*sorted(f'{d.name}=={d.version}' "
            "for d in m.distributions() if d.name in ('alpha', 'beta', 'gamma')))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return dict(entry.split("==") for entry in listed.stdout.split())


def test_the_install_step_takes_the_locked_release_when_the_index_serves_a_newer_one(
    future: tuple[Path, dict[str, str]],
) -> None:
    folder, environment = future
    venv = folder / "venv"
    done = subprocess.run(
        ["bash", str(INSTALL), str(venv), str(folder / "requirements.lock")],
        env=environment,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    # With the pip that Python brings to a new environment: the oldest this set-up supports.
    brought = subprocess.run(
        [environment["PYTHON"], "-c", "import ensurepip; print(ensurepip.version())"], capture_output=True, text=True
    )
    pip = subprocess.run([str(venv / "bin/python"), "-m", "pip", "--version"], capture_output=True, text=True)
    assert pip.stdout.startswith(f"pip {brought.stdout.strip()} ")
    assert _installed(venv) == {"alpha": "1.0", "beta": "1.0", "gamma": "1.0"}


@pytest.mark.parametrize("future", [sys.executable], indirect=True)  # pip's own checks: one Python is enough
def test_a_lock_that_misses_a_dependency_fails_by_name_and_says_what_to_run(
    future: tuple[Path, dict[str, str]],
) -> None:
    folder, environment = future
    lock = folder / "requirements.lock"
    # A dependency left out, as a lock edited by hand would.
    entries = lock.read_text(encoding="utf-8").split("beta==1.0")
    lock.write_text(entries[0] + "gamma==" + entries[1].split("gamma==")[1], encoding="utf-8")
    done = subprocess.run(
        ["bash", str(INSTALL), str(folder / "venv"), str(lock)], env=environment, capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "alpha 1.0 requires beta, which is not installed." in done.stdout
    assert done.stderr.endswith(f"{lock} är inte komplett: paketen ovan saknar något de kräver. Kör make lock.\n")


@pytest.mark.parametrize("future", [sys.executable], indirect=True)  # pip's own checks: one Python is enough
def test_a_package_whose_hash_changed_on_the_index_is_refused(future: tuple[Path, dict[str, str]]) -> None:
    folder, environment = future
    # The same name and version, other bytes: what a lock must never take.
    _wheel(folder / "index", "gamma", "1.0", "Summary: other bytes")
    done = subprocess.run(
        ["bash", str(INSTALL), str(folder / "venv"), str(folder / "requirements.lock")],
        env=environment,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE" in done.stderr
    assert done.stderr.endswith(
        "Miljön kunde inte installeras från " + str(folder / "requirements.lock") + " (se pip:s fel ovan).\n"
    )


def test_the_makefile_and_the_workflows_install_through_the_one_install_step() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "scripts/install_lock.sh $(VENV) requirements.lock" in makefile
    for workflow in sorted((ROOT / ".github/workflows").glob("*.yml")):
        text = workflow.read_text(encoding="utf-8")
        assert "-r requirements.lock" not in text, f"{workflow.name} installerar låsfilen förbi scripts/install_lock.sh"


# The oldest Python the set-up is made for: Debian 12's, which a new machine of that kind brings.
OLDEST_PYTHON = "3.11.2"


def test_every_locked_package_installs_on_the_oldest_python_the_set_up_supports() -> None:
    locked = re.findall(
        r"^([A-Za-z0-9_.-]+)==(\S+) \\$", (ROOT / "requirements.lock").read_text(encoding="utf-8"), re.M
    )
    assert len(locked) > 100
    refused = {}
    for name, version in locked:
        # The development environment holds exactly the lock (scripts/install_lock.sh): its metadata is the lock's.
        installed = metadata.metadata(name)
        assert installed["Version"] == version, name
        if not SpecifierSet(installed.get("Requires-Python") or "").contains(OLDEST_PYTHON):
            refused[name] = installed["Requires-Python"]
    assert refused == {}, (
        f"kräver en nyare Python än {OLDEST_PYTHON} (Debian 12): pinna en äldre version i requirements.in"
    )
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert SpecifierSet(requires).contains(OLDEST_PYTHON)
