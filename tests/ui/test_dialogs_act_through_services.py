"""The settings, connection and first-run screens (and the station desk, and the language
loader) act through typed services: their source imports nothing from ``store`` or
``connectors`` but the types, enums and constants they display, outside ``if TYPE_CHECKING:``.
A widget that saved a token or checked a URL itself would be logic no headless caller or
Qt-free test could reach."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import fulfillment_station

PACKAGE = Path(fulfillment_station.__file__).parent

#: The modules held to the rule (paths inside the package).
MODULES = (
    "ui/dialogs/connection_dialog.py",
    "ui/dialogs/settings_dialog.py",
    "ui/shell/first_run.py",
    "ui/desks/station_desk.py",
    "ui/common/i18n.py",
)

LOWER_LAYERS = ("fulfillment_station.store", "fulfillment_station.connectors")

#: What may still be imported from the layers below, and why.
ALLOWED: dict[str, frozenset[str]] = {
    # the connection test's answer, which the dialog renders
    "fulfillment_station.connectors.base": frozenset({"CheckReport"}),
    # the option table the settings dialog is generated from, and the document languages
    # the connection dialog offers
    "fulfillment_station.store.settings": frozenset(
        {"DOCUMENT_LANGUAGES", "OPTIONS", "SECTIONS", "Kind", "Option"}
    ),
}


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _runtime_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node of ``tree`` except the bodies of ``if TYPE_CHECKING:`` blocks."""
    found: list[ast.AST] = []
    pending: list[ast.AST] = [tree]
    while pending:
        node = pending.pop()
        found.append(node)
        if isinstance(node, ast.If) and _is_type_checking(node.test):
            pending.extend(node.orelse)
            continue
        pending.extend(ast.iter_child_nodes(node))
    return found


def _below(module: str) -> bool:
    return any(module == layer or module.startswith(layer + ".") for layer in LOWER_LAYERS)


def forbidden_imports(source: str) -> list[str]:
    """``module.name`` (or ``import module``) of each import from the layers below that is
    not allowed, with its line."""
    problems: list[tuple[int, str]] = []
    for node in _runtime_nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            problems += [
                (node.lineno, f"import {alias.name}") for alias in node.names if _below(alias.name)
            ]
        elif isinstance(node, ast.ImportFrom) and node.module and _below(node.module):
            allowed = ALLOWED.get(node.module, frozenset())
            problems += [
                (node.lineno, f"{node.module}.{alias.name}")
                for alias in node.names
                if alias.name not in allowed
            ]
    return [f"line {line}: {what}" for line, what in sorted(problems)]


@pytest.mark.parametrize("module", MODULES)
def test_the_screen_imports_no_behaviour_from_store_or_connectors(module: str) -> None:
    path = PACKAGE / module
    assert path.is_file(), f"{module} moved: update MODULES"
    assert forbidden_imports(path.read_text(encoding="utf-8")) == []


def test_the_check_sees_a_forbidden_import_wherever_it_is_but_under_type_checking() -> None:
    source = """
from typing import TYPE_CHECKING
from fulfillment_station.store.settings import OPTIONS, SettingsStore
import fulfillment_station.connectors.http
if TYPE_CHECKING:
    from fulfillment_station.store.secrets import TokenStore
else:
    from fulfillment_station.store.secrets import NoKeyringError

def save():
    from fulfillment_station.connectors.http import check_base_url
"""
    assert forbidden_imports(source) == [
        "line 3: fulfillment_station.store.settings.SettingsStore",
        "line 4: import fulfillment_station.connectors.http",
        "line 8: fulfillment_station.store.secrets.NoKeyringError",
        "line 11: fulfillment_station.connectors.http.check_base_url",
    ]
