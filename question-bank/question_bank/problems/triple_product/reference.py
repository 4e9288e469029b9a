def triple_product(ratings: list[int]) -> int:
    # The winner is either the three largest, or the two most negative times the largest.
    inf = float("inf")
    max1 = max2 = max3 = -inf  # max1 >= max2 >= max3
    min1 = min2 = inf  # min1 <= min2
    for r in ratings:
        if r > max1:
            max1, max2, max3 = r, max1, max2
        elif r > max2:
            max2, max3 = r, max2
        elif r > max3:
            max3 = r
        if r < min1:
            min1, min2 = r, min1
        elif r < min2:
            min2 = r
    return int(max(max1 * max2 * max3, min1 * min2 * max1))
