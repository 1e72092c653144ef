"""The import graph keeps the house's shape (DESIGN.md, docs/architecture.md): a folder for every
stage, ``run/`` alone knows their order, and dependencies point one way:

- no cycle among timeline's modules; at most eight plain modules at the top of the package;
- ``engines/`` imports nothing of ``run/`` or ``cli/``; the stage packages (sources, text, verify,
  temporal, merge, select, summary, render) nothing of ``run/``, ``cli/`` or ``engines/``;
  ``lang/`` nothing of timeline but itself;
- renderers read a Briefing and reach nothing of the pipeline or the engines, and the pipeline
  reaches no renderer, directly or through any module it imports;
- no list of weekday or month words is spelled out outside ``lang/`` and the grammar's rules. Read with ``ast`` (every
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
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "timeline"
TABLE = "timeline.render"
PIPELINE = "timeline.run.pipeline"
STAGES = ("sources", "text", "verify", "temporal", "merge", "select", "summary", "render")
MAX_PLAIN_MODULES = 8


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


def _in(module: str, package: str) -> bool:
    return module == f"timeline.{package}" or module.startswith(f"timeline.{package}.")


def _violations(source: str, forbidden: tuple[str, ...]) -> list[str]:
    graph = import_graph()
    return sorted(f"{m} -> {t}" for m, ts in graph.items() if _in(m, source)
                  for t in ts if any(_in(t, f) for f in forbidden))


def test_renderers_import_nothing_from_pipeline_or_engines() -> None:
    assert not _violations("render", ("run", "engines", "cli"))


def test_renderers_reach_nothing_of_pipeline_or_engines_transitively() -> None:
    graph = import_graph()
    bad = []
    for module in (m for m in graph if m.startswith(TABLE)):
        via = reachable(graph, module)
        bad += [path_to(via, module, t) for t in via if _in(t, "run") or _in(t, "engines")]
    assert not bad, bad


def test_pipeline_imports_no_renderer() -> None:
    assert not [t for t in import_graph()[PIPELINE] if t.startswith("timeline.render.")]


def test_pipeline_reaches_no_renderer_transitively() -> None:
    graph = import_graph()
    via = reachable(graph, PIPELINE)
    assert not graph[TABLE], f"the RENDERERS table imports {sorted(graph[TABLE])}"
    bad = [path_to(via, PIPELINE, t) for t in sorted(via) if _is_renderer(t)]
    assert not bad, bad


def test_importing_the_pipeline_loads_no_renderer() -> None:
    """What ``ast`` cannot see (``importlib``, a module's own side effects): import it for real."""
    code = (f"import sys, {PIPELINE}, timeline.summary.disagreements\n"
            "print('\\n'.join(m for m in sys.modules if m.startswith('timeline.render.')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                          cwd=PACKAGE.parent)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == []


def test_engines_import_nothing_of_run_or_cli() -> None:
    """An engine proposes; what happens to its proposals (and in which order) is run/'s business."""
    assert not _violations("engines", ("run", "cli"))


def test_stage_packages_import_nothing_of_run_cli_or_engines() -> None:
    """A stage takes values and returns values: it never calls the pipeline, the CLI or an engine."""
    bad = [v for stage in STAGES for v in _violations(stage, ("run", "cli", "engines"))]
    assert not bad, bad


def test_lang_imports_nothing_of_timeline() -> None:
    """``lang/`` is data: English words, importable by every stage without pulling in any."""
    graph = import_graph()
    bad = sorted(f"{m} -> {t}" for m, ts in graph.items() if _in(m, "lang")
                 for t in ts if not _in(t, "lang") and t != "timeline")
    assert not bad, bad


def test_few_plain_modules_at_the_top() -> None:
    """Everything that belongs to a stage lives in that stage's folder."""
    plain = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(plain) <= MAX_PLAIN_MODULES, plain


_CALENDAR_WORD = re.compile(
    r"(?<![a-z])(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?(?![a-z])"
    r"|(?<![a-z])(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)(?![a-z])"
    r"|january|february|april|june|july|august|september|october|november|december", re.IGNORECASE)
_CALENDAR_EXEMPT = ("timeline/lang/", "timeline/temporal/rules.py")


def calendar_lists(source: str) -> list[str]:
    """String literals (docstrings aside) that spell out three or more weekday or month words:
    a list of them, which belongs in ``lang/en``."""
    tree = ast.parse(source)
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    found = []
    for node in ast.walk(tree):
        text = None
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            text = node.value
        elif isinstance(node, (ast.Set, ast.List, ast.Tuple)):  # {"Monday", "Tuesday", ...}
            text = " ".join(e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str))
        if text:
            words = {w.lower()[:3] for w in _CALENDAR_WORD.findall(text)}
            if len(words) >= 3:
                found.append(text[:60])
    return found


def test_calendar_words_come_from_lang() -> None:
    bad = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).as_posix()
        if rel.startswith(_CALENDAR_EXEMPT):
            continue
        if found := calendar_lists(path.read_text(encoding="utf-8")):
            bad[rel] = found
    assert not bad, bad


def test_the_calendar_check_sees_lists() -> None:
    assert calendar_lists('X = "Mon|Tue|Wed"') == ["Mon|Tue|Wed"]
    assert calendar_lists('X = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"')
    assert calendar_lists('X = "jan feb mar"')
    assert calendar_lists('X = {"Monday", "Tuesday", "Friday"}')
    assert calendar_lists('"""Monday, Tuesday and Friday in a docstring."""') == []
    assert calendar_lists('say("dates such as Friday are left unresolved")') == []


def test_the_check_sees_imports() -> None:
    """The graph is not empty by accident: known edges are there, and the walk finds paths."""
    graph = import_graph()
    assert "timeline.verify.verify_events" in graph["timeline.run.propose"]
    assert "timeline.engines.llm.transports" in graph["timeline.engines.llm.transports.openai"]
    assert _cycle({"a": {"b"}, "b": {"a"}}) == ["a", "b", "a"]
    via = reachable({"a": {"b"}, "b": {"c"}, "c": set()}, "a")
    assert path_to(via, "a", "c") == "a -> b -> c"
    assert "timeline.models" in reachable(graph, PIPELINE)
    # a lazy import inside a function counts; one under TYPE_CHECKING does not
    assert "timeline.config" in graph["timeline.engines.registry"]
    assert "timeline.models" not in graph[TABLE]
    assert _violations("engines", ("models",)), "the engines import models: the check would see it"


def test_every_package_is_installed() -> None:
    """A new stage folder left out of pyproject's package list would be missing from the wheel."""
    import tomllib

    listed = set(tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {module_name(p) for p in PACKAGE.rglob("__init__.py")}
    assert found <= listed, sorted(found - listed)
