# Scans every unfinished job at each step to find the next one: O(n^2).
def press_order(jobs):
    done = [False] * len(jobs)
    order = []
    time = 0
    while len(order) < len(jobs):
        best = None
        for i, (arrival, duration) in enumerate(jobs):
            if not done[i] and arrival <= time and (best is None or duration < jobs[best][1]):
                best = i
        if best is None:
            time = min(a for i, (a, _) in enumerate(jobs) if not done[i])
            continue
        done[best] = True
        order.append(best)
        time += jobs[best][1]
    return order
