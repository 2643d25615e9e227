"""Property-based tests of the loader and validator (issue 6, in part): whatever an editor
writes (any YAML value in any field, broken front matter, odd file names, any Markdown), a
build ends in a site or in content errors naming file and line: never a traceback, never a
hang, and the previous site is left exactly as it was (`conftest.problems` checks that)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml
from conftest import base_files, problems, write_files
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

PRODUCT_FILE = "ikm/kerupuk-uji/products/kerupuk-melarat.md"
BUSINESS_FILE = "ikm/kerupuk-uji/index.md"
# a problem line names the file and the line ("ikm/…/kerupuk-melarat.md:3: …"); a line that
# starts with a space continues the one before
PROBLEM = re.compile(r"^\S.*:\d+: |^\s")
FIELDS = [
    "name",
    "category",
    "price",
    "unit",
    "images",
    "variants",
    "stock",
    "tags",
    "added",
    "sku",
    "weight_g",
]

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(10**15), max_value=10**15)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
    | st.dates()
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
EXAMPLES = settings(
    max_examples=int(os.environ.get("GALERI_PROPERTY_EXAMPLES", "25")),
    deadline=20_000,  # ms per example: a build of the small site takes well under a second
    suppress_health_check=[HealthCheck.too_slow],
)


@contextmanager
def fresh_site(changes: dict[str, str | bytes | None]):
    """The conftest base site with `changes`, in its own folder and build cache."""
    root = Path(tempfile.mkdtemp(prefix="galeri-prop-"))
    before = os.environ.get("GALERI_CACHE_DIR")
    os.environ["GALERI_CACHE_DIR"] = str(SHARED_CACHE)
    try:
        files: dict[str, str | bytes | None] = base_files()
        files.update(changes)
        yield write_files(root / "content", files)
    finally:
        if before is None:
            os.environ.pop("GALERI_CACHE_DIR", None)
        else:
            os.environ["GALERI_CACHE_DIR"] = before
        shutil.rmtree(root, ignore_errors=True)


SHARED_CACHE = Path(tempfile.mkdtemp(prefix="galeri-prop-cache-"))  # photos encoded once


class Hung(BaseException):
    """Not an Exception: the build's own `except OSError` or `except Exception` (a photo that
    does not decode, say) must not turn a hang into an ordinary content problem."""


@contextmanager
def time_limit(seconds: int):
    """A hung build fails its example instead of holding up the run (hypothesis's deadline
    only judges an example that ends)."""

    def hung(signum, frame):
        raise Hung(f"a build that did not end in {seconds} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check(changes: dict[str, str | bytes | None]) -> None:
    with fresh_site(changes) as content, time_limit(60):
        lines = problems(content)  # status 0 or 1, no traceback, previous site kept
    for line in lines:
        assert PROBLEM.match(line), f"a problem that names no file: {line!r}"


def front_matter(fields: dict) -> str:
    return "---\n" + yaml.safe_dump(fields, allow_unicode=True, sort_keys=False) + "---\nBadan teks.\n"


@EXAMPLES
@given(field=st.sampled_from(FIELDS), value=values)
def test_any_value_in_a_product_field(field, value):
    fields = {"name": "Kerupuk Melarat", "category": "kerupuk", "price": 15000, field: value}
    check({PRODUCT_FILE: front_matter(fields)})


@EXAMPLES
@given(fields=st.dictionaries(st.text(max_size=15), values, max_size=6))
def test_any_business_front_matter(fields):
    check({BUSINESS_FILE: front_matter(fields)})


@EXAMPLES
@given(text=st.text(max_size=300))
def test_any_text_as_a_product_file(text):
    check({PRODUCT_FILE: text})


@EXAMPLES
@given(text=st.text(max_size=300))
def test_any_text_as_site_or_categories(text):
    check({"site.yaml": text})
    check({"categories.yaml": text})


@EXAMPLES
@given(body=st.text(max_size=500))
def test_any_markdown_body(body):
    check({PRODUCT_FILE: front_matter({"name": "Kerupuk Melarat", "category": "kerupuk"}) + body})


file_names = st.text(
    alphabet=st.characters(blacklist_characters="/\x00", blacklist_categories=["Cs"]), min_size=1, max_size=80
).filter(lambda name: name not in {".", ".."} and len(name.encode()) <= 200)


@EXAMPLES
@given(name=file_names, extension=st.sampled_from([".md", ".yaml", ".yml", ".jpg", ".txt", ""]))
def test_any_file_name(name, extension):
    product = front_matter({"name": "Produk Nama Aneh", "category": "kerupuk"})
    check({f"ikm/kerupuk-uji/products/{name}{extension}": product})


def test_a_hung_build_fails_instead_of_waiting():
    with pytest.raises(Hung), time_limit(1), contextlib.suppress(Exception):  # as the build does
        time.sleep(5)
