import random


def lockers(rng: random.Random, n: int) -> dict:
    return {"n": n}


def scaling(rng: random.Random, n: int) -> dict:
    return {"n": n}
