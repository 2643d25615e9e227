"""One incremental system: whatever sequence of saves an editor makes (entries edited, added,
deleted, renamed; photos; categories.yaml; a theme template), the live preview's output
folder is, after each save, byte for byte what a full build into a clean folder writes.

The preview applies a save in place when the pages' records allow (`site.records`), else
builds; both paths are exercised, and what decides between them is what is tested.
"""

from __future__ import annotations

import gc
import io
import shutil
import tempfile
from pathlib import Path

from conftest import base_files, jpeg, options, write_files
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from rich.console import Console

from catalog import pipeline
from catalog.commands.serve import PreviewBuilds

BASE_URL = "http://127.0.0.1:8000/"  # as `serve` builds
THEME = "name: uji\nextends: mal\n"
NOT_FOUND = '{% extends "base.html" %}{% block content %}<p>Versi {n}</p>{% endblock %}\n'
CATEGORIES = """\
- slug: makanan
  name: {top}
  children:
    - slug: kerupuk
      name: Kerupuk
    - slug: sirup
      name: Sirup
- slug: kerajinan
  name: Kerajinan
  children:
    - slug: topeng
      name: Topeng
{extra}"""
LEAVES = ["kerupuk", "sirup", "topeng"]
DISTRICTS = ["Kejaksan", "Kesambi"]


def product(name: str, category: str, price: int, extra: str = "") -> str:
    return f"---\nname: {name}\ncategory: {category}\nprice: {price}\n{extra}---\nTentang {name}.\n"


def start_files() -> dict[str, str | bytes | None]:
    """The base site, small photos, a child theme, and enough products for listings of
    several pages (two per page) and suggestions."""
    files: dict[str, str | bytes | None] = {**base_files()}
    files["site.yaml"] = str(files["site.yaml"]) + "theme: uji\n"
    files["categories.yaml"] = CATEGORIES.format(top="Makanan", extra="")
    files["ikm/kerupuk-uji/products/melarat.jpg"] = jpeg(160, 120, "yellow")
    files["ikm/kerupuk-uji/dapur.jpg"] = jpeg(120, 80)
    for n in range(1, 5):
        extra = "featured: true\n" if n == 2 else f"added: 2026-0{n}-01\n"
        files[f"ikm/topeng-uji/products/barang-{n}.md"] = product(
            f"Barang {n}", LEAVES[n % 3], 1000 * n, extra
        )
    return files


def products(content: Path) -> list[Path]:
    return sorted(content.glob("ikm/*/products/*.md"))


def businesses(content: Path) -> list[Path]:
    return sorted(p for p in (content / "ikm").iterdir() if p.is_dir())


def set_field(file: Path, key: str, value: str) -> None:
    """Write `key: value` into the front matter of `file`, in place of the line it had."""
    lines = file.read_text().split("\n")
    index = next((i for i, line in enumerate(lines) if line.startswith(f"{key}: ")), None)
    if index is None:
        lines.insert(1, f"{key}: {value}")
    else:
        lines[index] = f"{key}: {value}"
    file.write_text("\n".join(lines))


def edit_product(content: Path, pick: int, value: int) -> list[Path]:
    found = products(content)
    if not found:
        return []
    file = found[pick % len(found)]
    changes = [
        ("price", str(1000 + value * 250)),
        ("name", f"Nama {value}"),
        ("category", LEAVES[value % 3]),
        ("featured", "true" if value % 2 else "false"),
        ("added", f"2026-0{value % 9 + 1}-15"),
        ("draft", "true" if value % 2 else "false"),
    ]
    set_field(file, *changes[value % len(changes)])
    if value % 5 == 4:
        file.write_text(file.read_text() + f"\nParagraf **baru** {value}.\n")
    return [file]


def add_product(content: Path, pick: int, value: int) -> list[Path]:
    folder = businesses(content)[pick % len(businesses(content))] / "products"
    folder.mkdir(exist_ok=True)
    file = folder / f"baru-{value}.md"
    file.write_text(
        product(f"Baru {value}", LEAVES[value % 3], 500 + value, f"added: 2026-05-{value % 28 + 1:02}\n")
    )
    return [file]


def delete_product(content: Path, pick: int, value: int) -> list[Path]:
    found = products(content)
    if not found:
        return []
    file = found[pick % len(found)]
    file.unlink()
    return [file]


def rename_product(content: Path, pick: int, value: int) -> list[Path]:
    found = products(content)
    if not found:
        return []
    file = found[pick % len(found)]
    target = file.with_name(f"nama-{value}.md")
    if target.exists():
        return []
    file.rename(target)
    return [file, target]


