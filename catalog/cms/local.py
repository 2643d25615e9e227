"""`python build.py cms`: the local CMS backend, kept away from the editor's working folder.

decap-server in git mode commits with `git add .` and switches branches in the folder it
serves, so run in the repository it commits whatever lies there unsaved and deletes it again
when a draft is discarded. Here it runs on a private clone (`.git/galeri-cms/`) that only it
writes; what an editor publishes comes back into the working folder as a fast-forward, which
git refuses rather than overwrite a file changed by hand. See docs/cms.md.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

from catalog.cms import vendor
from catalog.core.messages import message

CLONE = "galeri-cms"
POLL_SECONDS = 1.0
Say = Callable[[str], None]


class LocalCmsError(Exception):
    """A reason the local CMS cannot start, already worded for the editor."""


class GitFailed(Exception):
    """A git command that failed; the text is git's own explanation."""


def git(cwd: Path, *args: str) -> str:
    """Run git in `cwd` and return its output; its complaint becomes `GitFailed`."""
    try:
        run = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=True)
    except subprocess.CalledProcessError as exc:
        raise GitFailed((exc.stderr or exc.stdout).strip()) from exc
    return run.stdout.strip()


def locate(start: Path) -> tuple[Path, Path]:
    """The repository's top folder and the private clone's place inside its `.git`."""
    if shutil.which("git") is None:
        raise LocalCmsError(message("cms_no_git", folder=start))
    try:
        top = git(start, "rev-parse", "--show-toplevel")
        common = git(start, "rev-parse", "--path-format=absolute", "--git-common-dir")
    except GitFailed as exc:
        raise LocalCmsError(message("cms_no_git", folder=start)) from exc
    return Path(top), Path(common) / CLONE


def prepare(repo: Path, clone: Path, branch: str) -> None:
    """Create the clone, or bring it up to the repository's committed `branch`.

    Anything uncommitted in the clone was written by an interrupted CMS save (nobody else
    writes there), so it is discarded: it was never saved.
    """
    try:
        if not (clone / ".git").exists():
            git(repo, "clone", "--quiet", "--branch", branch, str(repo), str(clone))
            adopt_drafts(repo, clone)
            copy_identity(repo, clone)
            return
        git(clone, "remote", "set-url", "origin", str(repo))  # the folder may have moved
        git(clone, "checkout", "--quiet", "--force", branch)
        git(clone, "clean", "-d", "--force", "--quiet")
        git(clone, "fetch", "--quiet", "origin", branch)
        merge_fetched(clone)
    except GitFailed as exc:
        raise LocalCmsError(message("cms_sync_failed", branch=branch, detail=exc)) from exc


def merge_fetched(clone: Path) -> None:
    """Merge the repository's commits into the clone; a conflict is undone, not left half-done."""
    try:
        git(clone, "merge", "--quiet", "--no-edit", "FETCH_HEAD")
    except GitFailed:
        git(clone, "merge", "--abort")
        raise


def adopt_drafts(repo: Path, clone: Path) -> None:
    """Copy the drafts a decap-server run in the repository left there into the new clone,
    with their workflow status, so they stay on the CMS's board (the originals are kept)."""
    for name in cms_branches(repo):
        git(clone, "branch", "--quiet", name, f"origin/{name}")
        key = f"branch.{name}.description"
        status = subprocess.run(["git", "config", key], cwd=repo, capture_output=True, text=True).stdout
        if status.strip():
            git(clone, "config", key, status.strip())


def copy_identity(repo: Path, clone: Path) -> None:
    """The clone commits as the repository does, also when its name is set only there."""
    for key in ("user.name", "user.email"):
        value = subprocess.run(["git", "config", key], cwd=repo, capture_output=True, text=True).stdout
        if value.strip():
            git(clone, "config", key, value.strip())


