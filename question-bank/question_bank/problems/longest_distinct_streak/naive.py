def longest_distinct_streak(flavours):
    # From every start, extend while values stay distinct: O(n^2) when few values repeat.
    best = 0
    for start in range(len(flavours)):
        seen = set()
        for end in range(start, len(flavours)):
            if flavours[end] in seen:
                break
            seen.add(flavours[end])
        best = max(best, len(seen))
    return best
