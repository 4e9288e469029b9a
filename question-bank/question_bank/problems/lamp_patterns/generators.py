import random


def strip(rng: random.Random, n: int, max_on: int) -> dict:
    return {"n": n, "max_on": max_on}


def scaling(rng: random.Random, n: int) -> dict:
    return {"n": n, "max_on": n}
