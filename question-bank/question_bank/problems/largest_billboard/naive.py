def largest_billboard(heights):
    # Every left end, extend right keeping the minimum height: O(n^2).
    best = 0
    n = len(heights)
    for left in range(n):
        lowest = heights[left]
        for right in range(left, n):
            lowest = min(lowest, heights[right])
            best = max(best, lowest * (right - left + 1))
    return best
