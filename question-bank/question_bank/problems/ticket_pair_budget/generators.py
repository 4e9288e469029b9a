"""Inputs whose only valid pair sits where a pair-by-pair scan reaches it last."""

BUDGET = 1_500_000_000


def pair_far_apart(rng, n, at_end=True):
    # Distractors are at most 10^8, so no distractor pairs with anything to reach the budget.
    prices = [rng.randint(-(10**8), 10**8) for _ in range(n)]
    i, j = (n - 2, n - 1) if at_end else sorted(rng.sample(range(n // 2, n), 2))
    prices[i], prices[j] = 700_000_000, 800_000_000
    return {"prices": prices, "budget": BUDGET}


def scaled(rng, n):
    return pair_far_apart(rng, n)
