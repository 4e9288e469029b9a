import random

MAX_REQUIRED = 10**9


def random_projects(
    rng: random.Random, n: int, k: int, funds: int, spread: int, max_profit: int = 10**4
) -> dict:
    """Project number r (in a random order) requires up to funds + spread * r, so projects unlock
    gradually as the studio earns (average profit is max_profit / 2 per project)."""
    ranks = list(range(n))
    rng.shuffle(ranks)
    return {
        "k": k,
        "funds": funds,
        "profit": [rng.randint(0, max_profit) for _ in range(n)],
        "required": [min(MAX_REQUIRED, rng.randint(0, funds + spread * r)) for r in ranks],
    }


def scaling_projects(rng: random.Random, n: int) -> dict:
    return random_projects(rng, n, n, 0, 2500)
