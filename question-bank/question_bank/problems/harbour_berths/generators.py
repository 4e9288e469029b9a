import random


def random_visits(rng: random.Random, n: int, horizon: int, max_stay: int) -> dict:
    visits = []
    for _ in range(n):
        arrive = rng.randrange(horizon)
        visits.append([arrive, arrive + rng.randint(1, max_stay)])
    return {"visits": visits}


def scaling_visits(rng: random.Random, n: int) -> dict:
    return random_visits(rng, n, 10**9 - 10**7, 10**7)
