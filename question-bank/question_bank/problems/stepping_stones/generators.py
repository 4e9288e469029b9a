import random


def few_cracks(rng: random.Random, n: int, crack_rate: float) -> dict:
    """Cracks placed so that no two are adjacent and stone n is intact: the answer stays non-zero."""
    cracked, last = [], -2
    for stone in range(1, n):
        if stone - last > 1 and rng.random() < crack_rate:
            cracked.append(stone)
            last = stone
    rng.shuffle(cracked)
    return {"n": n, "cracked": cracked}


def scaling(rng: random.Random, n: int) -> dict:
    return few_cracks(rng, n, 0.05)


def given(rng: random.Random, n: int, cracked: list[int]) -> dict:
    """A fixed input whose answer only exceeds 32 bits before the modulo (too slow for naive.py)."""
    return {"n": n, "cracked": cracked}
