"""A flat market (-1/0/1, k = 0) has billions of matching stretches: the count needs 64 bits."""


def flat_market(rng, n):
    return {"changes": [rng.choice((-1, 0, 0, 1)) for _ in range(n)], "k": 0}


def random_market(rng, n):
    return {"changes": [rng.randint(-1000, 1000) for _ in range(n)], "k": rng.randint(-3000, 3000)}


def scaled(rng, n):
    return flat_market(rng, n)
