"""Many queries over a long sorted list."""


def many_queries(rng, n, q, distinct_values=None):
    if distinct_values:
        pool = [rng.randint(-(10**9), 10**9) for _ in range(distinct_values)]
        heights = sorted(rng.choice(pool) for _ in range(n))
        queries = [rng.choice(pool) + rng.choice((-1, 0, 1)) for _ in range(q)]
    else:
        heights = sorted(rng.randint(-(10**9), 10**9) for _ in range(n))
        queries = [rng.randint(-(10**9), 10**9) for _ in range(q)]
    return {"heights": heights, "queries": queries}


def scaled(rng, n):
    return many_queries(rng, n, n)
