"""The package's shape, as the next person to change it meets it: no import goes round in a circle, and each concern has
one owner (the Jinja environments, the language's words and formatters, the loop over the site's languages)."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "medborgarlofte"


def _modules() -> dict[str, tuple[Path, ast.Module]]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = (path, ast.parse(path.read_text("utf-8")))
    return found


MODULES = _modules()


def _imports(name: str) -> set[str]:
    """The package's modules that a module imports, at its top or inside a function."""
    path, tree = MODULES[name]
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            found |= {
                f"{target}.{alias.name}" if f"{target}.{alias.name}" in MODULES else target for alias in node.names
            }
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return {module for module in found if module in MODULES and module != name}


def _third_party(name: str) -> set[str]:
    """What a module imports from outside the package, by the top name and the module imported."""
    _, tree = MODULES[name]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
    return found


def test_no_import_goes_round_in_a_circle() -> None:
    graph = {name: _imports(name) for name in MODULES}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            raise AssertionError(" -> ".join([*path[path.index(name) :], name]))
        if name in done:
            return
        for imported in sorted(graph[name]):
            visit(imported, [*path, name])
        done.add(name)

    for name in graph:
        visit(name, [])


def test_every_jinja_environment_is_made_in_one_module() -> None:
    makers = sorted(
        name
        for name, (_, tree) in MODULES.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "Environment"
    )
    assert set(makers) == {"medborgarlofte.generators.presentation"}


def test_dates_numbers_and_lists_are_formatted_by_the_language_s_words_alone() -> None:
    """Babel's formatters are called in languages.py (Words), its catalogues read in translations.py: nowhere else."""
    asking = {name for name in MODULES if any(module.split(".")[0] == "babel" for module in _third_party(name))}
    assert asking == {"medborgarlofte.languages", "medborgarlofte.translations"}


def test_the_loop_over_the_site_s_languages_is_written_once() -> None:
    """in_language, which makes one language's settings, is called by the project alone (and defined in settings)."""
    callers = {
        name
        for name, (_, tree) in MODULES.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "in_language"
    }
    assert callers == {"medborgarlofte.project", "medborgarlofte.settings"}
