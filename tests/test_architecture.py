"""The shape of the package: no import circles, and a ground floor that stands on nothing above it.

Every import of graphkit by graphkit counts: at the top of a module, inside a
function (a lazy import still ties two modules together), relative or
absolute. ``from graphkit.graph import store`` is an import of the module
``graphkit.graph.store``; ``from graphkit.graph.store import open_graph`` too.
Importing a submodule also runs its package's ``__init__``, but that is not
counted as an import of the package: packages that re-export their API
(``graphkit.build``, ``graphkit.query``) would otherwise make a circle with
every module below them.

See docs/architecture.md for the packages and the direction of their imports.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "graphkit"
GROUND_FLOOR = {"errors", "ids", "model", "resources"}     # graphkit's modules that every other one may use


# -- reading the imports ------------------------------------------------------------
def modules(package: Path, name: str = "graphkit") -> dict[str, Path]:
    """Every module of the package by dotted name (a package by the name of its folder)."""
    found = {}
    for path in sorted(package.rglob("*.py")):
        parts = [name, *path.relative_to(package).with_suffix("").parts]
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(package: Path, name: str = "graphkit") -> dict[str, set[str]]:
    """For each module, the modules of the package it imports, anywhere in its code."""
    known = modules(package, name)
    graph = {}
    for module, path in known.items():
        here = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                for alias in node.names:
                    submodule = f"{source}.{alias.name}"
                    targets.add(submodule if submodule in known else source)
        graph[module] = {_nearest(t, known) for t in targets if t == name or t.startswith(name + ".")} - {module}
    return graph


def _nearest(target: str, known: dict[str, Path]) -> str:
    """The module a dotted name lives in (``graphkit.graph.store.GraphStore`` -> ``graphkit.graph.store``)."""
    while target not in known and "." in target:
        target = target.rpartition(".")[0]
    return target


def find_cycle(graph: dict[str, set[str]]) -> list[str]:
    """One circle of imports as [a, b, …, a], or [] when there is none."""
    state: dict[str, str] = {}          # "open" while on the current path, "done" once explored
    path: list[str] = []

    def visit(node: str) -> list[str]:
        state[node] = "open"
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                return path[path.index(target):] + [target]
            if target not in state:
                found = visit(target)
                if found:
                    return found
        path.pop()
        state[node] = "done"
        return []

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return []


def package_graph(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """The same imports between the top-level parts of graphkit (``graphkit.graph.store`` -> ``graph``)."""
    def part(module: str) -> str:
        return module.split(".")[1] if "." in module else "graphkit"

    parts: dict[str, set[str]] = {}
    for module, targets in graph.items():
        parts.setdefault(part(module), set()).update(part(t) for t in targets if part(t) != part(module))
    return parts


def ground_floor_breaches(graph: dict[str, set[str]], floor: set[str], name: str = "graphkit") -> list[str]:
    """Imports by a ground-floor module of anything of the package that is not on the ground floor."""
    floor_modules = {f"{name}.{m}" for m in floor}
    return sorted(f"{m} imports {t}" for m in floor_modules for t in graph.get(m, ()) if t not in floor_modules)


# -- graphkit ------------------------------------------------------------------------
def test_no_module_imports_itself_through_others():
    cycle = find_cycle(imports(PACKAGE))
    assert not cycle, "import circle: " + " -> ".join(cycle)


def test_the_packages_import_each_other_one_way():
    cycle = find_cycle(package_graph(imports(PACKAGE)))
    assert not cycle, "packages import each other: " + " -> ".join(cycle)


def test_the_ground_floor_imports_nothing_above_it():
    graph = imports(PACKAGE)
    assert {f"graphkit.{m}" for m in GROUND_FLOOR} <= set(graph)
    assert ground_floor_breaches(graph, GROUND_FLOOR) == []


def test_the_imports_are_found():
    """The reader sees lazy, relative and absolute imports (else the tests above would pass on nothing)."""
    graph = imports(PACKAGE)
    assert "graphkit.graph.store" in graph["graphkit.graph.files"]         # lazy, inside a function
    assert "graphkit.graph.tempfiles" in graph["graphkit.graph.files"]     # from . import tempfiles
    assert "graphkit.build.batches" in graph["graphkit.build.cluster"]
    assert "graphkit.errors" in graph["graphkit.resources"]


# -- the checks themselves catch what they are for ----------------------------------------
def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "pkg" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root / "pkg"


@pytest.mark.parametrize("files", [
    {"__init__.py": "", "a.py": "from .b import x\n", "b.py": "def x():\n    from .a import y\n"},
    {"__init__.py": "", "a.py": "import pkg.sub.b\n", "sub/__init__.py": "", "sub/b.py": "from .. import a\n"},
    {"__init__.py": "", "a.py": "from pkg.b import x\n", "b.py": "from pkg.c import x\n", "c.py": "from .a import x\n"},
], ids=["lazy", "package-relative", "three-modules"])
def test_a_circle_is_found(tmp_path, files):
    cycle = find_cycle(imports(_package(tmp_path, files), "pkg"))
    assert cycle and cycle[0] == cycle[-1]


def test_a_circle_between_packages_is_found(tmp_path):
    package = _package(tmp_path, {"__init__.py": "", "low/__init__.py": "", "low/x.py": "from ..high.y import z\n",
                                  "high/__init__.py": "", "high/y.py": "z = 1\n", "high/w.py": "from ..low.x import q\n"})
    graph = imports(package, "pkg")
    assert not find_cycle(graph)                        # no module circle ...
    assert find_cycle(package_graph(graph))             # ... but low and high import each other


def test_a_ground_floor_import_from_above_is_found(tmp_path):
    package = _package(tmp_path, {"__init__.py": "", "model.py": "def f():\n    from .graph import vocab\n",
                                  "errors.py": "", "graph/__init__.py": "", "graph/vocab.py": "from ..errors import E\n"})
    assert ground_floor_breaches(imports(package, "pkg"), {"model", "errors"}, "pkg") == ["pkg.model imports pkg.graph.vocab"]
