"""Long docks of random crates; few days make the answer far above the heaviest crate."""


def dock(rng, n, days):
    return {"crates": [rng.randint(1, 10**4) for _ in range(n)], "days": days}


def scaled(rng, n):
    return dock(rng, n, 10)
