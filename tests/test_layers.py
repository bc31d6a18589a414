"""The layers on the architecture page, held by reading the package's source with ``ast`` (no
module is imported, no Qt is loaded):

- the layers below ``ui/`` import no Qt and nothing of ``ui/``;
- ``domain/`` imports nothing of the package above it, ``sandbox/`` only ``domain/``;
- ``ui/`` takes from ``store/`` and ``connectors/`` only types, enums, exceptions and constants
  (it asks services for behaviour);
- no two modules import each other, directly or round a longer loop, at import time.

Imports under ``if TYPE_CHECKING:`` are annotations only and never count. Each check is also
run on a small package written for the test, so a check that has stopped seeing anything
fails there.
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = "fulfillment_station"
PACKAGE_DIR = Path(__file__).resolve().parents[1] / PACKAGE

#: Layers that run without Qt (the command line, the workers, the sandbox servers). The first
#: seven are the architecture page's layers; cli, hardware and station say "no Qt" in their
#: own docstrings.
QT_FREE_LAYERS = (
    "domain",
    "connectors",
    "store",
    "printing",
    "scanning",
    "services",
    "sandbox",
    "cli",
    "hardware",
    "station",
)
QT_MODULES = frozenset({"PySide6", "shiboken6", "PyQt5", "PyQt6", "qtpy"})

#: What a layer may import from the package besides itself (the package root only holds the
#: app's name and version).
ONLY_FROM = {
    "domain": frozenset({"domain"}),
    "sandbox": frozenset({"sandbox", "domain"}),
}

#: Layers the UI may take only plain values from.
VALUES_ONLY_FROM = ("store", "connectors")

ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"})
RECORD_BASES = frozenset({"NamedTuple", "TypedDict"})


# --- reading the package ------------------------------------------------------------------


@dataclass(frozen=True)
class Import:
    """One import statement's view from the module that makes it."""

    importer: str  # dotted, without the package prefix: "ui.orders.order_table"
    module: str  # the module named in the statement, absolute: "fulfillment_station.store.db"
    names: tuple[str, ...]  # for ``from m import a, b``; () for ``import m``
    at_import_time: bool  # at module level, so run when the module is imported
    line: int

    def where(self) -> str:
        return f"{self.importer}:{self.line}"


