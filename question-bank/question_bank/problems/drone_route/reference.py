def drone_route(cost: list[list[int]]) -> int:
    n = len(cost)
    if n == 1:
        return 0
    others = n - 1  # checkpoints 1..n-1 are bits 0..n-2 of a mask
    full = (1 << others) - 1
    inf = float("inf")
    # best[mask][j]: cheapest flight from the pad over exactly `mask`, ending at checkpoint j + 1
    best = [[inf] * others for _ in range(1 << others)]
    for j in range(others):
        best[1 << j][j] = cost[0][j + 1]
    for mask in range(1, full + 1):
        row = best[mask]
        for j in range(others):
            here = row[j]
            if here == inf:
                continue
            from_j = cost[j + 1]
            for k in range(others):
                if not mask & (1 << k):
                    candidate = here + from_j[k + 1]
                    best[mask | (1 << k)][k] = min(best[mask | (1 << k)][k], candidate)
    return min(best[full][j] + cost[j + 1][0] for j in range(others))
