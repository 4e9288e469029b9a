import heapq


def build_order(n, deps):
    dependents = [[] for _ in range(n)]
    missing = [0] * n  # unbuilt dependencies per package
    for a, b in deps:
        dependents[b].append(a)
        missing[a] += 1
    ready = [p for p in range(n) if missing[p] == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        p = heapq.heappop(ready)
        order.append(p)
        for d in dependents[p]:
            missing[d] -= 1
            if missing[d] == 0:
                heapq.heappush(ready, d)
    return order if len(order) == n else []
