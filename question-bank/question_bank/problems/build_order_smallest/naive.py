# Finds the smallest ready package by scanning all packages every step: O(n^2 + m).
def build_order(n, deps):
    dependents = [[] for _ in range(n)]
    missing = [0] * n
    for a, b in deps:
        dependents[b].append(a)
        missing[a] += 1
    built = [False] * n
    order = []
    for _ in range(n):
        p = next((q for q in range(n) if not built[q] and missing[q] == 0), None)
        if p is None:
            return []
        built[p] = True
        order.append(p)
        for d in dependents[p]:
            missing[d] -= 1
    return order
