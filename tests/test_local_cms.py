"""`python build.py cms` against a real decap-server, in a throwaway repository.

The saves are driven through decap-server's HTTP API (`POST /api/v1`) with the actions and
parameters Decap's local backend sends, not through Chromium. The two defects of issue 16:
decap-server run in the repository commits files an editor never saved (`git add .`) and a
save over uncommitted files leaves an empty `cms/...` branch whose entry never opens again.
"""

from __future__ import annotations

import json
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from catalog.cms import local as localcms
from catalog.cms import vendor

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    not (shutil.which("node") and vendor.decap_server()), reason="`npm ci` installs decap-server"
)

IDENTITY = {"GIT_AUTHOR_NAME": "Uji", "GIT_AUTHOR_EMAIL": "uji@example.org"}
IDENTITY |= {"GIT_COMMITTER_NAME": "Uji", "GIT_COMMITTER_EMAIL": "uji@example.org"}
PRODUCTS = "content/ikm/toko/products"
PRODUCT = "---\nname: Kaos\ncategory: fashion\n---\n"


def git(repo: Path, *args: str) -> str:
    run = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True, timeout=30)
    return run.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An office's repository: one business, one product, committed on main."""
    for key, value in IDENTITY.items():
        monkeypatch.setenv(key, value)
    root = tmp_path / "galeri"
    (root / PRODUCTS).mkdir(parents=True)
    (root / PRODUCTS / "kaos.md").write_text(PRODUCT, encoding="utf-8")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "isi awal")
    return root


