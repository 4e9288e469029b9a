"""Trees as level-order arrays. Nodes are built as [val, left, right] lists, then serialised."""

import random
from collections import deque


def _level_order(root):
    values, queue = [], deque([root])
    while queue:
        node = queue.popleft()
        if node is None:
            values.append(None)
            continue
        values.append(node[0])
        queue.append(node[1])
        queue.append(node[2])
    while values and values[-1] is None:
        values.pop()
    return values


def _random_shape(rng, n, value):
    """Attach each new node to a random free child slot: height stays around O(log n)."""
    root = [value(), None, None]
    free = [(root, 1), (root, 2)]
    for _ in range(n - 1):
        i = rng.randrange(len(free))
        parent, side = free[i]
        free[i] = free[-1]
        free.pop()
        node = [value(), None, None]
        parent[side] = node
        free += [(node, 1), (node, 2)]
    return root


def _make_some_matched(root):
    """Set ~1/3 of nodes to their descendants' total so the answer is not tiny."""
    order, stack = [], [root]
    while stack:
        node = stack.pop()
        order.append(node)
        stack += [c for c in (node[1], node[2]) if c]
    totals = {}
    for i, node in enumerate(reversed(order)):
        below = sum(totals[id(c)] for c in (node[1], node[2]) if c)
        if i % 3 == 0 and abs(below) <= 10**4:
            node[0] = below
        totals[id(node)] = below + node[0]


def random_tree(rng: random.Random, n: int) -> dict:
    root = _random_shape(rng, n, lambda: rng.randint(-3, 3))
    _make_some_matched(root)
    return {"root": _level_order(root)}


def chain(rng: random.Random, n: int) -> dict:
    root = node = [rng.randint(-2, 2), None, None]
    for _ in range(n - 1):
        child = [rng.randint(-2, 2), None, None]
        node[rng.choice((1, 2))] = child
        node = child
    _make_some_matched(root)
    return {"root": _level_order(root)}


def deep_bulk(rng: random.Random, n: int, spine: int) -> dict:
    """A chain of `spine` nodes with a random bushy tree of the rest hanging at its bottom, so most
    nodes sit deep and recomputing subtree sums per node costs about n * spine."""
    bulk = _random_shape(rng, n - spine, lambda: rng.randint(-3, 3))
    root = node = [rng.randint(-3, 3), None, None]
    for _ in range(spine - 2):
        child = [rng.randint(-3, 3), None, None]
        node[1] = child
        node = child
    node[2] = bulk
    _make_some_matched(root)
    return {"root": _level_order(root)}


def scaling_tree(rng: random.Random, n: int) -> dict:
    return random_tree(rng, n)
