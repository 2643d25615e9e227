"""Guarding main: the pre-commit hook refuses a commit of broken content with the build's
messages, and pull requests run the same check."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from conftest import PRODUCT

ROOT = Path(__file__).resolve().parent.parent
SHIM = f"import sys\nsys.path.insert(0, {str(ROOT)!r})\nfrom catalog.cli import main\nsys.exit(main())\n"


def git(repo: Path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",  # python3 = this virtualenv's
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
    }
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


def test_the_hook_refuses_a_commit_of_broken_content(site, tmp_path):
    repo = site().parent  # content/ inside a project folder
    (repo / "build.py").write_text(SHIM)
    git(repo, "init", "-q")
    git(repo, "config", "core.hooksPath", str(ROOT / "tools/hooks"))
    git(repo, "add", "-A")
    good = git(repo, "commit", "-q", "-m", "content")
    assert good.returncode == 0, good.stderr
    product = repo / "content/ikm/kerupuk-uji/products/kerupuk-melarat.md"
    product.write_text(PRODUCT.replace("price: 15000", "prise: 15000"))
    git(repo, "add", "-A")
    bad = git(repo, "commit", "-q", "-m", "typo")
    assert bad.returncode != 0
    assert "ikm/kerupuk-uji/products/kerupuk-melarat.md:" in bad.stderr and "prise" in bad.stderr
    assert "Commit dibatalkan" in bad.stderr
    assert git(repo, "log", "--oneline").stdout.count("\n") == 1


def test_pull_requests_run_the_content_check():
    """The GitHub workflow runs `python build.py check` on every pull request, on the
    Python version Netlify builds with."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "content-check.yml").read_text())
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    steps = workflow["jobs"]["check"]["steps"]
    assert [step.get("run") for step in steps if "run" in step] == ["pip install .", "python build.py check"]
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    netlify = tomllib.loads((ROOT / "netlify.toml").read_text())
    assert python["with"]["python-version"] == netlify["build"]["environment"]["PYTHON_VERSION"]
