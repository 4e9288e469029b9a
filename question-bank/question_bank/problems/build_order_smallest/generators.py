import random


def _dag_edges(rng, n, m, rank):
    """Edges [a, b] with rank[b] < rank[a]: b is built first, so no cycle is possible."""
    edges = []
    for _ in range(m):
        x, y = rng.randrange(n), rng.randrange(n)
        if x == y:
            continue
        a, b = (x, y) if rank[x] > rank[y] else (y, x)
        edges.append([a, b])
    return edges


def random_dag(rng: random.Random, n: int, m: int) -> dict:
    rank = list(range(n))
    rng.shuffle(rank)
    return {"n": n, "deps": _dag_edges(rng, n, m, rank)}


def dag_with_cycle(rng: random.Random, n: int, m: int) -> dict:
    data = random_dag(rng, n, m)
    a, b, c = rng.sample(range(n), 3)
    data["deps"] += [[a, b], [b, c], [c, a]]
    return data


def reverse_chain_dag(rng: random.Random, n: int, extra: int) -> dict:
    """Package i depends on i + 1, so the smallest-ready package is always the last one unlocked;
    a linear scan for it costs n per step. Extra pairs also point to larger numbers (no cycle)."""
    deps = [[i, i + 1] for i in range(n - 1)]
    for _ in range(extra):
        a = rng.randrange(n - 1)
        deps.append([a, rng.randrange(a + 1, n)])
    rng.shuffle(deps)
    return {"n": n, "deps": deps}


def scaling_dag(rng: random.Random, n: int) -> dict:
    return random_dag(rng, n, 2 * n)
