"""Inputs for the generated tests: random and skewed search trees as level-order arrays."""

import random
from collections import deque

LIMIT = 10**9


def _insert_all(keys):
    """Plain BST insertion (iterative); nodes are [val, left, right] lists."""
    root = None
    for key in keys:
        node = [key, None, None]
        if root is None:
            root = node
            continue
        cur = root
        while True:
            side = 1 if key < cur[0] else 2
            if cur[side] is None:
                cur[side] = node
                break
            cur = cur[side]
    return root


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


def _range(rng):
    lo = rng.randint(-LIMIT, LIMIT)
    return lo, rng.randint(lo, LIMIT)


def random_bst(rng: random.Random, n: int) -> dict:
    keys = rng.sample(range(-LIMIT, LIMIT), n)  # random insertion order keeps the height near 2 ln n
    lo, hi = _range(rng)
    return {"root": _level_order(_insert_all(keys)), "lo": lo, "hi": hi}


def skewed_bst(rng: random.Random, n: int) -> dict:
    keys = sorted(rng.sample(range(-LIMIT, LIMIT), n))  # sorted insertion makes a right-leaning chain
    return {"root": _level_order(_insert_all(keys)), "lo": keys[n // 4], "hi": keys[3 * n // 4]}


def scaling_bst(rng: random.Random, n: int) -> dict:
    data = random_bst(rng, n)
    data["lo"], data["hi"] = -LIMIT, LIMIT  # count everything: the walk visits all n nodes
    return data
