"""The app-level import graph of ``dife/``, computed from the source: no cycle, no ``devtools``.

Every ``.py`` under ``dife/`` is parsed with :mod:`ast`; every import counts, including the
function-local ones. A module belongs to an app: ``dife.<app>`` (``dife.core``, ``dife.mandates``,
``dife.api`` …), and ``dife.www.<app>`` is an app of its own. An edge ``a → b`` means a file of ``a``
imports a module of ``b``. The test fails on any cycle between apps, naming the files of each edge,
and on any import of ``devtools`` from ``dife/`` (production code must not know the local fakes or the
demo data).
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIFE = ROOT / "dife"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> list[str]:
    """Absolute names of every module imported by the file (relative imports resolved)."""
    source = path.read_text(encoding="utf-8")
    return imports_of(source, module_name(path), is_package=path.name == "__init__.py", filename=str(path))


def imports_of(
    source: str, module: str, *, is_package: bool = False, filename: str = "<source>"
) -> list[str]:
    """Every import of ``source`` (the code of ``module``), wherever it is: top level, function, class."""
    tree = ast.parse(source, filename=filename)
    package = module.split(".") if is_package else module.split(".")[:-1]
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                prefix = ".".join(base + ([node.module] if node.module else []))
            else:
                prefix = node.module or ""
            names.append(prefix)
            names.extend(f"{prefix}.{alias.name}" for alias in node.names if alias.name != "*")
    return names


def app_of(module: str) -> str | None:
    """``dife.www.elus.views`` → ``www.elus``; ``dife.core.names`` → ``core``; not ``dife`` → None."""
    parts = module.split(".")
    if parts[0] != "dife" or len(parts) < 2:
        return None
    if parts[1] == "www":
        return ".".join(parts[1:3]) if len(parts) >= 3 else None
    return parts[1]


def source_files() -> list[Path]:
    return sorted(p for p in DIFE.rglob("*.py") if "migrations" not in p.parts)


def app_graph() -> dict[tuple[str, str], set[str]]:
    """``(from_app, to_app)`` → the files (relative to the project) that make the edge."""
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in source_files():
        source = app_of(module_name(path))
        for module in imported_modules(path):
            target = app_of(module)
            if source and target and target != source:
                edges[(source, target)].add(str(path.relative_to(ROOT)))
    return edges


def cycles(edges) -> list[list[str]]:
    """The strongly connected components of more than one app (Tarjan), each sorted."""
    graph = defaultdict(set)
    for a, b in edges:
        graph[a].add(b)
        graph.setdefault(b, set())
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def describe(component: list[str], edges) -> str:
    inside = set(component)
    lines = [f"cycle between apps: {', '.join(component)}"]
    for (a, b), files in sorted(edges.items()):
        if a in inside and b in inside:
            lines.append(f"  {a} → {b}: {', '.join(sorted(files))}")
    return "\n".join(lines)


def test_no_import_cycle_between_apps():
    edges = app_graph()
    found = cycles(edges)
    assert not found, "\n".join(describe(component, edges) for component in found)


def test_dife_never_imports_devtools():
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in source_files()
        for module in imported_modules(path)
        if module == "devtools" or module.startswith("devtools.")
    ]
    assert not offenders, "dife/ must not import devtools:\n" + "\n".join(sorted(set(offenders)))


def test_the_parser_sees_local_relative_and_devtools_imports():
    source = (
        "from .forms import EluForm\n"
        "from ..views import common\n"
        "def view(request):\n"
        "    from dife.mandates.matching import persons_of_account\n"
        "    import devtools.idp\n"
    )
    names = imports_of(source, "dife.www.elus.views.droits")
    assert "dife.www.elus.views.forms.EluForm" in names
    assert "dife.www.elus.views.common" in names
    assert "dife.mandates.matching.persons_of_account" in names
    assert "devtools.idp" in names
    assert [app_of(name) for name in ("dife.www.elus.views", "dife.mandates.matching", "devtools.idp")] == [
        "www.elus",
        "mandates",
        None,
    ]
    assert app_of("dife.api.outils") == "api" and app_of("dife.www") is None


def test_cycles_are_found_and_named():
    edges = {
        ("a", "b"): {"dife/a/x.py"},
        ("b", "c"): {"dife/b/y.py"},
        ("c", "a"): {"dife/c/z.py"},
        ("c", "d"): set(),
    }
    assert cycles(edges) == [["a", "b", "c"]]
    assert "a → b: dife/a/x.py" in describe(["a", "b", "c"], edges)
