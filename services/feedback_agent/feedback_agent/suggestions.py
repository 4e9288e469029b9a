"""`suggest_improvements`: concrete, line-referenced suggestions found by reading the code.

Python is read with `ast`; for the other languages a few line-based checks apply. Suggestions about
correctness and speed come from measurements (failing categories, measured complexity) elsewhere.
"""

import ast
import re

from contracts.events import Suggestion
from contracts.sandbox import Language

SHORT_NAMES_OK = {"i", "j", "k", "n", "m", "x", "y", "_", "a", "b", "lo", "hi"}
LONG_FUNCTION_LINES = 40
LONG_LINE_CHARS = 120
MAX_SUGGESTIONS = 6


def suggest(code: str, language: Language) -> list[Suggestion]:
    found = _python(code) if language is Language.PYTHON else _any_language(code)
    return found[:MAX_SUGGESTIONS]


def nested_loop_line(code: str, language: Language) -> int | None:
    """Line of the first loop inside another loop: where an O(n²) usually lives."""
    if language is Language.PYTHON:
        try:
            tree = ast.parse(code)
        except SyntaxError:
            return None
        for outer in ast.walk(tree):
            if isinstance(outer, (ast.For, ast.While)):
                for inner in ast.walk(outer):
                    if inner is not outer and isinstance(inner, (ast.For, ast.While)):
                        return inner.lineno
        return None
    depth_loops: list[int] = []
    for number, line in enumerate(code.splitlines(), 1):
        if re.search(r"\b(for|while)\s*\(|\bfor\b.*\{", line):
            indent = len(line) - len(line.lstrip())
            if any(indent > other for other in depth_loops):
                return number
            depth_loops.append(indent)
    return None


def _python(code: str) -> list[Suggestion]:
    try:
        tree = ast.parse(code)
    except SyntaxError as exc:
        return [Suggestion(line=exc.lineno, kind="correctness", text=f"syntax error: {exc.msg}")]
    found: list[Suggestion] = []
    for node in ast.walk(tree):
        found += _python_node(node)
    return sorted(found, key=lambda s: (s.line or 0, s.kind))


def _python_node(node: ast.AST) -> list[Suggestion]:
    found = []
    if isinstance(node, ast.For) and _is_range_len(node.iter):
        found.append(Suggestion(line=node.lineno, kind="idiom",
                                text="`for i in range(len(xs))`: use `for i, x in enumerate(xs)` to get index and value"))
    if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Eq, ast.NotEq)) for op in node.ops) and any(
            isinstance(c, ast.Constant) and c.value is None for c in node.comparators):
        found.append(Suggestion(line=node.lineno, kind="idiom", text="compare with None using `is` / `is not`"))
    if isinstance(node, ast.ExceptHandler) and node.type is None:
        found.append(Suggestion(line=node.lineno, kind="structure",
                                text="a bare `except:` hides real errors; catch the exception you expect"))
    if isinstance(node, ast.Assign):
        for target in node.targets:
            if isinstance(target, ast.Name) and len(target.id) == 1 and target.id not in SHORT_NAMES_OK:
                found.append(Suggestion(line=node.lineno, kind="naming",
                                        text=f"`{target.id}` says little; a name like `count` or `seen` explains it"))
    if isinstance(node, ast.FunctionDef):
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        if length > LONG_FUNCTION_LINES:
            found.append(Suggestion(line=node.lineno, kind="structure",
                                    text=f"`{node.name}` is {length} lines long: split out a helper with a clear name"))
    return found


def _is_range_len(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "range"
            and len(node.args) == 1 and isinstance(node.args[0], ast.Call)
            and isinstance(node.args[0].func, ast.Name) and node.args[0].func.id == "len")


def _any_language(code: str) -> list[Suggestion]:
    found = []
    for number, line in enumerate(code.splitlines(), 1):
        if len(line) > LONG_LINE_CHARS:
            found.append(Suggestion(line=number, kind="structure",
                                    text=f"line is {len(line)} characters long: break it up or name a sub-expression"))
        if re.search(r"\b(TODO|FIXME)\b", line):
            found.append(Suggestion(line=number, kind="structure", text="an unfinished TODO is left in the code"))
    return found