class Package:
    """The package's modules as syntax trees, by dotted name without the package prefix."""

    def __init__(self, root: Path, name: str = PACKAGE) -> None:
        self.name = name
        self.trees: dict[str, ast.Module] = {}
        self.packages: set[str] = set()
        for path in sorted(root.rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
                self.packages.add(".".join(parts))
            self.trees[".".join(parts)] = ast.parse(path.read_text(encoding="utf-8"), str(path))

    def local(self, absolute: str) -> str | None:
        """``fulfillment_station.store.db`` -> ``store.db``; None outside the package."""
        if absolute == self.name:
            return ""
        if absolute.startswith(self.name + "."):
            return absolute[len(self.name) + 1 :]
        return None

    def imports(self, module: str) -> Iterator[Import]:
        """Every import of ``module`` outside ``if TYPE_CHECKING:``, with relative ones made
        absolute."""
        yield from self._walk(module, self.trees[module].body, at_import_time=True)

    def _walk(self, module: str, body: list[ast.stmt], at_import_time: bool) -> Iterator[Import]:
        for node in body:
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield Import(module, alias.name, (), at_import_time, node.lineno)
            elif isinstance(node, ast.ImportFrom):
                names = tuple(alias.name for alias in node.names)
                target = self._absolute(module, node.module, node.level)
                yield Import(module, target, names, at_import_time, node.lineno)
            elif isinstance(node, ast.If) and _is_type_checking(node.test):
                yield from self._walk(module, node.orelse, at_import_time)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                yield from self._walk(module, node.body, at_import_time=False)
            else:
                # Class bodies, try/with/if blocks run at import time like the module itself.
                for child in ast.iter_child_nodes(node):
                    if isinstance(child, ast.stmt):
                        yield from self._walk(module, [child], at_import_time)
                    elif isinstance(child, ast.excepthandler):
                        yield from self._walk(module, child.body, at_import_time)

    def _absolute(self, module: str, name: str | None, level: int) -> str:
        if level == 0:
            return name or ""
        parts = [self.name, *module.split(".")] if module else [self.name]
        if module not in self.packages:
            parts.pop()  # a plain module's relative import starts from its package
        parts = parts[: len(parts) - (level - 1)]
        return ".".join([*parts, name] if name else parts)

    def modules_imported(self, statement: Import) -> set[str]:
        """The package's modules a statement loads: the one it names, each ``from m import
        sub`` submodule, and the packages above them (never the importer's own packages,
        which Python has loaded before the importer)."""
        named = self.local(statement.module)
        if named is None:
            return set()
        targets = {named} | {
            f"{named}.{name}" if named else name
            for name in statement.names
            if (f"{named}.{name}" if named else name) in self.trees
        }
        loaded: set[str] = set()
        for target in targets:
            parts = target.split(".") if target else []
            for end in range(1, len(parts) + 1):
                candidate = ".".join(parts[:end])
                if candidate in self.trees and not _within(statement.importer, candidate):
                    loaded.add(candidate)
        return loaded


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _within(module: str, package: str) -> bool:
    return package == "" or module == package or module.startswith(package + ".")


def _layer(module: str) -> str:
    return module.split(".", 1)[0]


# --- the checks ---------------------------------------------------------------------------


def qt_below_ui(package: Package) -> list[str]:
    return [
        f"{statement.where()} imports {statement.module}"
        for module in package.trees
        if _layer(module) in QT_FREE_LAYERS
        for statement in package.imports(module)
        if statement.module.split(".")[0] in QT_MODULES
    ]


def ui_below_ui(package: Package) -> list[str]:
    found = []
    for module in package.trees:
        if _layer(module) not in QT_FREE_LAYERS:
            continue
        for statement in package.imports(module):
            loaded = sorted(t for t in package.modules_imported(statement) if _layer(t) == "ui")
            if loaded:
                found.append(f"{statement.where()} imports {', '.join(loaded)}")
    return found


def imports_from_above(package: Package) -> list[str]:
    found = []
    for module in package.trees:
        allowed = ONLY_FROM.get(_layer(module))
        if allowed is None:
            continue
        for statement in package.imports(module):
            loaded = sorted(
                target
                for target in package.modules_imported(statement)
                if target and _layer(target) not in allowed
            )
            if loaded:
                found.append(f"{statement.where()} imports {', '.join(loaded)}")
    return found


def behaviour_into_ui(package: Package) -> list[str]:
    """ui imports of store/connectors names that are not plain values."""
    unexpected: list[str] = []
    for module in package.trees:
        if _layer(module) != "ui":
            continue
        for statement in package.imports(module):
            source = package.local(statement.module)
            if source is None or _layer(source) not in VALUES_ONLY_FROM:
                continue
            for name in statement.names or ("<the module itself>",):
                if not statement.names or not _is_plain_value(package, source, name):
                    unexpected.append(f"{statement.where()} imports {name} from {source}")
    return unexpected


def _is_plain_value(package: Package, module: str, name: str, depth: int = 0) -> bool:
    """Whether ``name`` in ``module`` is a constant (UPPER_CASE), an enum, an exception, a
    dataclass or a NamedTuple/TypedDict: a value the UI may show or compare, not behaviour."""
    if depth > 10 or module not in package.trees or f"{module}.{name}" in package.trees:
        return False  # unknown, or a whole module: behaviour
    for node in package.trees[module].body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            return _is_value_class(package, module, node, depth)
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
            return False
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                return name.isupper()
    origin = _imported_from(package, module, name)
    return origin is not None and _is_plain_value(package, *origin, depth + 1)


def _is_value_class(package: Package, module: str, node: ast.ClassDef, depth: int) -> bool:
    for decorator in node.decorator_list:
        target = decorator.func if isinstance(decorator, ast.Call) else decorator
        if _simple_name(target) == "dataclass":
            return True
    for base in node.bases:
        base_name = _simple_name(base.value if isinstance(base, ast.Subscript) else base)
        if base_name in ENUM_BASES or base_name in RECORD_BASES:
            return True
        builtin = getattr(builtins, base_name, None)
        if isinstance(builtin, type) and issubclass(builtin, BaseException):
            return True
        if base_name and _is_exception_in(package, module, base_name, depth + 1):
            return True
    return False


def _is_exception_in(package: Package, module: str, name: str, depth: int) -> bool:
    """An exception class of the package, defined in ``module`` or imported into it."""
    if depth > 10 or module not in package.trees:
        return False
    for node in package.trees[module].body:
        if isinstance(node, ast.ClassDef) and node.name == name:
            for base in node.bases:
                base_name = _simple_name(base)
                builtin = getattr(builtins, base_name, None)
                if isinstance(builtin, type) and issubclass(builtin, BaseException):
                    return True
                if base_name and _is_exception_in(package, module, base_name, depth + 1):
                    return True
            return False
    origin = _imported_from(package, module, name)
    return origin is not None and _is_exception_in(package, origin[0], origin[1], depth + 1)


def _imported_from(package: Package, module: str, name: str) -> tuple[str, str] | None:
    """Where a name ``module`` imports from elsewhere in the package comes from."""
    for statement in package.imports(module):
        source = package.local(statement.module)
        if source is not None and statement.at_import_time and name in statement.names:
            return source, name
    return None


def _simple_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def import_cycles(package: Package) -> list[list[str]]:
    """Loops of import-time imports between the package's modules, each once."""
    graph = {
        module: sorted(
            {
                target
                for statement in package.imports(module)
                if statement.at_import_time
                for target in package.modules_imported(statement)
            }
        )
        for module in package.trees
    }
    cycles: list[list[str]] = []
    done: set[str] = set()
    path: list[str] = []
    on_path: set[str] = set()

    def visit(module: str) -> None:
        path.append(module)
        on_path.add(module)
        for target in graph[module]:
            if target in on_path:
                cycles.append([*path[path.index(target) :], target])
            elif target not in done:
                visit(target)
        path.pop()
        on_path.discard(module)
        done.add(module)

    for module in sorted(graph):
        if module not in done:
            visit(module)
    return cycles


# --- the package as it is -----------------------------------------------------------------


@pytest.fixture(scope="module")
def package() -> Package:
    return Package(PACKAGE_DIR)


def test_the_layers_below_ui_import_no_qt(package: Package) -> None:
    assert qt_below_ui(package) == []


def test_the_layers_below_ui_never_import_ui(package: Package) -> None:
    assert ui_below_ui(package) == []


def test_domain_and_the_sandbox_import_only_what_lies_under_them(package: Package) -> None:
    assert imports_from_above(package) == []


def test_ui_takes_only_values_from_store_and_connectors(package: Package) -> None:
    assert behaviour_into_ui(package) == [], "ask a service for this behaviour instead"


def test_no_module_imports_itself_round_a_loop(package: Package) -> None:
    assert import_cycles(package) == []


def test_the_checks_read_the_whole_package(package: Package) -> None:
    """A wrong path or a parse that stopped early would make every check above pass."""
    for layer in ("domain", "store", "services", "ui"):
        assert any(_layer(module) == layer for module in package.trees)
    assert "ui.orders.order_table" in package.trees
    assert any(s.module == "PySide6.QtCore" for s in package.imports("ui.orders.order_table"))


# --- each check on a package written to break it --------------------------------------------


def write_package(root: Path, files: dict[str, str]) -> Package:
    for relative, source in {"__init__.py": "", **files}.items():
        path = root / PACKAGE / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        for parent in path.relative_to(root / PACKAGE).parents:
            (root / PACKAGE / parent / "__init__.py").touch()
        path.write_text(source, encoding="utf-8")
    return Package(root / PACKAGE)


def test_qt_in_a_lower_layer_is_found_even_inside_a_function(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "store/cache.py": "def show():\n    from PySide6.QtWidgets import QLabel\n",
            "domain/models.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n    from PySide6.QtCore import QObject\n"
            ),
            "ui/window.py": "import PySide6.QtWidgets\n",
        },
    )
    assert qt_below_ui(package) == ["store.cache:2 imports PySide6.QtWidgets"]


