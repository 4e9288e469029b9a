"""Long logs where the windows are long (few zeros, big budget) so per-start scanning is quadratic."""


def sparse_zeros(rng, n, zero_rate, k):
    return {"readings": [0 if rng.random() < zero_rate else 1 for _ in range(n)], "k": k}


def scaled(rng, n):
    return sparse_zeros(rng, n, 0.02, n // 100)