def cms_branches(cwd: Path) -> list[str]:
    """The editorial workflow's draft branches (`cms/<collection>/<entry>`)."""
    return git(cwd, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms/").split()


def holds_nothing(cwd: Path, name: str, branch: str) -> bool:
    """True for a draft branch with no commit of its own, or no difference from `branch`.

    A failed save leaves the first kind (decap-server creates the branch, then its rebase
    fails); decap-server cannot open an entry whose branch differs in no file. Neither can
    hold unpublished work, so removing them loses nothing.
    """
    if git(cwd, "rev-list", "--count", f"{branch}..{name}") == "0":
        return True
    return subprocess.run(["git", "diff", "--quiet", branch, name], cwd=cwd).returncode == 0


def remove_empty_branches(cwd: Path, branch: str) -> list[str]:
    """Delete the draft branches that hold nothing; return their names."""
    try:  # the branch checked out cannot be deleted (an old decap-server run may leave one)
        current = git(cwd, "symbolic-ref", "--quiet", "--short", "HEAD")
    except GitFailed:  # a detached HEAD
        current = ""
    empty = [name for name in cms_branches(cwd) if name != current and holds_nothing(cwd, name, branch)]
    for name in empty:
        git(cwd, "branch", "--quiet", "-D", name)
    return empty


class Publisher:
    """Brings what was published in the clone into the working folder, by fast-forward only.

    git refuses a fast-forward that would overwrite a file changed or added by hand; then the
    editor is told once, and it is tried again until it goes through.
    """

    def __init__(self, repo: Path, clone: Path, branch: str) -> None:
        self.repo, self.clone, self.branch = repo, clone, branch
        self.problem = ""

    def step(self) -> str | None:
        """One attempt; the line to print, if any."""
        tip = git(self.clone, "rev-parse", self.branch)
        if self.contains(tip):
            self.problem = ""
            return None
        try:
            files = self.fast_forward(tip)
        except GitFailed as exc:
            return self.report(message("cms_publish_waiting", branch=self.branch, detail=exc))
        self.problem = ""
        return message("cms_published", files=", ".join(files) or "-")

    def contains(self, tip: str) -> bool:
        """Whether the repository's branch already has the commit `tip`."""
        check = ["git", "merge-base", "--is-ancestor", tip, self.branch]
        return subprocess.run(check, cwd=self.repo, capture_output=True).returncode == 0

    def fast_forward(self, tip: str) -> list[str]:
        """Fast-forward the checked-out branch to `tip`; the files it changed."""
        head = ["git", "symbolic-ref", "--quiet", "--short", "HEAD"]
        current = subprocess.run(head, cwd=self.repo, capture_output=True, text=True).stdout.strip()
        if current != self.branch:
            raise GitFailed(message("cms_other_branch", current=current or "HEAD", branch=self.branch))
        git(self.repo, "fetch", "--quiet", str(self.clone), self.branch)
        before = git(self.repo, "rev-parse", "HEAD")
        git(self.repo, "merge", "--ff-only", "--quiet", tip)
        return git(self.repo, "diff", "--name-only", before, tip).splitlines()

    def report(self, problem: str) -> str | None:
        """A problem is printed when it first appears, not at every attempt."""
        if problem == self.problem:
            return None
        self.problem = problem
        return problem


def port_in_use(port: int) -> bool:
    """Whether something already answers on localhost:`port` (another decap-server?)."""
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def server_or_refusal(port: int, repo: Path) -> list[str]:
    """The command that runs decap-server with Node.js, once both are installed (`npm ci` in
    `repo`, or in the current folder) and its port is free (checked before the clone is
    touched: a decap-server still running may be working in it)."""
    node, script = shutil.which("node"), vendor.decap_server(repo)
    if node is None or script is None:
        raise LocalCmsError(message("cms_server_missing", folder=repo))
    if port_in_use(port):
        raise LocalCmsError(message("cms_port_busy", port=port))
    return [node, str(script)]


def start_server(command: list[str], clone: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """decap-server in git mode, serving the clone only."""
    env = {**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(clone), "PORT": str(port)}
    with log.open("ab") as output:
        return subprocess.Popen(command, env=env, stdout=output, stderr=output)


def wait_for_port(server: subprocess.Popen[bytes], port: int, log: Path, seconds: float = 30) -> None:
    """Return once decap-server listens; raise if it exits or never does."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and server.poll() is None:
        if port_in_use(port):
            return
        time.sleep(0.2)
    raise LocalCmsError(message("cms_server_stopped", log=log))


def stop(server: subprocess.Popen[bytes]) -> None:
    """Stop decap-server (the process this command started)."""
    if server.poll() is None:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


def run(port: int, say: Say, start: Path | None = None) -> int:
    """Prepare the clone, clear stuck drafts, serve the CMS and publish until Ctrl+C."""
    repo, clone = locate(start or Path.cwd())
    command = server_or_refusal(port, repo)
    branch = os.environ.get("GALERI_CMS_BRANCH", "main")
    prepare(repo, clone, branch)
    try:
        removed = remove_empty_branches(repo, branch) + remove_empty_branches(clone, branch)
    except GitFailed as exc:
        raise LocalCmsError(message("cms_sync_failed", branch=branch, detail=exc)) from exc
    for name in sorted(set(removed)):
        say(message("cms_branch_removed", name=name))
    publisher = Publisher(repo, clone, branch)
    log = clone.parent / f"{CLONE}.log"
    server = start_server(command, clone, port, log)
    try:
        wait_for_port(server, port, log)
        say(message("cms_started", port=port, branch=branch, log=log))
        return watch(server, publisher, say, log)
    except KeyboardInterrupt:
        return 0
    finally:
        stop(server)


def watch(server: subprocess.Popen[bytes], publisher: Publisher, say: Say, log: Path) -> int:
    """Publish into the working folder while decap-server runs; 1 if it stops by itself."""
    while server.poll() is None:
        note = publisher.step()
        if note:
            say(note)
        time.sleep(POLL_SECONDS)
    say(message("cms_server_stopped", log=log))
    return 1
