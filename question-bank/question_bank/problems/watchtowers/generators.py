import random


def marsh(rng: random.Random, n: int, swamps: int) -> dict:
    cells = rng.sample([[r, c] for r in range(n) for c in range(n)], swamps)
    return {"n": n, "swamps": cells}


def scaling(rng: random.Random, n: int) -> dict:
    return {"n": n, "swamps": []}