def test_ui_in_a_lower_layer_is_found_also_when_relative(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "services/sync.py": "from ..ui import window\n",
            "printing/slip.py": "from fulfillment_station.ui.window import Window\n",
            "ui/window.py": "class Window: ...\n",
        },
    )
    assert sorted(ui_below_ui(package)) == [
        "printing.slip:1 imports ui, ui.window",
        "services.sync:1 imports ui, ui.window",
    ]


def test_domain_importing_from_above_is_found(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "domain/models.py": "from fulfillment_station.store.db import StoreError\n",
            "sandbox/server.py": "from fulfillment_station.domain.models import Order\n",
            "store/db.py": "class StoreError(Exception): ...\n",
        },
    )
    assert imports_from_above(package) == ["domain.models:1 imports store, store.db"]


def test_behaviour_imported_into_ui_is_found_and_values_pass(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "store/db.py": "class StoreError(Exception): ...\n",
            "store/outbox.py": (
                "from dataclasses import dataclass\n"
                "from enum import StrEnum\n"
                "from typing import Generic, TypeVar\n"
                "from fulfillment_station.store.db import StoreError\n"
                "A = TypeVar('A')\n"
                "LIMIT = 3\n"
                "class ActionState(StrEnum):\n    PENDING = 'pending'\n"
                "@dataclass(frozen=True)\nclass ActionRecord(Generic[A]):\n    id: int\n"
                "class OutboxFull(StoreError): ...\n"
                "class Outbox:\n    def add(self): ...\n"
                "def open_outbox(): ...\n"
            ),
            "ui/panel.py": (
                "from fulfillment_station.store.outbox import (\n"
                "    LIMIT, ActionRecord, ActionState, Outbox, OutboxFull, StoreError,\n"
                "    open_outbox,\n)\n"
                "from fulfillment_station.store import outbox\n"
            ),
        },
    )
    unexpected = behaviour_into_ui(package)
    assert unexpected == [
        "ui.panel:1 imports Outbox from store.outbox",
        "ui.panel:1 imports open_outbox from store.outbox",
        "ui.panel:5 imports outbox from store",
    ]


def test_an_import_loop_is_found_but_not_one_through_a_function(tmp_path: Path) -> None:
    package = write_package(
        tmp_path,
        {
            "services/a.py": "from fulfillment_station.services import b\n",
            "services/b.py": "import fulfillment_station.store.c\n",
            "store/c.py": "from fulfillment_station.services.a import run\n",
            "store/d.py": "from fulfillment_station.store.e import x\n",
            "store/e.py": "def x():\n    from fulfillment_station.store.d import y\n",
        },
    )
    assert import_cycles(package) == [
        ["services.a", "services.b", "store.c", "services.a"],
    ]
