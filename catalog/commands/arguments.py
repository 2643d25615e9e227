"""The command line: every command and its options, and the build options they make."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from catalog import pipeline
from catalog.content.schema import is_base_url
from catalog.core.errors import UsageError
from catalog.outputs import laporan

DRAFTS_LISTED = 5  # more drafts than this are counted, and listed only with --drafts-list
COMMANDS = ("build", "serve", "check", "new", "pdf", "freeze", "schema", "laporan", "import", "foto", "cms")


def with_default_command(argv: list[str]) -> list[str]:
    """`build` when no command is named (`galeri --out site` builds)."""
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        return ["build", *argv]
    return argv


def program() -> str:
    """The name the command was run by, for usage lines: `galeri` or `python build.py`."""
    return "galeri" if Path(sys.argv[0]).stem == "galeri" else "python build.py"


def port_number(text: str) -> int:
    """A TCP port, 1 to 65535 (anything else is a usage error, exit 2)."""
    if not text.isdigit() or not 0 < int(text) < 65536:
        raise argparse.ArgumentTypeError(f"{text}: port harus angka 1 sampai 65535")
    return int(text)


def build_options(args: argparse.Namespace) -> pipeline.BuildOptions:
    """The build's options from the command line, refused as a usage error when wrong."""
    if not args.content.is_dir():
        raise UsageError(f"--content {args.content}: folder tidak ada")
    if args.base_url and not is_base_url(args.base_url):
        raise UsageError(
            f"--base-url {args.base_url}: harus alamat lengkap http:// atau https:// dengan nama host,"
            " tanpa spasi, tanda kutip, < >, ? atau #"
        )
    return pipeline.BuildOptions(
        content=args.content, out=args.out, base_url=args.base_url, drafts=args.drafts, pdf=not args.no_pdf
    )


def _content(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--content", type=Path, default=Path("content"), help="content folder (default: content)"
    )


def parser() -> argparse.ArgumentParser:
    """Every command and its options (`galeri COMMAND --help`)."""
    common = argparse.ArgumentParser(add_help=False)
    _content(common)
    common.add_argument("--out", type=Path, default=Path("public"), help="output folder (default: public)")
    common.add_argument("--base-url", help="absolute http(s) URL that overrides base_url of site.yaml")
    common.add_argument("--drafts", action="store_true", help="include entries marked draft: true")
    common.add_argument("--no-pdf", action="store_true", help="skip the printable PDF catalogs")
    common.add_argument(
        "--drafts-list", action="store_true", help=f"name every draft left out (else up to {DRAFTS_LISTED})"
    )

    main = argparse.ArgumentParser(
        prog=program(),
        description="Galeri IKM: build the catalog website from content/ (build is the default command).",
        epilog="Options of build, pdf, freeze, serve and check: --content DIR, --out DIR, --base-url URL, "
        f"--drafts, --no-pdf. See `{program()} COMMAND --help`.",
    )
    commands = main.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("build", parents=[common], help="validate content/, then build the site into public/")
    serve = commands.add_parser(
        "serve", parents=[common], help="build (without PDFs), serve and rebuild on every change"
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    serve.add_argument("--port", type=port_number, default=8000, help="port (default: 8000)")
    commands.add_parser("check", parents=[common], help="validate only; report every problem")
    commands.add_parser(
        "pdf", parents=[common], help="build only the PDFs and /katalog/, keeping the rest of the output"
    )
    commands.add_parser(
        "freeze",
        parents=[common],
        help="record the addresses printed in this edition (QR codes) in content/printed-urls.txt",
    )
    schema = commands.add_parser(
        "schema",
        help="write the JSON Schema of every kind of content file to docs/schema/ beside the content",
    )
    _content(schema)
    report = commands.add_parser(
        "laporan", help="legal-status report for the office (NIB, halal, P-IRT, photo, price, drafts) as CSV"
    )
    _content(report)
    report.add_argument(
        "--file", type=Path, default=Path(laporan.FILE), help=f"CSV to write (default: {laporan.FILE})"
    )
    sheet = commands.add_parser(
        "import", help="create draft entries from a spreadsheet (.xlsx or .csv); existing files are kept"
    )
    sheet.add_argument("file", type=Path, nargs="?", help="the spreadsheet (.xlsx or .csv)")
    _content(sheet)
    sheet.add_argument("--dry-run", action="store_true", help="list what would be created; write nothing")
    sheet.add_argument("--template", type=Path, metavar="FILE", help="write the import template (.xlsx)")
    photos = commands.add_parser(
        "foto", help="shrink photos above 2,500 px (or far too heavy, or with GPS) in place, metadata dropped"
    )
    photos.add_argument(
        "paths", type=Path, nargs="*", metavar="PATH", help="files or folders (default: content)"
    )
    _content(photos)
    photos.add_argument("--dry-run", action="store_true", help="list what would change; write nothing")
    photos.add_argument(
        "--staged", action="store_true", help="the photos staged for commit, staged again (pre-commit hook)"
    )
    local_cms = commands.add_parser(
        "cms", help="the local CMS backend for /admin/ (decap-server on a private clone of the repository)"
    )
    local_cms.add_argument(
        "--port", type=port_number, default=8081, help="port (default: 8081, the one /admin/ calls)"
    )
    new = commands.add_parser("new", help="scaffold an entry with every field commented")
    new.add_argument("kind", choices=["ikm", "product"], help="ikm <slug> or product <ikm-slug>/<slug>")
    new.add_argument("slug", help="the new entry's slug")
    _content(new)
    return main
