"""Trees with distinct values as level-order arrays; nodes are built as [val, left, right] lists."""

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


def _random_shape(rng, values):
    """Attach each new node to a random free child slot: height stays around O(log n)."""
    nodes = [[values[0], None, None]]
    free = [(nodes[0], 1), (nodes[0], 2)]
    for v in values[1:]:
        i = rng.randrange(len(free))
        parent, side = free[i]
        free[i] = free[-1]
        free.pop()
        node = [v, None, None]
        parent[side] = node
        nodes.append(node)
        free += [(node, 1), (node, 2)]
    return nodes


def _distinct_values(rng, n):
    return rng.sample(range(10**9 + 1), n)


def random_pair(rng: random.Random, n: int) -> dict:
    nodes = _random_shape(rng, _distinct_values(rng, n))
    p, q = rng.sample(nodes, 2)
    return {"root": _level_order(nodes[0]), "p": p[0], "q": q[0]}


def deep_pair(rng: random.Random, n: int, spine: int) -> dict:
    """A chain of `spine` nodes with a bushy random tree at its bottom; p and q are deep in that
    bush, so a solution that re-searches subtrees at every level pays about n * spine."""
    values = _distinct_values(rng, n)
    bush = _random_shape(rng, values[spine:])
    root = node = [values[0], None, None]
    for v in values[1:spine]:
        child = [v, None, None]
        node[rng.choice((1, 2))] = child
        node = child
    node[1] = bush[0]
    p, q = rng.sample(bush[len(bush) // 2 :], 2)  # later nodes sit deeper on average
    return {"root": _level_order(root), "p": p[0], "q": q[0]}


def scaling_pair(rng: random.Random, n: int) -> dict:
    return random_pair(rng, n)
