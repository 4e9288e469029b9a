"""Run a Python solution inside this process, following the judge's Python conventions.

Used to compute the expected output of generated tests and for fast sanity tests; the sandbox judge
remains the real check. Conventions mirrored from the judge: JSON values are decoded by the
signature's types (`ListNode` from an int array, `TreeNode` from a level-order array with nulls),
a function problem calls the top-level `def <name>`, a class problem constructs `class <name>` and
applies its snake_case methods.
"""

import json
from collections import deque
from typing import Any

from contracts.sandbox import Comparison, FunctionSignature


class ListNode:
    def __init__(self, val: int = 0, next: "ListNode | None" = None):
        self.val = val
        self.next = next


class TreeNode:
    def __init__(self, val: int = 0, left: "TreeNode | None" = None, right: "TreeNode | None" = None):
        self.val = val
        self.left = left
        self.right = right


def load_solution(source: str, filename: str) -> dict[str, Any]:
    """Execute a solution file and return its globals (ListNode/TreeNode provided, as in the judge)."""
    namespace: dict[str, Any] = {"ListNode": ListNode, "TreeNode": TreeNode, "__name__": "solution"}
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - trusted bank files only
    return namespace


def call_solution(namespace: dict[str, Any], signature: FunctionSignature, test_input: dict[str, Any]) -> Any:
    """Run one test's input through the solution and return the JSON-shaped result."""
    if signature.kind == "class":
        return _run_class(namespace, signature, test_input)
    function = namespace[signature.name]
    args = [decode(test_input[p.name], p.type) for p in signature.params]
    return encode(function(*args), signature.returns)


def _run_class(namespace: dict[str, Any], signature: FunctionSignature, test_input: dict[str, Any]) -> list:
    methods = {m.name: m for m in signature.methods}
    ctor_args = [decode(v, p.type) for v, p in zip(test_input.get("constructor", []), signature.params)]
    instance = namespace[signature.name](*ctor_args)
    results = []
    for operation, raw_args in zip(test_input["operations"], test_input["arguments"]):
        method = methods[operation]
        args = [decode(v, p.type) for v, p in zip(raw_args, method.params)]
        result = getattr(instance, operation)(*args)
        results.append(None if method.returns == "void" else encode(result, method.returns))
    return results


_PLAIN_ARRAYS = {"int[]", "long[]", "bool[]", "string[]"}


def decode(value: Any, type_name: str) -> Any:
    """JSON value -> Python value of the signature type (fresh copies, so solutions may mutate)."""
    if value is None:
        return None
    if type_name in _PLAIN_ARRAYS:
        return list(value)  # fast path for the big generated inputs
    if type_name.endswith("[]"):
        return [decode(v, type_name[:-2]) for v in value]
    if type_name == "ListNode":
        return _build_list(value)
    if type_name == "TreeNode":
        return _build_tree(value)
    if type_name == "float":
        return float(value)
    return value


def encode(value: Any, type_name: str) -> Any:
    """Python value -> JSON value of the signature type (an empty list or tree is [])."""
    if value is None:
        return [] if type_name in ("ListNode", "TreeNode") else None
    if type_name.endswith("[]"):
        return [encode(v, type_name[:-2]) for v in value]
    if type_name == "ListNode":
        return _list_values(value)
    if type_name == "TreeNode":
        return _tree_values(value)
    if type_name == "float":
        return float(value)
    return value


def _build_list(values: list[int]) -> ListNode | None:
    head = None
    for v in reversed(values):
        head = ListNode(v, head)
    return head


def _list_values(head: ListNode | None) -> list[int]:
    values, seen = [], 0
    while head is not None:
        values.append(head.val)
        head = head.next
        seen += 1
        if seen > 10_000_000:
            raise ValueError("returned list has a cycle")
    return values


def _build_tree(values: list[int | None]) -> TreeNode | None:
    if not values or values[0] is None:
        return None
    root = TreeNode(values[0])
    queue, i = deque([root]), 1
    while queue and i < len(values):
        node = queue.popleft()
        for side in ("left", "right"):
            if i < len(values) and values[i] is not None:
                child = TreeNode(values[i])
                setattr(node, side, child)
                queue.append(child)
            i += 1
    return root


def _tree_values(root: TreeNode | None) -> list[int | None]:
    values: list[int | None] = []
    queue = deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            values.append(None)
            continue
        values.append(node.val)
        queue.append(node.left)
        queue.append(node.right)
    while values and values[-1] is None:
        values.pop()
    return values


def outputs_match(actual: Any, expected: Any, compare: Comparison, tolerance: float = 1e-6) -> bool:
    """The judge's comparison modes, for in-process checks."""
    actual, expected = _normalise(actual), _normalise(expected)
    if compare == Comparison.FLOAT:
        return _close(actual, expected, tolerance)
    if compare == Comparison.UNORDERED and isinstance(actual, list) and isinstance(expected, list):
        return sorted(map(_canonical, actual)) == sorted(map(_canonical, expected))
    if compare == Comparison.UNORDERED_DEEP:
        return _canonical(_sort_deep(actual)) == _canonical(_sort_deep(expected))
    return _canonical(actual) == _canonical(expected)


def _normalise(value: Any) -> Any:
    return json.loads(json.dumps(value))  # tuples -> lists, exactly as the judge sees JSON


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _sort_deep(value: Any) -> Any:
    if isinstance(value, list):
        return sorted((_sort_deep(v) for v in value), key=_canonical)
    return value


def _close(actual: Any, expected: Any, tolerance: float) -> bool:
    if isinstance(actual, list) and isinstance(expected, list):
        return len(actual) == len(expected) and all(_close(a, e, tolerance) for a, e in zip(actual, expected))
    if isinstance(actual, (int, float)) and isinstance(expected, (int, float)):
        if isinstance(actual, bool) or isinstance(expected, bool):
            return actual is expected
        return abs(actual - expected) <= tolerance * max(1.0, abs(expected))
    return actual == expected
