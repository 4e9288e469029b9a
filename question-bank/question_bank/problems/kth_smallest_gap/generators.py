"""Many readings; k is a fraction of the number of pairs."""


def readings(rng, n, k_fraction):
    values = [rng.randint(0, 10**6) for _ in range(n)]
    pairs = n * (n - 1) // 2
    return {"readings": values, "k": max(1, int(pairs * k_fraction))}


def scaled(rng, n):
    return readings(rng, n, 0.001)
