def triple_product(ratings: list[int]) -> int:
    """Try every triple of positions: O(n^3)."""
    n = len(ratings)
    best = None
    for i in range(n):
        for j in range(i + 1, n):
            for k in range(j + 1, n):
                p = ratings[i] * ratings[j] * ratings[k]
                if best is None or p > best:
                    best = p
    return best
