"""Golden output (Pelican's tests/output/): the demo's pages of every kind, sitemap, robots.txt,
`_redirects` and feeds, byte for byte as tests/golden/ holds them. The test never writes;
after a change to the output that is meant, `python tools/update_golden.py` (`make golden`)
regenerates the set, and the diff is reviewed like code."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from update_golden import FILES, GOLDEN, OPTIONAL, build_demo, golden_files

COMMAND = "python tools/update_golden.py"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return golden_files(build_demo(tmp_path_factory.mktemp("golden")))


def _expected() -> dict[str, str]:
    return {
        file.relative_to(GOLDEN).as_posix(): file.read_bytes().decode("utf-8")
        for file in sorted(GOLDEN.rglob("*"))
        if file.is_file()
    }


def _diff(name: str, expected: str, actual: str) -> str:
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        f"tests/golden/{name}",
        f"built/{name}",
    )
    return "".join(list(lines)[:80])


def test_golden_set_is_the_listed_files():
    """A file added to or dropped from `FILES` needs the command run."""
    assert sorted(_expected()) == sorted(FILES), f"run `{COMMAND}`"


def test_demo_output_matches_golden(built: dict[str, str]):
    expected = _expected()
    if not any(name.startswith(OPTIONAL) for name in built):
        expected = {name: text for name, text in expected.items() if not name.startswith(OPTIONAL)}
    for name, text in expected.items():
        actual = built.get(name)
        assert actual is not None, f"the build has no {name}"
        if actual != text:
            pytest.fail(
                f"{name} differs from tests/golden/ (first differing file shown); if the change is "
                f"meant, run `{COMMAND}` and review the diff:\n{_diff(name, text, actual)}",
                pytrace=False,
            )


def test_golden_holds_no_machine_paths():
    """Nothing of the machine that generated it: no absolute paths of the build."""
    for name, text in _expected().items():
        assert str(Path(__file__).resolve().parent.parent) not in text, name
        assert "/tmp/" not in text, name
