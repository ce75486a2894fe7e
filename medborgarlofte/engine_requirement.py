"""The line of an area's requirements.txt that installs the engine, as `init --engine` writes it and `check` reads it.

An area gets the engine by one of three routes: from the package index (`medborgarlofte==X.Y.Z`), from the https
address of a release's wheel, or from a wheel committed into the area's own repository (`./motor/…whl`, which init
copies there). A git tag (`medborgarlofte @ git+https://…@vX.Y.Z`) works too where the runner can build the editor's
files. Whatever is given is parsed and written back as pip reads it: one requirement, with no option of pip's beside it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import InvalidWheelFilename, canonicalize_name, parse_wheel_filename

from . import versions

# Where in an area's repository a wheel of the engine is kept, for the third route.
WHEEL_FOLDER = "motor"
MAX_REQUIREMENT = 500  # characters: a release's address is about 120


@dataclass(frozen=True)
class EnginePin:
    """A line of requirements.txt that installs this engine: where from (an address, a path inside the site, or None for
    the package index) and the version it installs, where it says one (==, a wheel's file name, a git tag @v0.3.0)."""

    url: str | None
    version: str | None


@dataclass(frozen=True)
class EngineSource:
    """What --engine asked for, checked: the line to write into requirements.txt, and the wheel on this computer to copy
    into the site's motor/ folder where the line names one there."""

    line: str
    wheel: Path | None = None


def _wheel_version(file_name: str) -> str | None:
    """The version in the name of this engine's wheel; None for any other file name."""
    try:
        name, version, *_ = parse_wheel_filename(file_name)
    except InvalidWheelFilename:
        return None
    return str(version) if name == versions.PACKAGE else None


def engine_pin(text: str) -> EnginePin | None:
    """A line of requirements.txt as a requirement of this engine (a pip requirement naming it, the https address of its
    wheel or the path of its wheel inside the site); None for any other line."""
    if text.startswith("https://") or text.endswith(".whl"):
        version = _wheel_version(PurePosixPath(urlsplit(text).path).name)
        return EnginePin(text, version) if version is not None else None
    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        return None
    if canonicalize_name(requirement.name) != versions.PACKAGE:
        return None
    if requirement.url:
        path = PurePosixPath(urlsplit(requirement.url).path)
        if path.suffix == ".whl":
            return EnginePin(requirement.url, _wheel_version(path.name))
        tag = re.search(r"@v?(\d+(?:\.\d+)*)$", requirement.url)
        return EnginePin(requirement.url, tag.group(1) if tag else None)
    pins = [spec.version for spec in requirement.specifier if spec.operator in ("==", "===")]
    return EnginePin(None, pins[0] if pins else None)


def _address_problem(address: str) -> str | None:
    """What keeps a runner from fetching the engine at address, or None."""
    parts = urlsplit(address)
    if parts.scheme == "file":
        return (
            "en fil på den här datorn kan GitHubs körning inte nå: ange sökvägen till wheelen, så kopierar init in den "
            f"i sajtens mapp {WHEEL_FOLDER}/, eller en https-adress"
        )
    if parts.scheme not in ("https", "git+https"):
        return f"förväntade en adress som börjar med https:// eller git+https://, inte {parts.scheme}:"
    if not parts.hostname:
        return "adressen saknar en värd"
    if parts.username or parts.password:
        return "adressen får inte bära användarnamn eller lösenord: de skulle stå i requirements.txt för alla att läsa"
    return None


def engine_source(spec: str, cwd: Path) -> EngineSource | str:
    """--engine as a line of requirements.txt, or what is wrong with it. It must be one requirement of this engine:
    name==version from the package index, the https address of its wheel, a git+https tag, or the path of its wheel on
    this computer (relative to cwd), which init copies into the site."""
    expected = (
        f"förväntade {versions.PACKAGE}=={versions.ENGINE}, en https-adress till motorns wheel, sökvägen till "
        f"motorns wheel på den här datorn eller '{versions.PACKAGE} @ git+https://github.com/kommunen/medborgarlofte@v{versions.ENGINE}'"
    )
    text = spec.strip()
    if not text:
        return f"tomt ({expected})"
    if len(text) > MAX_REQUIREMENT:
        return f"längre än {MAX_REQUIREMENT} tecken ({expected})"
    if any(unicodedata.category(c).startswith(("C", "Z")) and c != " " for c in text):
        return f"har ett styrtecken eller en radbrytning ({expected})"
    if "://" not in text and text.endswith(".whl"):
        wheel = cwd / text
        if _wheel_version(wheel.name) is None:
            return f"{wheel.name} är inte ett namn på motorns wheel ({expected})"
        if not wheel.is_file() or wheel.is_symlink():
            return f"{text} finns inte som fil ({expected})"
        return EngineSource(f"./{WHEEL_FOLDER}/{wheel.name}", wheel)
    if " " not in text and "://" in text and "@" not in text.split("://", 1)[0]:
        # A bare address: pip reads it as one requirement only where it is one word and names this engine's wheel.
        if (wrong := _address_problem(text)) is not None:
            return wrong
        if _wheel_version(PurePosixPath(urlsplit(text).path).name) is None:
            return f"adressen leder inte till motorns wheel, {versions.PACKAGE}-VERSION-py3-none-any.whl ({expected})"
        return EngineSource(text)
    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        return f"inte ett enda krav som pip läser ({expected})"
    if canonicalize_name(requirement.name) != versions.PACKAGE:
        return f"{requirement.name} är inte motorn ({expected})"
    if requirement.marker is not None or requirement.extras:
        return f"motorn installeras utan tillval och villkor ({expected})"
    if requirement.url:
        if (wrong := _address_problem(requirement.url)) is not None:
            return wrong
        return EngineSource(f"{versions.PACKAGE} @ {requirement.url}")
    pins = [spec.version for spec in requirement.specifier if spec.operator == "=="]
    if len(pins) != 1 or len(requirement.specifier) != 1:
        return (
            f"ange en version med ==, så att en ny version av motorn inte byter ut den utan att någon märker det "
            f"({expected})"
        )
    return EngineSource(f"{versions.PACKAGE}=={pins[0]}")
