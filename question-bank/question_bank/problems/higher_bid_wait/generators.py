"""A long falling market (nothing resolves until the last minute) and a random one."""


def falling_then_spike(rng, n):
    bids = sorted((rng.randint(1, 10**9 - 1) for _ in range(n - 1)), reverse=True)
    return {"bids": bids + [10**9]}


def random_market(rng, n):
    return {"bids": [rng.randint(0, 10**9) for _ in range(n)]}


def scaled(rng, n):
    return falling_then_spike(rng, n)
