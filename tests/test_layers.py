"""The packages depend on each other in one direction: api -> services -> models, schemas beside
them; schemas never import services or the web layer, and the quote engine imports none of them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"
FORBIDDEN = {
    "schemas": ("app.services", "app.api", "app.cli", "app.db"),
    "extract": ("app.services", "app.api", "app.cli", "app.db", "app.models", "app.schemas"),
    "services": ("app.api", "app.cli"),
    "models": ("app.services", "app.api", "app.cli", "app.schemas"),
}


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_a_package_imports_only_the_layers_below_it(package: str) -> None:
    wrong = {
        f"{path.relative_to(APP.parent)}: {module}"
        for path in sorted((APP / package).glob("*.py"))
        for module in _imports(path)
        if module.startswith(FORBIDDEN[package])
    }
    assert not wrong, sorted(wrong)
