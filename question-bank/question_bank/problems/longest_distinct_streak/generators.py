"""Random flavour logs; with a huge pool almost nothing repeats, so restart-from-each-start is quadratic."""


def mostly_distinct(rng, n, pool):
    return {"flavours": [rng.randint(-pool, pool) for _ in range(n)]}


def scaled(rng, n):
    return mostly_distinct(rng, n, 10**9)
