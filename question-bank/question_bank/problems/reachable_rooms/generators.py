import random


def random_graph(rng: random.Random, n: int, m: int) -> dict:
    doors = [[rng.randrange(n), rng.randrange(n)] for _ in range(m)]
    return {"n": n, "doors": doors, "start": rng.randrange(n), "goal": rng.randrange(n)}


def shuffled_path(rng: random.Random, n: int) -> dict:
    """One long corridor through a random room order, doors listed in random order; start and goal
    are its two ends, so the answer is true but needs the whole corridor."""
    order = list(range(n))
    rng.shuffle(order)
    doors = [
        [order[i], order[i + 1]] if rng.random() < 0.5 else [order[i + 1], order[i]] for i in range(n - 1)
    ]
    rng.shuffle(doors)
    return {"n": n, "doors": doors, "start": order[0], "goal": order[-1]}


def scaling_graph(rng: random.Random, n: int) -> dict:
    return shuffled_path(rng, n)