class Cms:
    """`python build.py cms` running in `repo`; its printed lines in `log`."""

    def __init__(self, repo: Path) -> None:
        self.port = free_port()
        self.log = repo.parent / "cms.out"
        command = [sys.executable, str(ROOT / "build.py"), "cms", "--port", str(self.port)]
        with self.log.open("wb") as output:
            self.process = subprocess.Popen(command, cwd=repo, stdout=output, stderr=subprocess.STDOUT)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, text: str, seconds: float = 60) -> None:
        deadline = time.monotonic() + seconds
        while text not in self.output():
            assert self.process.poll() is None, self.output()
            assert time.monotonic() < deadline, f"{text!r} not printed:\n{self.output()}"
            time.sleep(0.2)

    def api(self, action: str, **params: object) -> dict:
        """One request as Decap's local backend makes it."""
        body = json.dumps({"action": action, "params": {"branch": "main", **params}}).encode()
        request = urllib.request.Request(
            f"http://localhost:{self.port}/api/v1", body, {"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def save(self, slug: str, raw: str) -> None:
        """*Simpan* of a product on a business desk (the editorial workflow)."""
        data = {"slug": slug, "path": f"{PRODUCTS}/{slug}.md", "raw": raw}
        options = {"collectionName": "produk-toko", "commitMessage": f"Ubah {slug}", "useWorkflow": True}
        self.api("persistEntry", dataFiles=[data], assets=[], options={**options, "status": "draft"})

    def stop(self) -> None:
        """Ctrl+C, as an editor stops it; killed if it does not stop in time."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


@pytest.fixture
def start(repo: Path) -> Iterator:
    started: list[Cms] = []

    def launch() -> Cms:
        cms = Cms(repo)
        started.append(cms)
        cms.wait_for("CMS lokal siap")
        return cms

    yield launch
    for cms in started:
        cms.stop()


def hand_edits(repo: Path) -> dict[str, bytes]:
    """What an editor has in the folder but never saved through the CMS."""
    (repo / PRODUCTS / "foto-lain.jpg").write_bytes(b"\xff\xd8\xff\xe0 foto dari ponsel")
    (repo / PRODUCTS / "setengah.md").write_text("---\nname: Setengah jad", encoding="utf-8")
    (repo / PRODUCTS / "kaos.md").write_text(PRODUCT + "Ditulis tangan, belum disimpan.\n", encoding="utf-8")
    return {
        name: (repo / PRODUCTS / name).read_bytes() for name in ("foto-lain.jpg", "setengah.md", "kaos.md")
    }


def assert_untouched(repo: Path, edits: dict[str, bytes]) -> None:
    for name, content in edits.items():
        assert (repo / PRODUCTS / name).read_bytes() == content
    status = sorted(git(repo, "status", "--porcelain", "--untracked-files=all").splitlines())
    assert status == [f" M {PRODUCTS}/kaos.md", f"?? {PRODUCTS}/foto-lain.jpg", f"?? {PRODUCTS}/setengah.md"]


def wait_for_commit(repo: Path, path: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not git(repo, "ls-tree", "--name-only", "main", path).strip():
        assert time.monotonic() < deadline, f"{path} was not published into the working folder"
        time.sleep(0.2)


def test_files_not_saved_through_the_cms_are_never_committed_moved_or_deleted(repo, start):
    cms = start()
    edits = hand_edits(repo)

    cms.save("baru", "---\nname: Baru\ncategory: fashion\n---\n")
    assert_untouched(repo, edits)
    cms.api("publishUnpublishedEntry", collection="produk-toko", slug="baru")
    wait_for_commit(repo, f"{PRODUCTS}/baru.md")
    cms.wait_for("Diterbitkan dari CMS ke folder ini")

    assert_untouched(repo, edits)
    assert (repo / PRODUCTS / "baru.md").read_text(encoding="utf-8").startswith("---\nname: Baru")
    added = git(repo, "diff", "--name-only", "HEAD~1", "HEAD").split()
    assert added == [f"{PRODUCTS}/baru.md"]

    cms.save("buang", "---\nname: Buang\ncategory: fashion\n---\n")
    cms.api("deleteUnpublishedEntry", collection="produk-toko", slug="buang")  # *Hapus perubahan*
    assert_untouched(repo, edits)


def test_a_publish_never_overwrites_a_file_changed_by_hand(repo, start):
    cms = start()
    edits = hand_edits(repo)

    cms.save("kaos", PRODUCT.replace("Kaos", "Kaos Batik"))
    cms.api("publishUnpublishedEntry", collection="produk-toko", slug="kaos")
    cms.wait_for("belum bisa masuk")

    assert_untouched(repo, edits)
    assert git(repo, "log", "--format=%s", "main").split("\n")[0] == "isi awal"


def test_commits_made_by_hand_meanwhile_are_merged_at_the_next_start(repo, start):
    cms = start()
    (repo / PRODUCTS / "kaos.md").write_text(PRODUCT + "Dari tangan.\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "ubah kaos dengan tangan")
    cms.save("baru", "---\nname: Baru\ncategory: fashion\n---\n")
    cms.api("publishUnpublishedEntry", collection="produk-toko", slug="baru")
    cms.wait_for("belum bisa masuk")  # main moved on: not a fast-forward
    cms.stop()

    start()

    wait_for_commit(repo, f"{PRODUCTS}/baru.md")
    assert (repo / PRODUCTS / "kaos.md").read_text(encoding="utf-8").endswith("Dari tangan.\n")
    assert git(repo, "status", "--porcelain") == ""


def test_an_empty_draft_branch_is_removed_at_start_and_work_is_kept(repo, start):
    git(repo, "branch", "cms/produk-toko/kaos")  # what a failed save left behind
    git(repo, "switch", "-q", "-c", "cms/produk-toko/lain")
    (repo / PRODUCTS / "lain.md").write_text("---\nname: Lain\n---\n", encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "draf yang belum terbit")
    git(repo, "switch", "-q", "main")

    cms = start()

    assert "Draf kosong cms/produk-toko/kaos dihapus" in cms.output()
    assert cms.output().count("Draf kosong") == 1
    assert git(repo, "branch", "--list", "cms/*").split() == ["cms/produk-toko/lain"]
    assert cms.api("unpublishedEntries") == ["produk-toko/lain"]  # the draft is still on the board
    cms.save("kaos", PRODUCT.replace("Kaos", "Kaos Batik"))
    entry = cms.api("unpublishedEntry", collection="produk-toko", slug="kaos")
    assert [diff["path"] for diff in entry["diffs"]] == [f"{PRODUCTS}/kaos.md"]


def test_an_empty_draft_branch_checked_out_is_kept_not_a_traceback(repo):
    """An old decap-server run in the working folder may leave it on such a branch."""
    git(repo, "switch", "-q", "-c", "cms/produk-toko/kaos")
    git(repo, "branch", "cms/produk-toko/lama")
    assert localcms.remove_empty_branches(repo, "main") == ["cms/produk-toko/lama"]
    assert git(repo, "branch", "--list", "cms/*").split() == ["*", "cms/produk-toko/kaos"]
