"""The package layout tells the data flow: a stage imports only earlier stages and foundations."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "geo"
# Flow order of the stages; a module may import its own stage and the ones before it.
STAGES = ("read", "places", "incidents", "output")
FOUNDATIONS = ("model", "errors", "fsutil")
# Connectors sit on top; cli may use only the pipeline, the errors and the version.
CLI_ALLOWED = ("geo", "geo.pipeline", "geo.errors")


def _owner(module: str) -> str:
    """The part of ``geo`` a dotted module belongs to: a stage, a foundation or a connector."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "geo"


def _rank(owner: str) -> int:
    if owner in FOUNDATIONS:
        return -1
    if owner in STAGES:
        return STAGES.index(owner)
    return len(STAGES)  # connectors: pipeline, evaluate, cli, __main__, the package itself


def _imported(tree: ast.AST) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):  # lazy imports inside functions count too
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, "." * node.level + (node.module or "")))
    return [(line, name) for line, name in found if name == "geo" or name.startswith(("geo.", "."))]


def import_violations(module: str, source: str) -> list[str]:
    """Imports in ``source`` (the text of dotted ``module``) that break the stage order."""
    problems = []
    owner = _owner(module)
    for line, name in _imported(ast.parse(source)):
        if name.startswith("."):
            problems.append(f"{module}:{line}: relative import {name!r}; write geo.<stage>")
            continue
        target = _owner(name)
        if module == "geo.cli":
            if name not in CLI_ALLOWED:
                problems.append(f"{module}:{line}: cli imports {name}; only pipeline and errors")
        elif (
            _rank(owner) < len(STAGES) and target != owner and _rank(target) >= max(_rank(owner), 0)
        ):
            problems.append(f"{module}:{line}: {owner} imports the later {target} ({name})")
    return problems


def _modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found.append((".".join(parts), path))
    return found


def test_every_stage_is_a_subpackage_with_a_docstring() -> None:
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert docstring, f"{init} needs a one-line docstring saying what the stage takes and gives"
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == [
        "__init__",
        "__main__",
        "cache",
        "cli",
        "errors",
        "evaluate",
        "fsutil",
        "model",
        "pipeline",
        "scale",
    ]


def test_no_module_imports_a_later_stage() -> None:
    modules = _modules()
    assert len(modules) > 30
    problems = [
        problem
        for module, path in modules
        for problem in import_violations(module, path.read_text(encoding="utf-8"))
    ]
    assert problems == []


@pytest.mark.parametrize(
    ("module", "source", "expected"),
    [
        ("geo.read.corpus", "from geo.places import fold\n", "read imports the later places"),
        ("geo.places.resolve", "import geo.output.frame\n", "places imports the later output"),
        ("geo.model", "from geo.read import load_corpus\n", "model imports the later read"),
        (
            "geo.incidents.extract",
            "def f():\n    from geo.pipeline import build\n",
            "later pipeline",
        ),
        ("geo.output.frame", "from .periods import PERIODS\n", "relative import"),
        ("geo.cli", "from geo.output import render_map\n", "only pipeline and errors"),
    ],
)
def test_the_import_rule_can_fail(module: str, source: str, expected: str) -> None:
    (problem,) = import_violations(module, source)
    assert expected in problem


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("geo.output.frame", "from geo.incidents import PERIODS\nfrom geo.model import Period\n"),
        ("geo.incidents.events", "from geo.places import fold\n"),
        ("geo.pipeline", "from geo.output import build_frame\nfrom geo.read import load_corpus\n"),
        ("geo.cli", "from geo import __version__\nfrom geo.pipeline import build\n"),
        ("geo.places.resolve", "from geo.places.table import Gazetteer\n"),
    ],
)
def test_the_import_rule_allows_the_flow(module: str, source: str) -> None:
    assert import_violations(module, source) == []
