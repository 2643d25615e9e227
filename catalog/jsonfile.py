"""Small JSON files in the cache: read leniently, write atomically.

A cache file that is missing, half-written by a killed build or not what we expect
only means "start from nothing"; writing goes through a temporary name so readers
never see half a file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any


def read_mapping(file: Path) -> dict[str, Any]:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_atomic(file: Path, text: str) -> None:
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f".{file.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(file)
