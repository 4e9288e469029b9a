def longest_distinct_streak(flavours: list[int]) -> int:
    last_index: dict[int, int] = {}
    left = best = 0
    for right, flavour in enumerate(flavours):
        previous = last_index.get(flavour, -1)
        if previous >= left:  # the repeat is inside the window: drop everything up to it
            left = previous + 1
        last_index[flavour] = right
        best = max(best, right - left + 1)
    return best
