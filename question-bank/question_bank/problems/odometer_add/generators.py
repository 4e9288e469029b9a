import random


def given(rng: random.Random, digits: list[int], miles: int) -> dict:
    return {"digits": list(digits), "miles": miles}


def long_reading(rng: random.Random, n: int, miles: int) -> dict:
    return {"digits": [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(n - 1)], "miles": miles}


def nines(rng: random.Random, n: int, miles: int) -> dict:
    """A long run of 9s: the carry travels the whole reading and adds a digit."""
    return {"digits": [9] * n, "miles": miles}


def scaling(rng: random.Random, n: int) -> dict:
    return nines(rng, n, rng.randint(1, 10**9))
