from collections import deque


# Tries every distinct grade from the smallest, with a fresh BFS over the allowed roads each time:
# O(distinct grades * (n + m)).
def gentlest_steepest_grade(n, roads, source, target):
    if source == target:
        return 0
    for limit in sorted({g for _, _, g in roads}):
        neighbours = [[] for _ in range(n)]
        for a, b, g in roads:
            if g <= limit:
                neighbours[a].append(b)
                neighbours[b].append(a)
        seen = [False] * n
        seen[source] = True
        queue = deque([source])
        while queue:
            x = queue.popleft()
            for y in neighbours[x]:
                if not seen[y]:
                    seen[y] = True
                    queue.append(y)
        if seen[target]:
            return limit
    return -1