def edit_business(content: Path, pick: int, value: int) -> list[Path]:
    file = businesses(content)[pick % len(businesses(content))] / "index.md"
    changes = [("district", DISTRICTS[value % 2]), ("tagline", f"Baru {value}"), ("name", f"Usaha {value}")]
    set_field(file, *changes[value % 3])
    return [file]


def add_business(content: Path, pick: int, value: int) -> list[Path]:
    folder = content / "ikm" / f"usaha-{value}"
    if folder.exists():
        return []
    files = {
        f"ikm/usaha-{value}/index.md": f"---\nname: Usaha {value}\nemail: u{value}@uji.id\n"
        f"district: {DISTRICTS[pick % 2]}\n---\nCerita usaha.\n",
        f"ikm/usaha-{value}/products/jual-{value}.md": product(f"Jual {value}", LEAVES[pick % 3], 700),
    }
    write_files(content, files)
    return [content / name for name in files]


def delete_business(content: Path, pick: int, value: int) -> list[Path]:
    found = businesses(content)
    if len(found) < 2:
        return []
    folder = found[pick % len(found)]
    gone = sorted(p for p in folder.rglob("*") if p.is_file())
    shutil.rmtree(folder)
    return gone


def rename_business(content: Path, pick: int, value: int) -> list[Path]:
    folder = businesses(content)[pick % len(businesses(content))]
    target = folder.with_name(f"pindah-{value}")
    if target.exists():
        return []
    before = sorted(p for p in folder.rglob("*") if p.is_file())
    folder.rename(target)
    return before + [target / p.relative_to(folder) for p in before]


def photo(content: Path, pick: int, value: int) -> list[Path]:
    """A photo replaced by another, or a new one named by a product."""
    if value % 2:
        file = content / "ikm/kerupuk-uji/products/melarat.jpg"
        if not file.exists():
            return []
        file.write_bytes(jpeg(160, 120, ["red", "green", "blue"][value % 3]))
        return [file]
    found = products(content)
    if not found:
        return []
    entry = found[pick % len(found)]
    picture = entry.parent / f"foto-{value}.jpg"
    picture.write_bytes(jpeg(100, 100, "purple"))
    set_field(entry, "images", f"[foto-{value}.jpg]")
    return [picture, entry]


def categories(content: Path, pick: int, value: int) -> list[Path]:
    file = content / "categories.yaml"
    extra = f"- slug: lain-{value}\n  name: Lain {value}\n" if value % 2 else ""
    file.write_text(CATEGORIES.format(top=f"Makanan {value}", extra=extra))
    return [file]


def theme(content: Path, pick: int, value: int) -> list[Path]:
    folder = content.parent / "themes" / "uji"
    write_files(folder, {"theme.yaml": THEME, "templates/404.html": NOT_FOUND.replace("{n}", str(value))})
    return [folder / "templates/404.html"]


STEPS = [  # saves the preview applies in place weigh more: what decides that is what is tested
    edit_product,
    edit_product,
    edit_product,
    edit_business,
    edit_business,
    add_product,
    delete_product,
    rename_product,
    add_business,
    delete_business,
    rename_business,
    photo,
    categories,
    theme,
]


def files_of(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


steps = st.lists(
    st.tuples(st.sampled_from(STEPS), st.integers(0, 7), st.integers(0, 40)), min_size=1, max_size=4
)


# No shrinking: an example is a few saves already, and shrinking one takes minutes.
@settings(
    max_examples=5,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow],
)
@given(steps)
def test_the_preview_after_any_saves_equals_a_clean_build(saves):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        content = write_files(root / "content", start_files())
        theme(content, 0, 0)
        serve = options(content, feeds=False, search=False, base_url=BASE_URL)
        console = Console(file=io.StringIO())
        builds = PreviewBuilds(console, console)
        try:
            assert builds(serve, None) == []
            for number, (step, pick, value) in enumerate(saves):
                changed = step(content, pick, value)
                shown = builds(serve, changed)
                clean = options(
                    content, out=root / f"clean-{number}", feeds=False, search=False, base_url=BASE_URL
                )
                pipeline.build(clean)
                assert shown == [], (step.__name__, shown)
                preview, whole = files_of(serve.out), files_of(clean.out)
                assert preview.keys() == whole.keys(), step.__name__
                assert [path for path in whole if preview[path] != whole[path]] == [], step.__name__
                shutil.rmtree(clean.out)
        finally:
            gc.unfreeze()  # what the preview froze (preview.settle) is this test process's too
