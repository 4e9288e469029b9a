import random


def fixed(rng: random.Random, stamps: list[int], postage: int) -> dict:
    return {"stamps": list(stamps), "postage": postage}


def random_office(rng: random.Random, count: int, postage: int) -> dict:
    return {"stamps": rng.sample(range(3, 400), count), "postage": postage}


def scaling(rng: random.Random, n: int) -> dict:
    return {"stamps": rng.sample(range(2, 200), 10), "postage": n}
