import random


def random_bridges(rng: random.Random, n: int, m: int) -> dict:
    return {"n": n, "bridges": [[rng.randrange(n), rng.randrange(n)] for _ in range(m)]}


def repeated_bridges(rng: random.Random, n: int, m: int) -> dict:
    pool = [[rng.randrange(n), rng.randrange(n)] for _ in range(m // 5)]
    return {"n": n, "bridges": [list(rng.choice(pool)) for _ in range(m)]}


def scaling_bridges(rng: random.Random, n: int) -> dict:
    return random_bridges(rng, n, n)
