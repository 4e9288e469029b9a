"""A huge bowl (tall walls, random floor) and random dunes."""


def bowl(rng, n):
    floor = [rng.randint(0, 10**8) for _ in range(n - 2)]
    return {"dunes": [10**9] + floor + [10**9]}


def random_dunes(rng, n):
    return {"dunes": [rng.randint(0, 10**9) for _ in range(n)]}


def scaled(rng, n):
    return bowl(rng, n)
