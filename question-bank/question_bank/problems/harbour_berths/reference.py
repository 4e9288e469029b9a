import heapq


def berths_needed(visits):
    docked = []  # departure times of boats currently in a berth
    most = 0
    for arrive, leave in sorted(visits):
        while docked and docked[0] <= arrive:  # berth freed at t serves an arrival at t
            heapq.heappop(docked)
        heapq.heappush(docked, leave)
        most = max(most, len(docked))
    return most
