"""GitHub Actions: show the content check's problems where an editor looks.

`python build.py check` prints `path:line: field: message`, paths relative to the content
folder. This turns each line into an annotation on the repository file (GitHub shows them
on the pull request's "Files changed" and on the run's page) and writes every problem into
the job summary, with the photos `python build.py foto` would shrink. It never fails the job:
the check's own step does.

Usage: python .github/scripts/annotate.py CHECK_LOG [--photos FOTO_LOG] [--content DIR]
       [--outcome success|failure]
"""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import dataclass
from pathlib import Path

PROBLEM = re.compile(r"^(?P<warning>peringatan: )?(?P<path>[^\s:][^:]*):(?P<line>\d+): (?P<message>.+)$")
PHOTO = re.compile(r"^(?P<path>[^\s:][^:]*): akan diperkecil (?P<message>.+)$")
COLOUR = re.compile(r"\x1b\[[0-9;]*m")
GUIDE = "docs/panduan-editor.md"


@dataclass(frozen=True)
class Problem:
    file: str  # repository path
    line: int
    message: str
    warning: bool


def problems(log: str, content: str) -> list[Problem]:
    """The check's problem lines, their paths made repository paths."""
    found = []
    for raw in log.splitlines():
        match = PROBLEM.match(COLOUR.sub("", raw).strip())
        if match:
            file = f"{content.rstrip('/')}/{match['path']}" if content not in ("", ".") else match["path"]
            found.append(Problem(file, int(match["line"]), match["message"], bool(match["warning"])))
    return found


def photos(log: str) -> list[Problem]:
    """The photos `foto --dry-run` would shrink (their paths are already repository paths)."""
    found = []
    for raw in log.splitlines():
        match = PHOTO.match(COLOUR.sub("", raw).strip())
        if match:
            found.append(Problem(match["path"], 1, f"foto akan diperkecil {match['message']}", True))
    return found


def command(problem: Problem) -> str:
    """A workflow command: GitHub turns it into an annotation on that file and line."""
    kind = "warning" if problem.warning else "error"
    file = _escape(problem.file, ":,")
    title = "Foto besar" if problem.message.startswith("foto akan") else "Periksa konten"
    return f"::{kind} file={file},line={problem.line},title={title}::{_escape(problem.message, '')}"


def _escape(text: str, extra: str) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    for char in extra:
        text = text.replace(char, f"%{ord(char):02X}")
    return text


def summary(found: list[Problem], big: list[Problem], log: str, passed: bool) -> str:
    """The job summary, in Indonesian: every problem with a link to its line."""
    errors = [problem for problem in found if not problem.warning]
    if passed:
        lines = ["## Periksa konten: konten baik", ""]
    elif errors:
        fix = "Perbaiki berkas di bawah, lalu simpan lagi ke cabang ini."
        lines = [f"## Periksa konten: {len(errors)} masalah", "", fix, ""]
    else:
        lines = ["## Periksa konten: gagal", "", "Lihat keluaran lengkap di bawah.", ""]
    if found:
        lines += ["| berkas | baris | pesan |", "|---|---|---|"]
        lines += [
            f"| {_link(p)} | {p.line} | {_cell(('peringatan: ' if p.warning else '') + p.message)} |"
            for p in found
        ]
        lines += ["", f"Arti tiap pesan dan cara memperbaikinya: `{GUIDE}`, bagian 9.", ""]
    if big:
        lines += [f"### {len(big)} foto lebih besar dari yang dibutuhkan cetak", ""]
        lines += [f"- {_link(p)}: {_cell(p.message)}" for p in big]
        lines += ["", "Perkecil dengan `python build.py foto`, lalu commit (docs/photos.md).", ""]
    tail = [line for line in COLOUR.sub("", log).splitlines() if line.strip()]
    if tail:
        lines += ["<details><summary>Keluaran lengkap</summary>", "", "```", *tail, "```", "", "</details>"]
    return "\n".join(lines) + "\n"


def _link(problem: Problem) -> str:
    server, repo, sha = (
        os.environ.get(name) for name in ("GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
    )
    if not (server and repo and sha):
        return f"`{problem.file}`"
    return f"[`{problem.file}`]({server}/{repo}/blob/{sha}/{problem.file}#L{problem.line})"


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def main() -> int:
    args = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    args.add_argument("log", type=Path)
    args.add_argument("--photos", type=Path)
    args.add_argument("--content", default="content")
    args.add_argument("--outcome", default="success", help="the check step's outcome")
    options = args.parse_args()
    log = options.log.read_text(encoding="utf-8", errors="replace") if options.log.exists() else ""
    found = problems(log, options.content)
    big = (
        photos(options.photos.read_text(encoding="utf-8"))
        if options.photos and options.photos.exists()
        else []
    )
    for problem in found + big:
        print(command(problem))
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with open(target, "a", encoding="utf-8") as out:
            out.write(summary(found, big, log, options.outcome == "success"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
