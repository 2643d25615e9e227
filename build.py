"""Galeri IKM: `python build.py --help`."""

import sys

from catalog.cli import main

if __name__ == "__main__":
    sys.exit(main())
