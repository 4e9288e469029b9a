import random


def pocket(rng: random.Random, coins: list[int], price: int) -> dict:
    shuffled = list(coins)
    rng.shuffle(shuffled)
    return {"coins": shuffled, "price": price}


def scaling(rng: random.Random, n: int) -> dict:
    """Price n with the same coin set: the answer grows quickly with n."""
    return pocket(rng, [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41], n)
