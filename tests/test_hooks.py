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
    assert "paths" not in (triggers["pull_request"] or {})  # every pull request, content/ included
    steps = workflow["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    install, check = runs.index("pip install ."), runs.index("python build.py check 2>&1 | tee periksa.log")
    assert install < check and steps[check]["shell"] == "bash"  # bash: pipefail, the check's status counts
    annotate = next(step for step in steps if "annotate.py periksa.log" in step.get("run", ""))
    assert annotate["if"] == "${{ !cancelled() }}"  # also, above all, when the check failed
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    netlify = tomllib.loads((ROOT / "netlify.toml").read_text())
    assert python["with"]["python-version"] == netlify["build"]["environment"]["PYTHON_VERSION"]


def test_the_guide_describes_the_workflow_it_has():
    """docs/panduan-editor.md tells an editor where the check's lines appear: its claims
    name the workflow, its step and the job summary this workflow writes."""
    guide = (ROOT / "docs" / "panduan-editor.md").read_text(encoding="utf-8")
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "content-check.yml").read_text())
    steps = [step.get("name") for step in workflow["jobs"]["check"]["steps"]]
    assert f"**{workflow['name']}**" in guide and f"**{steps[steps.index('Periksa konten')]}**" in guide
    assert "`python build.py check`" in guide and "Files changed" in guide and "Summary" in guide


ANNOTATE = ROOT / ".github" / "scripts" / "annotate.py"
CHECK_LOG = """\
ikm/kerupuk-uji/products/kerupuk-melarat.md:4: prise: kolom tidak dikenal (maksud Anda `price`?)
peringatan: ikm/kerupuk-uji/products/a.md:7: images[0]: foto hanya 112 ppi | kecil
site.yaml:20: brand.primary: harus warna CSS, 100% (contoh: #1f3a5f)
2 masalah ditemukan. Perbaiki lalu jalankan lagi.
"""


def test_the_check_lines_become_annotations_and_a_summary(tmp_path):
    (tmp_path / "periksa.log").write_text(CHECK_LOG)
    (tmp_path / "foto.log").write_text(
        "content/ikm/a/b.jpg: akan diperkecil 4000×3000 → 2500×1875 (4,2 MB)\n"
    )
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_SERVER_URL": "https://github.com"}
    env.update({"GITHUB_REPOSITORY": "dinas/galeri", "GITHUB_SHA": "abc"})
    args = [sys.executable, str(ANNOTATE), "periksa.log", "--photos", "foto.log", "--outcome", "failure"]
    done = subprocess.run(args, cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [
        "::error file=content/ikm/kerupuk-uji/products/kerupuk-melarat.md,line=4,title=Periksa konten::"
        "prise: kolom tidak dikenal (maksud Anda `price`?)",
        "::warning file=content/ikm/kerupuk-uji/products/a.md,line=7,title=Periksa konten::"
        "images[0]: foto hanya 112 ppi | kecil",
        "::error file=content/site.yaml,line=20,title=Periksa konten::"
        "brand.primary: harus warna CSS, 100%25 (contoh: #1f3a5f)",
        "::warning file=content/ikm/a/b.jpg,line=1,title=Foto besar::"
        "foto akan diperkecil 4000×3000 → 2500×1875 (4,2 MB)",
    ]
    text = summary.read_text()
    assert text.startswith("## Periksa konten: 2 masalah")
    link = "[`content/site.yaml`](https://github.com/dinas/galeri/blob/abc/content/site.yaml#L20)"
    assert f"| {link} | 20 | brand.primary: harus warna CSS" in text
    assert "foto hanya 112 ppi \\| kecil" in text and "1 foto lebih besar" in text


def test_a_passing_check_gets_a_short_summary(tmp_path):
    (tmp_path / "periksa.log").write_text("Konten baik: 2 usaha, 3 produk.\n")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_STEP_SUMMARY": str(summary)}
    done = subprocess.run(
        [sys.executable, str(ANNOTATE), "periksa.log"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0 and done.stdout == ""
    assert summary.read_text().startswith("## Periksa konten: konten baik")
