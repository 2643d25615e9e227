"""What the content folder allows a spreadsheet to name: its districts and categories.

Read leniently from site.yaml and categories.yaml (their full rules are `check`'s job), so
an import needs only those two files to be readable, not the whole catalog to be valid.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from catalog.content import yamlsafe
from catalog.content.importing.cells import Choices
from catalog.core.errors import Problems
from catalog.core.messages import message


def read(content: Path, problems: Problems) -> tuple[Choices, list[tuple[str, str]], str]:
    """The choices, the categories as (slug, name) in tree order (leaves first under each
    parent, as the scaffold lists them), and the site's language."""
    site = _yaml(content, "site.yaml", problems)
    tree = _yaml(content, "categories.yaml", problems)
    site = site if isinstance(site, dict) else {}
    districts = site.get("districts")
    districts = tuple(d for d in districts if isinstance(d, str)) if isinstance(districts, list) else ()
    categories = _walk(tree)
    names: dict[str, list[str]] = {}
    for slug, name in categories:
        names.setdefault(name.casefold(), []).append(slug)
    choices = Choices(
        districts=districts,
        category_slugs=frozenset(slug for slug, _ in categories),
        category_names={name: tuple(slugs) for name, slugs in names.items()},
    )
    return choices, categories, "en" if site.get("language") == "en" else "id"


def _yaml(content: Path, name: str, problems: Problems) -> Any:
    try:
        data, _ = yamlsafe.parse((content / name).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        problems.add(name, 1, "", message("missing_file"))
    except (OSError, UnicodeDecodeError):
        problems.add(name, 1, "", message("not_utf8"))
    except yamlsafe.YamlProblem as exc:
        problems.add(name, exc.line, exc.key, message(exc.message_key, **exc.detail))
    else:
        return data
    return None


def _walk(items: object) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("slug"), str):
            found += _walk(item.get("children"))
            name = item.get("name")
            found.append((item["slug"], name if isinstance(name, str) else item["slug"]))
    return found
