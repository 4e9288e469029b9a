import math
import random


def random_costs(rng: random.Random, n: int, max_cost: int) -> dict:
    cost = [[0 if i == j else rng.randint(0, max_cost) for j in range(n)] for i in range(n)]
    return {"cost": cost}


def plane_points(rng: random.Random, n: int) -> dict:
    """Points in a plane with a wind from the west: flying east is 20% cheaper."""
    points = [(rng.randint(0, 1000), rng.randint(0, 1000)) for _ in range(n)]
    cost = []
    for x1, y1 in points:
        row = []
        for x2, y2 in points:
            distance = math.hypot(x2 - x1, y2 - y1)
            row.append(round(distance * (0.8 if x2 > x1 else 1.0)))
        cost.append(row)
    return {"cost": cost}


def scaling(rng: random.Random, n: int) -> dict:
    return random_costs(rng, n, 1000)
