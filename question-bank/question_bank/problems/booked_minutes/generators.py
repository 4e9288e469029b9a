import random


def random_bookings(rng: random.Random, n: int, horizon: int, max_len: int) -> dict:
    bookings = []
    for _ in range(n):
        start = rng.randrange(horizon - 1)
        end = min(horizon, start + rng.randint(1, max_len))
        bookings.append([start, end])
    return {"bookings": bookings}


def scaling_bookings(rng: random.Random, n: int) -> dict:
    return random_bookings(rng, n, 10**9, 20000)
