from itertools import pairwise, permutations


def drone_route(cost: list[list[int]]) -> int:
    """Every order of the checkpoints: O((n-1)! * n)."""
    n = len(cost)
    best = 0 if n == 1 else None
    for order in permutations(range(1, n)):
        route = (0,) + order + (0,)
        total = sum(cost[a][b] for a, b in pairwise(route))
        if best is None or total < best:
            best = total
    return best
