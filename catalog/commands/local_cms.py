"""`cms`: the local CMS backend for /admin/ on one computer."""

from __future__ import annotations

from rich.console import Console

from catalog.cms import local as localcms


def run_local_cms(port: int, out: Console, err: Console) -> int:
    """decap-server on a private clone until Ctrl+C (docs/cms.md)."""
    try:
        return localcms.run(port, lambda line: out.print(line, markup=False))
    except localcms.LocalCmsError as exc:
        err.print(str(exc), markup=False)
        return 1
