"""Reader-facing words come from the message catalogue: marked for gettext, extracted, never left bare in the generators."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from medborgarlofte.translations import LOCALES

from .conftest import ROOT

# What readers see is made here; the rest of the package speaks to the people who write content.
# The index's reading of its sources speaks to its maintainer, in Swedish, as the commands do; its pages mark those words so.
READER_FACING = sorted(
    [
        *(ROOT / "medborgarlofte/generators").glob("*.py"),
        *(ROOT / "medborgarlofte/national").glob("*.py"),
        ROOT / "medborgarlofte/vocabulary.py",
    ]
)
READER_FACING.remove(ROOT / "medborgarlofte/national/sources.py")
WORDS = re.compile(r"[åäöÅÄÖ]|[A-ZÅÄÖ][a-zåäö]+ [a-zåäö]{2,}")
MARKUP = re.compile(
    r"^\s*<|[{};]\s*$|^[\w.-]+/|%\("
)  # markup, styles, paths and format strings around words, not words


def _bare_words(module: Path) -> list[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    allowed: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
        ):
            allowed.add(id(body[0].value))  # docstrings
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in ("_", "N_", "NC_", "gettext", "ngettext", "pgettext"):
                allowed.update(id(n) for n in ast.walk(node))
            if name in ("StatusFacts", "KindFacts") and node.args:
                allowed.add(id(node.args[0]))  # a name as content writes it, not as readers see it
            allowed.update(id(k.value) for k in node.keywords if k.arg == "description")  # schema documentation
        if (
            isinstance(node, ast.Dict)
            and node.values
            and all(getattr(getattr(v, "func", None), "id", "") == "N_" for v in node.values)
        ):
            allowed.update(id(k) for k in node.keys)  # names as content writes them, each with its message for readers
    return [
        f"{module.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in allowed
        and WORDS.search(node.value)
        and not MARKUP.search(node.value)
    ]


@pytest.mark.parametrize("module", READER_FACING, ids=lambda p: p.name)
def test_no_reader_facing_word_is_left_out_of_the_catalogue(module: Path) -> None:
    assert not _bare_words(module)


def test_the_catalogue_template_is_up_to_date(tmp_path: Path) -> None:
    """Every marked message, in Python and in templates, is in locale/messages.pot; `make messages` writes it."""
    extracted = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "N_",
            "-k",
            "NC_:1c,2",
            "-c",
            "LÄTTLÄST:",
            "--no-location",
            "--omit-header",
            "--sort-output",
            "-o",
            str(extracted),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert extracted.read_text(encoding="utf-8") == (LOCALES / "messages.pot").read_text(encoding="utf-8"), (
        "run: make messages"
    )


@pytest.mark.parametrize("module", READER_FACING, ids=lambda p: p.name)
def test_every_message_marked_in_python_is_in_the_catalogue(module: Path) -> None:
    """Babel does not look inside an f-string: a message marked there would be shown in Swedish in every language."""
    from babel.messages.pofile import read_po

    with (LOCALES / "messages.pot").open("rb") as stream:
        known = {message.id[0] if isinstance(message.id, tuple) else message.id for message in read_po(stream)}
    marked = [
        node.args[0].value
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") in ("_", "N_")
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]
    assert [message for message in marked if message not in known] == []


MARKUP_WORDS = {
    "follow",
    "links",
    "pager",
    "nbsp",
    "note",
    "warning",
    "chart",
    "small",
    "width",
    "height",
    "RSS",
    "Atom",
}


@pytest.mark.parametrize("template", sorted((ROOT / "medborgarlofte/templates").glob("*.j2")), ids=lambda p: p.name)
def test_no_template_shows_a_word_outside_the_catalogue(template: Path) -> None:
    """Outside {% trans %} and _(), a template holds markup only: tags, styles, Markdown and its attribute lists, names of files and fields."""
    if template.name.endswith(".css.j2"):
        return
    text = template.read_text(encoding="utf-8")
    for pattern in (
        r"<style>.*?</style>",
        r"{%-?\+? *trans.*?endtrans *\+?-?%}",
        r"{#.*?#}",
        r"{{.*?}}|{%.*?%}",
        r"\{:? *[.#\w][^{}\n]*\}",
        r"<[^>]*>",
        r"\]\([^)]*\)",
        r"`[^`]*`",
        r"[\w.-]+\.(csv|json|ics)",
    ):
        text = re.sub(pattern, " ", text, flags=re.DOTALL)
    assert set(re.findall(r"[^\W\d_]{2,}", text)) <= MARKUP_WORDS


def test_a_value_put_into_a_message_is_shown_as_text() -> None:
    from medborgarlofte.generators.presentation import pages as environment
    from medborgarlofte.settings import read_settings

    env = environment(read_settings(ROOT / "mkdocs.yml"))
    shown = env.from_string("{% trans title=title %}Om {{ title }}.{% endtrans %}").render(
        title="[x](javascript:alert(1)) <b>"
    )
    assert (
        shown == r"Om <bdi>\[x\](javascript:alert(1)) &lt;b&gt;</bdi>."
    )  # as text, and isolated from the words around it
