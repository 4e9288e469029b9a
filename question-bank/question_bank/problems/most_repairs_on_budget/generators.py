import random


def random_costs(rng: random.Random, n: int, max_cost: int, budget: int) -> dict:
    return {"costs": [rng.randint(1, max_cost) for _ in range(n)], "budget": budget}


def scaling_costs(rng: random.Random, n: int) -> dict:
    return random_costs(rng, n, 10**6, 10**9)
