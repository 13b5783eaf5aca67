"""The app-level import graph of ``dife/``, computed from the source: no cycle, no ``devtools``.

Every ``.py`` under ``dife/`` is parsed with :mod:`ast`; every import counts, including the
function-local ones. A module belongs to an app: ``dife.<app>`` (``dife.core``, ``dife.mandates``,
``dife.api`` …), and ``dife.www.<app>`` is an app of its own. An edge ``a → b`` means a file of ``a``
imports a module of ``b``. The test fails on any cycle between apps, naming the files of each edge,
and on any import of ``devtools`` from ``dife/`` (production code must not know the local fakes or the
demo data).

``dife/www/`` has one axis, the audience: the six apps of ``WWW_APPS``, each with the same shape
(``apps.py``, one ``urls.py``, a ``views/`` package without forms, ``templates/<app>/``), and none
imports another except ``staff`` (sign-in, TOTP, organisation pages shared by the staff spaces). Domain
apps never import ``www``.
"""

from __future__ import annotations

import ast
import re
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


WWW = DIFE / "www"
WWW_APPS = {"public", "elus", "staff", "of", "gestion", "collectivite"}
SHARED_WWW_APP = "staff"  # the one www app the others may import


def _has_source(folder: Path) -> bool:
    """False for what a move leaves behind in a working copy: folders of ``__pycache__`` only."""
    return any(f.is_file() and "__pycache__" not in f.parts for f in folder.rglob("*"))


def www_apps() -> list[str]:
    return sorted(p.name for p in WWW.iterdir() if p.is_dir() and p.name != "__pycache__" and _has_source(p))


def test_www_has_one_axis_the_audience():
    assert set(www_apps()) == WWW_APPS


def test_www_apps_import_no_other_www_app_but_staff():
    offenders = [
        f"{a} → {b}: {', '.join(sorted(files))}"
        for (a, b), files in sorted(app_graph().items())
        if a.startswith("www.") and b.startswith("www.") and b != f"www.{SHARED_WWW_APP}"
    ]
    assert not offenders, "www apps may import only themselves and www.staff:\n" + "\n".join(offenders)


def test_domain_apps_never_import_www():
    offenders = [
        f"{a} → {b}: {', '.join(sorted(files))}"
        for (a, b), files in sorted(app_graph().items())
        if not a.startswith("www.") and b.startswith("www.")
    ]
    assert not offenders, "domain apps must not import dife.www:\n" + "\n".join(offenders)


def _is_form_class(node: ast.ClassDef) -> bool:
    bases = [ast.unparse(base) for base in node.bases]
    return any(base.endswith(("Form", "FormSet", "Field", "Widget")) for base in bases)


def shape_problems(app: Path) -> list[str]:
    """What keeps ``app`` (a folder of ``dife/www``) from the shape every www app shares."""
    name, root = app.name, app.parents[2]  # names shown relative to the project
    problems = [
        f"no {part}" for part in ("apps.py", "urls.py", "views/__init__.py") if not (app / part).is_file()
    ]
    if not (app / "templates" / name).is_dir():
        problems.append(f"no templates/{name}/")
    problems += [f"{p.relative_to(root)}: one urls.py per app" for p in app.rglob("urls_*.py")]
    problems += [f"{p.relative_to(root)}: forms.py or forms/" for p in app.glob("forms_*.py")]
    if (app / "forms.py").exists() and (app / "forms").exists():
        problems.append("both forms.py and forms/")
    for folder in ("templates", "static"):
        if (app / folder).is_dir():
            problems += [
                f"{p.relative_to(root)}: {folder}/{name}/ only"
                for p in (app / folder).iterdir()
                if p.name != name
            ]
    for path in sorted((app / "views").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        problems += [
            f"{path.relative_to(root)}: form class {node.name} in a views module (move it to the app's forms)"
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef) and _is_form_class(node)
        ]
        if re.fullmatch(r"(.+_)?forms?(_.+)?", path.stem):
            problems.append(f"{path.relative_to(root)}: forms live in forms.py or forms/, not in views/")
    return problems


def test_every_www_app_has_the_same_shape():
    problems = [f"www/{app}: {problem}" for app in www_apps() for problem in shape_problems(WWW / app)]
    assert not problems, "\n".join(problems)


TEMPLATE_USE = re.compile(r"{%\s*(?:include|extends)\s+[\"']([a-z_]+)/")


def test_www_templates_use_no_other_www_app_templates_but_staff():
    offenders = []
    for app in www_apps():
        for path in sorted((WWW / app / "templates").rglob("*.html")):
            for folder in TEMPLATE_USE.findall(path.read_text(encoding="utf-8")):
                if folder in WWW_APPS and folder not in (app, SHARED_WWW_APP):
                    offenders.append(f"{path.relative_to(ROOT)} uses {folder}/…")
    assert not offenders, "\n".join(offenders)


def test_the_shape_check_sees_forms_in_views_and_second_url_modules(tmp_path):
    app = tmp_path / "demo"
    (app / "views").mkdir(parents=True)
    (app / "templates" / "demo").mkdir(parents=True)
    (app / "templates" / "other").mkdir()
    for part in ("apps.py", "urls.py", "urls_extra.py", "views/__init__.py"):
        (app / part).write_text("")
    (app / "views" / "pages.py").write_text("class NirForm(DsfrBaseForm):\n    pass\n")
    (app / "views" / "catalogue_forms.py").write_text("")
    problems = "\n".join(shape_problems(app))
    assert "urls_extra.py: one urls.py per app" in problems
    assert "form class NirForm in a views module" in problems
    assert "templates/other: templates/demo/ only" in problems
    assert "views/catalogue_forms.py: forms live in forms.py or forms/" in problems
    assert "views/formation" not in problems


# The allowed directions of docs/architecture.md: an app may import only apps of a lower layer (the www
# apps and the API sit on top; inside the top layer only www.staff may be imported, checked above).
LAYERS = [
    {"core"},
    {"audit", "referentiel"},
    {"reviews", "notifications"},
    {"accounts"},
    {"identity", "mandates", "organisations"},
    {"catalog", "rights"},
    {"enrollment"},
    {"api", "www.context_processors"} | {f"www.{app}" for app in WWW_APPS},
]
ALLOWED_SAME_LAYER: set[tuple[str, str]] = set()  # none today


def layer_of(app: str) -> int:
    for index, apps in enumerate(LAYERS):
        if app in apps:
            return index
    raise AssertionError(f"app {app} is in no layer of docs/architecture.md: add it to LAYERS and to the map")


def test_imports_go_down_the_layers_of_the_architecture_map():
    upward = {
        f"{a} → {b}": sorted(files)
        for (a, b), files in app_graph().items()
        if layer_of(b) > layer_of(a)
        or (layer_of(b) == layer_of(a) and not b.startswith("www.") and (a, b) not in ALLOWED_SAME_LAYER)
    }
    assert upward == {}, f"imports against the allowed directions (docs/architecture.md): {upward}"
