"""Trees as level-order arrays; nodes are built as [val, left, right] lists."""

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


def random_tree(rng: random.Random, n: int, low: int = -1000, high: int = 1000) -> dict:
    return {"root": _level_order(_random_shape(rng, n, lambda: rng.randint(low, high)))}


def deep_bulk(rng: random.Random, n: int, spine: int) -> dict:
    """A chain of `spine` nodes with a bushy random tree at its bottom: most nodes are deep, so
    recomputing chains per node costs about n * spine."""
    def value() -> int:
        return rng.randint(-1000, 1000)

    bush = _random_shape(rng, n - spine, value)
    root = node = [value(), None, None]
    for _ in range(spine - 2):
        child = [value(), None, None]
        node[rng.choice((1, 2))] = child
        node = child
    node[1] = bush
    return {"root": _level_order(root)}


def scaling_tree(rng: random.Random, n: int) -> dict:
    return random_tree(rng, n)
