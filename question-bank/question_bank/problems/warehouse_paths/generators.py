import random


def open_floor(rng: random.Random, rows: int, cols: int) -> dict:
    return {"floor": [[0] * cols for _ in range(rows)]}


def shelves(rng: random.Random, rows: int, cols: int, density: float) -> dict:
    floor = [[1 if rng.random() < density else 0 for _ in range(cols)] for _ in range(rows)]
    floor[0][0] = floor[-1][-1] = 0
    return {"floor": floor}


def scaling(rng: random.Random, n: int) -> dict:
    return shelves(rng, n, n, 0.1)
