import random


def radios(rng: random.Random, n: int, bits: int) -> dict:
    return {"codes": [rng.randrange(1 << bits) for _ in range(n)]}


def scaling(rng: random.Random, n: int) -> dict:
    return radios(rng, n, 31)
