def min_truck_capacity(crates: list[int], days: int) -> int:
    def days_needed(capacity: int) -> int:
        used, load = 1, 0
        for weight in crates:
            if load + weight > capacity:  # this crate waits for tomorrow's truck
                used += 1
                load = 0
            load += weight
        return used

    lo, hi = max(crates), sum(crates)  # the answer lies in [lo, hi]
    while lo < hi:
        mid = (lo + hi) // 2
        if days_needed(mid) <= days:
            hi = mid
        else:
            lo = mid + 1
    return lo
