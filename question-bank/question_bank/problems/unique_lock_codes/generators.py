import random


def smudges(rng: random.Random, n: int, distinct: int) -> dict:
    values = rng.sample(range(10), distinct)
    return {"digits": [rng.choice(values) for _ in range(n)]}


def fixed(rng: random.Random, digits: list[int]) -> dict:
    shuffled = list(digits)
    rng.shuffle(shuffled)
    return {"digits": shuffled}


def scaling(rng: random.Random, n: int) -> dict:
    """n digits from 3 values: the answer grows roughly like 3^n."""
    return {"digits": [i % 3 for i in range(n)]}
