"""Random ledgers; the spread controls how many trios (and repeated values) there are."""


def ledger(rng, n, spread):
    return {"entries": [rng.randint(-spread, spread) for _ in range(n)]}


def scaled(rng, n):
    return ledger(rng, n, 100000)
