"""Benchmark driver: time the generator's builds on a synthetic corpus at real scale.

Each build runs as `.venv/bin/python build.py build --content DIR --out OUT --no-pdf`
from the repository root under `/usr/bin/time -v`, which gives wall time and peak RSS
of the whole process tree's largest process without instrumenting the generator.

Scenarios (see bench/README.md for the goals):
  a  full build, cold: output and build cache removed first
  b  no-change rebuild: the same build again
  c  rebuild after appending one sentence to one product's body
  d  image pipeline on a photo corpus: cold cache, then warm cache (output removed),
     plus a text-only twin of the photo corpus so the image share can be isolated

Everything the driver deletes lives under --workdir; the build cache is redirected
there with GALERI_CACHE_DIR so the developer's `.cache/` is never touched.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from make_corpus import generate

DEFAULT_REPO = Path(__file__).resolve().parent.parent
TIME_BIN = "/usr/bin/time"
SCENARIOS = ("a", "b", "c", "d")
EDIT_SENTENCE = "Kalimat tambahan dari uji kinerja: produk ini juga bisa dipesan partai besar."

# Goals from bench/README.md.
GOAL_FULL_S = 45.0
GOAL_FULL_RSS_MIB = 1536.0  # 1.5 GiB
GOAL_NOCHANGE_S = 5.0
GOAL_COLD_PHOTOS_PER_S_PER_CORE = 2.0
GOAL_WARM_PHOTOS = 60_000
GOAL_WARM_S = 60.0
GOAL_MAX_FOLDER_ENTRIES = 10_000


# ---------------------------------------------------------------------------
# /usr/bin/time -v output
# ---------------------------------------------------------------------------


@dataclass
class Timing:
    """What `time -v` reports about one command."""

    wall_s: float
    rss_mib: float
    cpu_pct: float
    exit_status: int


def parse_clock(value: str) -> float:
    """`h:mm:ss` or `m:ss.cc` (GNU time's two wall-clock formats) to seconds."""
    seconds = 0.0
    for part in value.strip().split(":"):
        seconds = seconds * 60 + float(part)
    return seconds


def parse_time_v(text: str) -> Timing:
    """Parse GNU `time -v` output; raises ValueError when a needed line is missing."""
    fields: dict[str, str] = {}
    for line in text.splitlines():
        key, sep, value = line.strip().partition(": ")
        if sep:
            fields[key] = value.strip()
    try:
        wall = parse_clock(fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"])
        rss_kib = int(fields["Maximum resident set size (kbytes)"])
        status = int(fields["Exit status"])
    except (KeyError, ValueError) as exc:
        raise ValueError(f"unreadable time -v output: {exc}") from exc
    cpu = fields.get("Percent of CPU this job got", "0%").rstrip("%")
    return Timing(wall, rss_kib / 1024, float(cpu) if cpu.isdigit() else 0.0, status)


# ---------------------------------------------------------------------------
# Running builds
# ---------------------------------------------------------------------------


@dataclass
class Result:
    """One row of the results table."""

    key: str
    label: str
    timing: Timing | None = None
    photos_per_s: float | None = None
    goal: str = ""
    ok: bool | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Runner:
    """Runs builds under time -v and remembers the exact command lines."""

    repo: Path
    python: str
    workdir: Path
    dry_run: bool = False
    commands: list[str] = field(default_factory=list)
    runs: int = 0
    trashed: int = 0
    stamp: str = field(default_factory=lambda: dt.datetime.now().strftime("%Y%m%d-%H%M%S"))

    def clear(self, path: Path) -> None:
        """Move an output or cache folder into the trash; only folders inside workdir.

        Deleting is left for the end (empty_trash): on ext4 mounted with `discard`,
        creating tens of thousands of files right after deleting as many is 5-10x
        slower, and that would be charged to the build being timed.
        """
        if self.dry_run or not path.exists():
            return
        if not path.resolve().is_relative_to(self.workdir.resolve()):
            raise SystemExit(f"refusing to delete {path}: outside the bench workdir {self.workdir}")
        trash = self.workdir / "trash"
        trash.mkdir(exist_ok=True)
        self.trashed += 1
        path.rename(trash / f"{path.name}-{self.stamp}-{self.trashed}")

    def empty_trash(self) -> None:
        """Delete what clear() set aside, after every timed build is done."""
        trash = self.workdir / "trash"
        if trash.exists():
            print(f"deleting {trash} ...", flush=True)
            shutil.rmtree(trash)

    def build(self, key: str, content: Path, out: Path, cache: Path) -> Timing | None:
        """One timed build; None in --dry-run. Output goes to a log file in workdir."""
        self.runs += 1
        time_file = self.workdir / "logs" / self.stamp / f"{self.runs:02d}-{key}.time"
        log_file = time_file.with_suffix(".log")
        argv = [TIME_BIN, "-v", "-o", str(time_file), self.python, "build.py", "build"]
        argv += ["--content", str(content), "--out", str(out), "--no-pdf"]
        line = f"cd {shlex.quote(str(self.repo))} && GALERI_CACHE_DIR={shlex.quote(str(cache))} "
        self.commands.append(f"# {key}\n{line}{shlex.join(argv)}")
        if self.dry_run:
            return None
        time_file.parent.mkdir(parents=True, exist_ok=True)
        env = dict(os.environ, GALERI_CACHE_DIR=str(cache))
        with open(log_file, "wb") as log:
            subprocess.run(argv, check=False, cwd=self.repo, env=env, stdout=log, stderr=subprocess.STDOUT)
        timing = parse_time_v(time_file.read_text(encoding="utf-8", errors="replace"))
        if timing.exit_status != 0:
            tail = log_file.read_text(encoding="utf-8", errors="replace").splitlines()[-15:]
            print(f"build {key} failed (exit {timing.exit_status}); end of {log_file}:", file=sys.stderr)
            print("\n".join(f"    {ln}" for ln in tail), file=sys.stderr)
        return timing


# ---------------------------------------------------------------------------
# Corpus and output inspection
# ---------------------------------------------------------------------------


def ensure_corpus(path: Path, businesses: int, products: int, photos: int, seed: int) -> None:
    """Reuse a corpus that exists (not checked against the options); else generate it."""
    if (path / "site.yaml").is_file():
        print(f"using existing corpus {path}")
        return
    print(f"generating {path} ({businesses} x {products}, {photos} photos) ...", flush=True)
    summary = generate(path, businesses=businesses, products=products, photos=photos, seed=seed)
    print(f"  done in {summary.seconds:.1f} s")


def count_photos(corpus: Path) -> int:
    """Source photos in a corpus (make_corpus writes them all as .jpg under ikm/)."""
    return sum(1 for _ in (corpus / "ikm").rglob("*.jpg"))


def first_md_product(corpus: Path) -> Path:
    """The product file scenario c edits: the first .md product, in sorted order."""
    for folder in sorted((corpus / "ikm").iterdir()):
        found = sorted((folder / "products").glob("*.md"))
        if found:
            return found[0]
    raise SystemExit(f"{corpus} has no .md product to edit")


@dataclass
class OutputStats:
    """File counts of a build output; the largest folder matters for static hosts."""

    files: int
    max_entries: int  # files + subfolders directly in the fullest folder
    max_folder: str
    max_files: int  # most files directly in any one folder
    max_files_folder: str


def output_stats(out: Path) -> OutputStats:
    """Walk the output: total files, the fullest folder, and the folder with most files."""
    files, entries, entries_dir, most, most_dir = 0, -1, str(out), -1, str(out)
    for folder, dirs, names in os.walk(out):
        files += len(names)
        if len(dirs) + len(names) > entries:
            entries, entries_dir = len(dirs) + len(names), folder
        if len(names) > most:
            most, most_dir = len(names), folder

    def url(folder: str) -> str:
        rel = Path(folder).relative_to(out).as_posix()
        return "/" if rel == "." else f"/{rel}/"

    return OutputStats(files, max(entries, 0), url(entries_dir), max(most, 0), url(most_dir))


def stats_note(name: str, stats: OutputStats) -> str:
    """One line about output size."""
    return (
        f"{name}: {stats.files:,} files; largest folder {stats.max_folder} with {stats.max_entries:,} entries"
    )


def flat_image_note(stats: OutputStats, base: OutputStats | None, photos: int) -> str | None:
    """Warn when image outputs pile up in one folder, which breaks 10,000 entries at scale.

    A small photo corpus cannot breach the limit itself, so project: if one folder holds
    at least half the files the photos added, it grows linearly with the photo count.
    """
    added = stats.files - (base.files if base else 0)
    if added <= 0 or stats.max_files < added / 2:
        return None
    projected = stats.max_files / photos * GOAL_WARM_PHOTOS
    verdict = "over" if projected > GOAL_MAX_FOLDER_ENTRIES else "within"
    return (
        f"image files are not spread over folders: {stats.max_files_folder} holds "
        f"{stats.max_files:,} files, about {projected:,.0f} at {GOAL_WARM_PHOTOS:,} photos "
        f"({verdict} the {GOAL_MAX_FOLDER_ENTRIES:,}-entry goal)"
    )


# ---------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------


@dataclass
class Plan:
    """Paths and sizes for one benchmark run."""

    corpus: Path
    photo_corpus: Path
    photo_text_corpus: Path
    out: Path
    cache: Path
    photo_out: Path
    photo_cache: Path
    workdir: Path
    cores: int


def scenario_full(runner: Runner, plan: Plan) -> Result:
    """a: everything from scratch, the time a fresh CI checkout pays."""
    runner.clear(plan.out)
    runner.clear(plan.cache)
    result = Result("a", "full build, cold")
    result.timing = runner.build("a-full-cold", plan.corpus, plan.out, plan.cache)
    result.goal = f"< {GOAL_FULL_S:g} s, < {GOAL_FULL_RSS_MIB:g} MiB, folders <= 10,000"
    if succeeded(result) and result.timing:
        stats = output_stats(plan.out)
        result.notes.append(stats_note("output", stats))
        result.ok = (
            result.timing.wall_s < GOAL_FULL_S
            and result.timing.rss_mib < GOAL_FULL_RSS_MIB
            and stats.max_entries <= GOAL_MAX_FOLDER_ENTRIES
        )
    return result


def scenario_nochange(runner: Runner, plan: Plan) -> Result:
    """b: nothing changed since the last build, e.g. `serve` touching a file."""
    result = Result("b", "no-change rebuild", goal=f"< {GOAL_NOCHANGE_S:g} s")
    result.timing = runner.build("b-nochange", plan.corpus, plan.out, plan.cache)
    if succeeded(result) and result.timing:
        result.ok = result.timing.wall_s < GOAL_NOCHANGE_S
    return result


def scenario_edit(runner: Runner, plan: Plan) -> Result:
    """c: an editor fixes one product's text; the file is restored afterwards."""
    target = first_md_product(plan.corpus)
    original = target.read_bytes()
    result = Result("c", "rebuild after one product edit", goal="(close to b)")
    result.notes.append(f"edited: {target.relative_to(plan.corpus).as_posix()}")
    try:
        if not runner.dry_run:
            target.write_bytes(original.rstrip(b"\n") + f"\n\n{EDIT_SENTENCE}\n".encode())
        result.timing = runner.build("c-edit-one", plan.corpus, plan.out, plan.cache)
    finally:
        target.write_bytes(original)
    return result


def scenario_images(runner: Runner, plan: Plan) -> list[Result]:
    """d: the image pipeline, cold then warm, against a text-only twin as baseline."""
    photos = count_photos(plan.photo_corpus)
    base = Result("d0", "photo corpus, text only (baseline)")
    runner.clear(plan.photo_out)
    runner.clear(plan.photo_cache)
    base.timing = runner.build("d0-text-only", plan.photo_text_corpus, plan.photo_out, plan.photo_cache)
    base_stats = output_stats(plan.photo_out) if succeeded(base) else None

    cold = Result("d1", f"images, cold cache ({photos} photos)")
    cold.goal = f">= {GOAL_COLD_PHOTOS_PER_S_PER_CORE:g}/s per core ({plan.cores} cores)"
    runner.clear(plan.photo_out)
    runner.clear(plan.photo_cache)
    cold.timing = runner.build("d1-images-cold", plan.photo_corpus, plan.photo_out, plan.photo_cache)

    warm = Result("d2", f"images, warm cache ({photos} photos)")
    warm.goal = f"{GOAL_WARM_PHOTOS:,} photos < {GOAL_WARM_S:g} s"
    runner.clear(plan.photo_out)
    warm.timing = runner.build("d2-images-warm", plan.photo_corpus, plan.photo_out, plan.photo_cache)
    if not runner.dry_run:
        judge_images(plan, photos, (base, cold, warm), base_stats)
    return [base, cold, warm]


def succeeded(result: Result) -> bool:
    """The build ran and exited 0."""
    return result.timing is not None and result.timing.exit_status == 0


def judge_images(
    plan: Plan, photos: int, runs: tuple[Result, Result, Result], base_stats: OutputStats | None
) -> None:
    """Photo rates, the 60k warm projection, and sanity checks on layout and cache."""
    base, cold, warm = runs
    if not photos or not (succeeded(cold) and succeeded(warm)):
        return
    assert cold.timing and warm.timing  # for the type checker
    cold.photos_per_s = photos / cold.timing.wall_s
    warm.photos_per_s = photos / warm.timing.wall_s
    cold.ok = cold.photos_per_s / plan.cores >= GOAL_COLD_PHOTOS_PER_S_PER_CORE
    stats = output_stats(plan.photo_out)
    warm.notes.append(stats_note("photo output", stats))
    flat = flat_image_note(stats, base_stats, photos)
    if flat:
        warm.notes.append(flat)
    base_s = base.timing.wall_s if base.timing and succeeded(base) else 0.0
    per_photo = max(warm.timing.wall_s - base_s, 0.0) / photos
    projected = per_photo * GOAL_WARM_PHOTOS
    warm.ok = projected < GOAL_WARM_S
    warm.notes.append(
        f"warm: {per_photo * 1000:.2f} ms per photo over the text-only baseline "
        f"({base_s:.2f} s), so about {projected:.0f} s for {GOAL_WARM_PHOTOS:,} photos"
    )
    cold_share = max(cold.timing.wall_s - base_s, 0.0)
    if cold_share > 0:
        cold.notes.append(
            f"cold: {photos / cold_share / plan.cores:.2f} photos/s per core "
            "counting only the time over the text-only baseline"
        )
    if not plan.photo_cache.exists() or not any(plan.photo_cache.iterdir()):
        cold.notes.append(
            "WARNING: nothing was written to GALERI_CACHE_DIR; the generator may ignore "
            "it, in which case 'cold' used the repository's .cache/ and is not cold"
        )


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------


def machine() -> dict[str, str]:
    """Where the numbers come from: cores, CPU model, Python."""
    model = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu": model,
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def fmt(value: float | None, digits: int = 2) -> str:
    """A number for the table, or a dash."""
    return "—" if value is None else f"{value:,.{digits}f}"


def table(results: list[Result]) -> str:
    """The results as a Markdown table."""
    rows = [
        "| # | scenario | wall (s) | peak RSS (MiB) | CPU | photos/s | goal | met |",
        "|---|---|---:|---:|---:|---:|---|---|",
    ]
    for r in results:
        t = r.timing
        wall = fmt(t.wall_s) if t else "—"
        if t and t.exit_status != 0:
            wall = f"FAILED (exit {t.exit_status})"
        met = {True: "yes", False: "**no**", None: "—"}[r.ok]
        rows.append(
            f"| {r.key} | {r.label} | {wall} | {fmt(t.rss_mib, 0) if t else '—'} | "
            f"{f'{t.cpu_pct:.0f}%' if t else '—'} | {fmt(r.photos_per_s, 1)} | "
            f"{r.goal or '—'} | {met} |"
        )
    return "\n".join(rows)


def notes(results: list[Result]) -> str:
    """The notes attached to results, as a bullet list."""
    return "\n".join(f"- {r.key}: {n}" for r in results for n in r.notes)


def report(results: list[Result], runner: Runner, plan: Plan, args: argparse.Namespace) -> str:
    """The full Markdown section for --markdown: context, table, notes, commands."""
    info = machine()
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"## Benchmark {when}",
        "",
        f"- machine: {info['nproc']} cores, {info['cpu']}, Python {info['python']}, {info['os']}",
        f"- corpus: `{plan.corpus}` ({args.businesses} businesses x {args.products} products, "
        f"seed {args.seed}); photo corpus: `{plan.photo_corpus}` ({args.photos} photos)",
        f"- repository: `{runner.repo}` ({git_head(runner.repo)})",
        f"- build logs and time -v reports: `{plan.workdir / 'logs' / runner.stamp}`",
        "",
        table(results),
        "",
        notes(results),
        "",
        "Commands (the `-o` file is where time -v writes its report):",
        "",
        "```sh",
        "\n".join(runner.commands),
        "```",
        "",
    ]
    return "\n".join(lines)


def git_head(repo: Path) -> str:
    """The commit being measured, or a note when there is none yet."""
    proc = subprocess.run(
        ["git", "-C", str(repo), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    )
    dirty = subprocess.run(
        ["git", "-C", str(repo), "status", "--porcelain", "--untracked-files=no"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    head = proc.stdout.strip() or "no commit yet"
    return f"{head}, uncommitted changes" if dirty else head


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def parse_scenarios(value: str) -> list[str]:
    """`a,b,c,d` (any subset, any order given) to the run order."""
    wanted = {part.strip().lower() for part in value.split(",") if part.strip()}
    unknown = wanted - set(SCENARIOS)
    if unknown or not wanted:
        raise argparse.ArgumentTypeError(f"scenarios are a comma list of {','.join(SCENARIOS)}")
    return [s for s in SCENARIOS if s in wanted]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options; see bench/README.md."""
    default_work = Path(tempfile.gettempdir()) / "galeri-bench"
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, help="content folder (generated if missing)")
    parser.add_argument("--photo-corpus", type=Path, help="photo content folder for d")
    parser.add_argument(
        "--workdir", type=Path, default=default_work, help=f"outputs, cache, logs (default {default_work})"
    )
    parser.add_argument("--businesses", type=int, default=3111, help="default 3111")
    parser.add_argument("--products", type=int, default=10, help="per business, default 10")
    parser.add_argument("--photos", type=int, default=100, help="photos for d (default 100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--scenarios", type=parse_scenarios, default=list(SCENARIOS), help="e.g. a,b (default a,b,c,d)"
    )
    parser.add_argument(
        "--repo", type=Path, default=DEFAULT_REPO, help=f"checkout to measure (default {DEFAULT_REPO})"
    )
    parser.add_argument("--python", default=".venv/bin/python", help="relative to the repository root")
    parser.add_argument("--markdown", type=Path, help="append the report to this file")
    parser.add_argument(
        "--dry-run", action="store_true", help="make corpora, print the build commands, run no build"
    )
    args = parser.parse_args(argv)
    for name in ("businesses", "products", "photos"):
        if getattr(args, name) < (1 if name != "photos" else 0):
            parser.error(f"--{name} is too small")
    if "d" in args.scenarios and args.photos < 1:
        parser.error("scenario d needs --photos >= 1")
    return args


def make_plan(args: argparse.Namespace) -> Plan:
    """Resolve every path from the options."""
    work = args.workdir.resolve()
    tag = f"p{args.products}-s{args.seed}"
    corpus = args.corpus or work / f"corpus-b{args.businesses}-{tag}"
    photo_corpus = args.photo_corpus or work / f"photos-k{args.photos}-{tag}"
    return Plan(
        corpus=corpus.resolve(),
        photo_corpus=photo_corpus.resolve(),
        photo_text_corpus=photo_corpus.resolve().with_name(photo_corpus.name + "-text"),
        out=work / "out-main",
        cache=work / "cache-main",
        photo_out=work / "out-photos",
        photo_cache=work / "cache-photos",
        workdir=work,
        cores=len(os.sched_getaffinity(0)),
    )


def prepare(args: argparse.Namespace, plan: Plan) -> None:
    """Check the tools and generate missing corpora."""
    if not Path(TIME_BIN).is_file():
        raise SystemExit(f"{TIME_BIN} not found (install GNU time)")
    if not args.dry_run and not (args.repo / "build.py").is_file():
        raise SystemExit(f"{args.repo / 'build.py'} does not exist yet; nothing to measure")
    plan.workdir.mkdir(parents=True, exist_ok=True)
    if set(args.scenarios) & {"a", "b", "c"}:
        ensure_corpus(plan.corpus, args.businesses, args.products, 0, args.seed)
    if "d" in args.scenarios:
        # Just enough businesses to hold the photos (1-3 per product), so text is a small share.
        holders = max(1, math.ceil(args.photos / args.products))
        ensure_corpus(plan.photo_corpus, holders, args.products, args.photos, args.seed)
        ensure_corpus(plan.photo_text_corpus, holders, args.products, 0, args.seed)


def run(args: argparse.Namespace, plan: Plan, runner: Runner) -> list[Result]:
    """Run the chosen scenarios in order; b and c get an untimed prep build without a."""
    results: list[Result] = []
    chosen = args.scenarios
    if "a" in chosen:
        results.append(scenario_full(runner, plan))
    elif {"b", "c"} & set(chosen):
        runner.build("prep", plan.corpus, plan.out, plan.cache)
    if "b" in chosen:
        results.append(scenario_nochange(runner, plan))
    if "c" in chosen:
        results.append(scenario_edit(runner, plan))
    if "d" in chosen:
        results.extend(scenario_images(runner, plan))
    return results


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print the table, optionally append the Markdown report."""
    args = parse_args(argv)
    plan = make_plan(args)
    prepare(args, plan)
    runner = Runner(args.repo.resolve(), args.python, plan.workdir, dry_run=args.dry_run)
    try:
        results = run(args, plan, runner)
    finally:
        runner.empty_trash()
    print()
    print(table(results))
    if any(r.notes for r in results):
        print()
        print(notes(results))
    if args.dry_run:
        print("\n" + "\n".join(runner.commands))
    if args.markdown:
        with open(args.markdown, "a", encoding="utf-8") as fh:
            fh.write(report(results, runner, plan, args))
        print(f"\nappended to {args.markdown}")
    failed = any(r.timing and r.timing.exit_status != 0 for r in results)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
