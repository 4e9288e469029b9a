# Recounts regions with a full graph search after every bridge: O(m * (n + m)).
def regions_after_each(n, bridges):
    neighbours = [[] for _ in range(n)]
    counts = []
    for a, b in bridges:
        neighbours[a].append(b)
        neighbours[b].append(a)
        seen = [False] * n
        regions = 0
        for start in range(n):
            if seen[start]:
                continue
            regions += 1
            seen[start] = True
            stack = [start]
            while stack:
                x = stack.pop()
                for y in neighbours[x]:
                    if not seen[y]:
                        seen[y] = True
                        stack.append(y)
        counts.append(regions)
    return counts
