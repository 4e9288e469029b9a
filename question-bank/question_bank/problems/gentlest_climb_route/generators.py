import random


def random_roads(rng: random.Random, n: int, m: int, connected: bool = False) -> dict:
    roads = [[rng.randrange(n), rng.randrange(n), rng.randint(0, 10**9)] for _ in range(m)]
    if connected:  # a random spanning tree first, so every village is reachable
        roads += [[v, rng.randrange(v), rng.randint(0, 10**9)] for v in range(1, n)]
        rng.shuffle(roads)
    source, target = rng.sample(range(n), 2)
    return {"n": n, "roads": roads, "source": source, "target": target}


def ladder_roads(rng: random.Random, n: int, extra: int) -> dict:
    """A path 0 - 1 - ... - (n-1) whose grades rise along it, plus many steeper shortcuts. Every grade
    is distinct and the answer is the steepest path road, so trying grades one by one runs a BFS for
    about n different limits."""
    order = list(range(n))
    rng.shuffle(order)
    roads = [[order[i], order[i + 1], 2 * i] for i in range(n - 1)]
    for _ in range(extra):
        a, b = rng.randrange(n), rng.randrange(n)
        roads.append([a, b, 2 * n + 2 * rng.randrange(10**8) + 1])
    rng.shuffle(roads)
    return {"n": n, "roads": roads, "source": order[0], "target": order[-1]}


def scaling_roads(rng: random.Random, n: int) -> dict:
    return random_roads(rng, n, 2 * n)
