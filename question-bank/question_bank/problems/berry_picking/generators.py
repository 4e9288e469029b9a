import random


def hedge(rng: random.Random, n: int) -> dict:
    return {"berries": [rng.randint(0, 10_000) for _ in range(n)]}


def full_hedge(rng: random.Random, n: int) -> dict:
    return {"berries": [rng.randint(9_000, 10_000) for _ in range(n)]}


def scaling(rng: random.Random, n: int) -> dict:
    return hedge(rng, n)
