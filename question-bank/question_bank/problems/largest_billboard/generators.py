"""Streets of buildings; a rising street makes every left end extend to the far right."""


def rising_street(rng, n):
    return {"heights": sorted(rng.randint(1, 10**9) for _ in range(n))}


def random_street(rng, n):
    return {"heights": [rng.randint(0, 10**9) for _ in range(n)]}


def scaled(rng, n):
    return rising_street(rng, n)
