def kth_smallest_gap(readings: list[int], k: int) -> int:
    values = sorted(readings)
    n = len(values)

    def gaps_at_most(limit: int) -> int:
        count = left = 0
        for right in range(n):  # pairs (left..right-1, right) with gap <= limit
            while values[right] - values[left] > limit:
                left += 1
            count += right - left
        return count

    lo, hi = 0, values[-1] - values[0]
    while lo < hi:  # smallest gap g with at least k gaps <= g; it is always a real gap
        mid = (lo + hi) // 2
        if gaps_at_most(mid) >= k:
            hi = mid
        else:
            lo = mid + 1
    return lo
