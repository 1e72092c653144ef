"""The import graph keeps the house's shape (DESIGN.md): no cycle among timeline's modules,
renderers read a Briefing and import nothing from the pipeline or the engines, and the
pipeline imports no renderer. Read with ``ast`` (every import, lazy ones in functions too,
except those under ``if TYPE_CHECKING:``), so nothing is imported to check it."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            return True
    return False


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(tree):
            if _type_checking_only(node, parents):
                continue
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(anchor + ([base] if base else []))
                targets.add(base)
                targets.update(f"{base}.{a.name}" for a in node.names)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


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


def test_no_import_cycle_in_timeline() -> None:
    graph = {m: {t for t in ts if not _is_package_parent(m, t) and not _is_package_parent(t, m)}
             for m, ts in import_graph().items()}
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_renderers_import_nothing_from_pipeline_or_engines() -> None:
    graph = import_graph()
    bad = {m: sorted(t for t in ts if t.startswith(("timeline.pipeline", "timeline.engines")))
           for m, ts in graph.items() if m.startswith("timeline.render")}
    assert not any(bad.values()), bad


def test_pipeline_imports_no_renderer() -> None:
    assert not [t for t in import_graph()["timeline.pipeline"] if t.startswith("timeline.render")]


def test_the_check_sees_imports() -> None:
    """The graph is not empty by accident: known edges are there."""
    graph = import_graph()
    assert "timeline.verify" in graph["timeline.pipeline"]
    assert "timeline.engines.llm.transports" in graph["timeline.engines.llm.transports.openai"]
    assert _cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
