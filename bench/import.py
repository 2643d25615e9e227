"""Time `python build.py import` on a spreadsheet the size of the Kota Cirebon register.

Writes a synthetic sheet of 3,111 businesses x 10 products (31,110 rows, every column filled,
business columns repeated as the contract asks) as .xlsx and .csv, then runs the command in
a child process per scenario and reports wall time and the child's peak RSS (wait4's rusage):
the .xlsx into an empty content folder, the .csv into another, the .xlsx again (everything
skipped) and a dry run. The content folders get the demo's site.yaml and categories.yaml.

Usage:
    .venv/bin/python bench/import.py [--businesses 3111] [--products 10] [--work /dev/shm/import-bench]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from catalog.content.importing.choices import read  # noqa: E402
from catalog.content.importing.columns import COLUMNS  # noqa: E402
from catalog.core.errors import Problems  # noqa: E402

WORDS = [
    "Batik",
    "Kerupuk",
    "Sirup",
    "Topeng",
    "Terasi",
    "Kaos",
    "Rengginang",
    "Empal",
    "Tahu",
    "Lukisan",
    "Manik",
    "Jamblang",
]
PLACES = [
    "Sekar",
    "Jagad",
    "Kanoman",
    "Kasepuhan",
    "Panjunan",
    "Pegambiran",
    "Sunyaragi",
    "Drajat",
    "Pekiringan",
]


def rows(businesses: int, products: int) -> list[list[object]]:
    """Every column filled; WhatsApp numbers typed as numbers (Excel's lost 0) on a third of them."""
    rng = random.Random(1)
    allowed = read(ROOT / "content", Problems())[0]
    districts, categories = list(allowed.districts), sorted(allowed.category_slugs)
    table: list[list[object]] = [[column.name for column in COLUMNS]]
    for b in range(businesses):
        name = f"{rng.choice(WORDS)} {rng.choice(PLACES)} {b + 1}"
        mobile = 81200000000 + b
        business = [
            name, "", f"Pemilik {b + 1}", rng.choice(["ikm", "umkm"]), rng.choice(districts),
            f"Jl. Contoh No. {b + 1}, Kota Cirebon", mobile if b % 3 == 0 else f"0{mobile}",
            f"(0231) {200000 + b}", f"usaha{b + 1}@contoh.id", f"{9120300000000 + b}",
        ]  # fmt: skip
        for p in range(products):
            low = rng.randrange(5, 500) * 1000
            price: object = low if p % 3 else f"{low}-{low * 2}"
            table.append([
                *business, f"{rng.choice(WORDS)} Produk {p + 1}", "", rng.choice(categories), price, "pcs",
                f"ID3211{b:06d}{p:07d}", f"2063274{b:04d}{p:02d}-30", f"MD{224510000000 + b * 10 + p}",
                f"Produk nomor {p + 1} dari {name}.\n\nDibuat dengan tangan di Kota Cirebon.",
            ])  # fmt: skip
    return table


def write_xlsx(file: Path, table: list[list[object]]) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("impor")
    for row in table:
        sheet.append(row)
    book.save(file)


def write_csv(file: Path, table: list[list[object]]) -> None:
    with file.open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out, delimiter=";").writerows(table)


def fresh_content(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in ("site.yaml", "categories.yaml"):
        shutil.copy(ROOT / "content" / name, folder / name)
    for name in ("assets", "pages"):
        shutil.copytree(ROOT / "content" / name, folder / name)
    return folder


def measure(*args: str) -> tuple[float, float, int]:
    """Wall seconds, peak RSS in MB and exit status of `build.py ARGS` in a child process."""
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "build.py"), *args], stdout=subprocess.DEVNULL, cwd=ROOT
    )
    _, status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--businesses", type=int, default=3111)
    parser.add_argument("--products", type=int, default=10)
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/import-bench"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    table = rows(args.businesses, args.products)
    xlsx, sheet_csv = args.work / "impor.xlsx", args.work / "impor.csv"
    write_xlsx(xlsx, table)
    write_csv(sheet_csv, table)
    one, two = fresh_content(args.work / "content-xlsx"), fresh_content(args.work / "content-csv")
    scenarios = [
        ("dry run, .xlsx", [str(xlsx), "--content", str(one), "--dry-run"]),
        (".xlsx into an empty folder", [str(xlsx), "--content", str(one)]),
        (".xlsx again (all skipped)", [str(xlsx), "--content", str(one)]),
        (".csv into an empty folder", [str(sheet_csv), "--content", str(two)]),
    ]
    print(f"{len(table) - 1} rows, {xlsx.stat().st_size / 1e6:.1f} MB .xlsx, {os.cpu_count()} cores\n")
    print("| scenario | wall s | peak RSS MB | exit |\n|---|---|---|---|")
    for name, command in scenarios:
        seconds, rss, status = measure("import", *command)
        print(f"| {name} | {seconds:.1f} | {rss:.0f} | {status} |")
    entries = sum(1 for _ in (one / "ikm").rglob("*.md"))
    print(f"\n{entries} entry files written by the .xlsx import")


if __name__ == "__main__":
    main()
