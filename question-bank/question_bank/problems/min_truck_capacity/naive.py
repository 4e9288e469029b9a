def min_truck_capacity(crates, days):
    # Try capacities upward from the heaviest crate: O(n * (answer - max)).
    capacity = max(crates)
    while True:
        used, load = 1, 0
        for weight in crates:
            if load + weight > capacity:
                used += 1
                load = 0
            load += weight
        if used <= days:
            return capacity
        capacity += 1
