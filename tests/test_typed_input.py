"""What a person types into a command is held to the rules check holds content to: `init` and `new` either refuse
it, saying what is wrong before anything is written, or write files that check accepts, with the text as it was typed."""

from __future__ import annotations

import re
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from medborgarlofte.commands import init, new
from medborgarlofte.contents import load
from medborgarlofte.readers import typed_line_problem
from medborgarlofte.settings import read_settings

from .conftest import SAMPLE

ANSWERED = {
    "name": "Norrby centrum",
    "site-url": "https://norrby-kommun.github.io/lofte/",
    "municipality": "Norrby",
    "municipality-code": "2599",
    "paper-letters": "nej",
}
TODAY = date(2027, 1, 15)
# Any text a person can type, and what breaks files in particular: line breaks of every kind, control characters,
# direction marks and isolates, markup, YAML's own syntax, emoji and astral letters.
TYPED = st.one_of(
    st.text(max_size=60),
    st.text(
        alphabet=st.sampled_from(
            list("ab :#-'\"{}[]&*!|>%@`\r\n\x1b\x85\u2028\u2029\u202e\u2066\u2069\u200d😀𝕏é\u0301ع")
        ),
        max_size=30,
    ),
    st.sampled_from(
        [
            "Hackad\u2028title: Hackad",
            "Norr\rby",
            "x" * 400,
            "\u202eNorrby",
            "title: Hackad",
            "- Norrby",
            "Norrby\n",
            " ",
            "🌳",
        ]
    ),
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=TYPED, municipality=TYPED)
def test_init_refuses_what_check_would_refuse_or_writes_a_site_check_accepts(name: str, municipality: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "ny"
        done = init.run(site, {**ANSWERED, "name": name, "municipality": municipality}, TODAY)
        event("refused" if done == 2 else "written")
        if done == 2:
            assert not site.exists()
            assert typed_line_problem(name, 300) or typed_line_problem(municipality, 300)
            return
        assert done == 0
        configured = read_settings(site / "mkdocs.yml")
        assert configured.area is not None and (configured.area.name, configured.area.municipality) == (
            name.strip(),
            municipality.strip(),
        )
        load(site / "content", "content")  # what check reads: no ContentErrors


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sample")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(title=TYPED)
def test_new_refuses_what_check_would_refuse_or_writes_an_update_check_accepts(sample: Path, title: str) -> None:
    content = sample / "content"
    shutil.rmtree(content, ignore_errors=True)
    shutil.copytree(SAMPLE, content)
    before = sorted(path.name for path in (content / "updates").iterdir())
    done = new.new_update(content, "content", "nyhet", title, TODAY, False, "sv")
    after = sorted(path.name for path in (content / "updates").iterdir())
    event("refused" if done else "written")
    if done != 0:
        assert after == before
        return
    updates = {update.title for update in load(content, "content").updates}
    assert title.strip() in updates


@pytest.mark.parametrize("name", ["Norr\rby", "Hackad\u2028title: Hackad", "\u202eybrroN", "Norrby\x1b[31m", "x" * 301])
def test_init_says_what_is_wrong_with_a_name_before_writing_anything(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert init.run(tmp_path / "ny", {**ANSWERED, "name": name}, TODAY) == 2
    said = capsys.readouterr().err.splitlines()
    assert said[0].startswith(f"init: --name: fick {name!r} (") and said[-1] == "1 fel. Inget har skrivits."
    assert not (tmp_path / "ny").exists()


@pytest.mark.parametrize(
    "title", ["Första\nandra", "Första\randra", "Färg\x1b[31m", "x" * 400, "Hackad\u2028kind: nyhet"]
)
def test_new_says_what_is_wrong_with_a_title_and_a_later_new_still_works(
    tmp_path: Path, title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    content = tmp_path / "content"
    shutil.copytree(SAMPLE, content)
    assert new.new_update(content, "content", "nyhet", title, TODAY, False, "sv") == 1
    assert capsys.readouterr().err.startswith(f"new: rubriken {title[:80]!r}: ")
    assert new.new_update(content, "content", "nyhet", "Öppet möte i parken", TODAY, False, "sv") == 0
    assert "Öppet möte i parken" in {update.title for update in load(content, "content").updates}


@pytest.mark.parametrize("verb", ["build", "index"])
@pytest.mark.parametrize(
    "address",
    ['https://k.github.io/g/"><script>alert(1)</script>', "https://k.github.io/g/\nx", "http://k.github.io/g/"],
)
def test_a_site_url_argument_is_refused_before_anything_is_read(tmp_path: Path, verb: str, address: str) -> None:
    from .conftest import run_script

    extra = ["--sources", "kallor.txt", "--out", "ut"] if verb == "index" else []
    result = run_script(verb, *extra, "--site-url", address, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1].startswith(f"build_pages.py {verb}: fel: --site-url: fick {address!r} (")
    assert list(tmp_path.iterdir()) == []


# Words that, standing alone, say a comment is in English.
ENGLISH = re.compile(r"\b(?:the|and|of|is|are|with|each|every|this|that|from|when|to)\b")


@pytest.mark.parametrize("engine", [None, "./motor/medborgarlofte-0.3.0-py3-none-any.whl"])
def test_init_writes_its_comments_in_swedish(engine: str | None) -> None:
    """A communications officer reads the settings, the workflow and the templates in Swedish, as the handbook is
    written: no comment init writes is in English."""
    files = init.skeleton(dict(ANSWERED), TODAY, engine)
    english = [
        f"{path}:{n}: {line.strip()}"
        for path, text in files.items()
        if not path.endswith(".md")  # a page's heading is no comment, and a page in English is in English
        for n, line in enumerate(text.splitlines(), start=1)
        if line.lstrip().startswith("#") and ENGLISH.search(re.sub(r"`[^`]*`", "", line))
    ]
    assert {path.rsplit("/", 1)[-1] for path in files} >= {
        "mkdocs.yml",
        "publish.yml",
        "dependabot.yml",
        "requirements.txt",
    }
    assert english == []


def test_scb_s_table_has_every_municipality_in_its_county() -> None:
    from medborgarlofte import regions

    assert len(regions.MUNICIPALITIES) == 290 and len(regions.COUNTIES) == 21
    assert all(code[:2] in regions.COUNTIES for code in regions.MUNICIPALITIES)
    assert {code[:2] for code in regions.MUNICIPALITIES} == set(regions.COUNTIES)
    assert regions.MUNICIPALITIES["1384"] == "Kungsbacka" and regions.MUNICIPALITIES["2584"] == "Kiruna"
    assert regions.SOURCE.startswith("https://www.scb.se/") and regions.IN_FORCE_SINCE == "2007-01-01"


@pytest.mark.parametrize(
    ("municipality", "code", "said"),
    [
        (
            "Kungsbacka",
            "2584",
            "init: --municipality-code: fick '2584', som är koden för Kiruna enligt SCB, inte för Kungsbacka; "
            "Kungsbacka har kod 1384",
        ),
        (
            "Norrby",
            "2584",
            "init: --municipality-code: fick '2584', som är koden för Kiruna enligt SCB, inte för Norrby",
        ),
    ],
)
def test_init_refuses_another_municipality_s_code(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], municipality: str, code: str, said: str
) -> None:
    answers: dict[str, str | None] = {**ANSWERED, "municipality": municipality, "municipality-code": code}
    assert init.run(tmp_path / "ny", answers, TODAY) == 2
    assert said in capsys.readouterr().err.splitlines()
    assert not (tmp_path / "ny").exists()


def test_init_writes_the_municipality_and_county_as_scb_names_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers: dict[str, str | None] = {**ANSWERED, "municipality": "kungsbacka kommun", "municipality-code": "1384"}
    assert init.run(tmp_path / "ny", answers, TODAY) == 0
    config = (tmp_path / "ny/mkdocs.yml").read_text(encoding="utf-8")
    assert 'municipality: "Kungsbacka"' in config and 'county: "Hallands län"' in config
    assert init.run(tmp_path / "norrby", dict(ANSWERED), TODAY) == 0
    assert (
        "init: varning: kommunkoden 2599 finns inte bland SCB:s 290 kommunkoder; kontrollera den"
        in capsys.readouterr().err
    )
