"""The import graph keeps the house's shape (DESIGN.md): no cycle among timeline's modules,
renderers read a Briefing and reach nothing of the pipeline or the engines, and the pipeline
reaches no renderer, directly or through any module it imports. Read with ``ast`` (every
import, lazy ones in functions too, except those under ``if TYPE_CHECKING:``), so nothing is
imported to check it; one subprocess also imports the pipeline for real and lists what came
with it, which sees imports ``ast`` cannot (``importlib``).

``timeline.render`` itself (the package's ``__init__``) is the RENDERERS table: format names
and the dotted paths of their modules, imported only when a format is used. It imports no
renderer (checked below), so reaching it, as ``config.py`` does to check a format name, reaches
no renderer.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
TABLE = "timeline.render"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement of ``tree`` except those inside an ``if TYPE_CHECKING:`` block."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


@cache
def _graph() -> dict[str, frozenset[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, frozenset[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in _imports(tree):
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets.add(base)
                targets.update(f"{base}.{a.name}" for a in node.names)
        graph[name] = frozenset(t for t in targets if t in modules and t != name)
    return graph


def import_graph() -> dict[str, set[str]]:
    """Module -> the timeline modules it imports (read once per test session)."""
    return {m: set(ts) for m, ts in _graph().items()}


def reachable(graph: dict[str, set[str]], start: str) -> dict[str, str]:
    """Every module ``start`` reaches, each with the module that imports it on one path there."""
    via: dict[str, str] = {}
    todo = [start]
    while todo:
        node = todo.pop()
        for nxt in sorted(graph.get(node, ())):
            if nxt not in via and nxt != start:
                via[nxt] = node
                todo.append(nxt)
    return via


def path_to(via: dict[str, str], start: str, end: str) -> str:
    chain = [end]
    while chain[-1] != start:
        chain.append(via[chain[-1]])
    return " -> ".join(reversed(chain))


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (found := visit(node)):
            return found
    return None


def _is_package_parent(a: str, b: str) -> bool:
    """``a`` importing its own package ``b`` (``timeline.x`` -> ``timeline``) is how Python
    imports any submodule, not a design dependency."""
    return a.startswith(b + ".")


def _is_renderer(module: str) -> bool:
    return module.startswith(TABLE + ".")


def test_no_import_cycle_in_timeline() -> None:
    graph = {m: {t for t in ts if not _is_package_parent(m, t) and not _is_package_parent(t, m)}
             for m, ts in import_graph().items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_renderers_import_nothing_from_pipeline_or_engines() -> None:
    graph = import_graph()
    bad = {m: sorted(t for t in ts if t.startswith(("timeline.pipeline", "timeline.engines")))
           for m, ts in graph.items() if m.startswith("timeline.render")}
    assert not any(bad.values()), bad


def test_renderers_reach_nothing_of_pipeline_or_engines_transitively() -> None:
    graph = import_graph()
    bad = []
    for module in (m for m in graph if m.startswith(TABLE)):
        via = reachable(graph, module)
        bad += [path_to(via, module, t) for t in via if t.startswith(("timeline.pipeline", "timeline.engines"))]
    assert not bad, bad


def test_pipeline_imports_no_renderer() -> None:
    assert not [t for t in import_graph()["timeline.pipeline"] if t.startswith("timeline.render")]


def test_pipeline_reaches_no_renderer_transitively() -> None:
    graph = import_graph()
    via = reachable(graph, "timeline.pipeline")
    assert not graph[TABLE], f"the RENDERERS table imports {sorted(graph[TABLE])}"
    bad = [path_to(via, "timeline.pipeline", t) for t in sorted(via) if _is_renderer(t)]
    assert not bad, bad


def test_importing_the_pipeline_loads_no_renderer() -> None:
    """What ``ast`` cannot see (``importlib``, a module's own side effects): import it for real."""
    code = ("import sys, timeline.pipeline, timeline.disagreements\n"
            "print('\\n'.join(m for m in sys.modules if m.startswith('timeline.render.')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=PACKAGE.parent)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == []


def test_the_check_sees_imports() -> None:
    """The graph is not empty by accident: known edges are there, and the walk finds paths."""
    graph = import_graph()
    assert "timeline.verify" in graph["timeline.pipeline"]
    assert "timeline.engines.llm.transports" in graph["timeline.engines.llm.transports.openai"]
    assert _cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    via = reachable({"a": {"b"}, "b": {"c"}, "c": set()}, "a")
    assert path_to(via, "a", "c") == "a -> b -> c"
    assert "timeline.models" in reachable(graph, "timeline.pipeline")
    # a lazy import inside a function counts; one under TYPE_CHECKING does not
    assert "timeline.config" in graph["timeline.engines.registry"]
    assert "timeline.models" not in graph[TABLE]
