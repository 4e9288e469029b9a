from collections import deque


def can_reach(n, doors, start, goal):
    neighbours = [[] for _ in range(n)]
    for a, b in doors:
        neighbours[a].append(b)
        neighbours[b].append(a)
    visited = [False] * n
    visited[start] = True
    queue = deque([start])
    while queue:
        room = queue.popleft()
        if room == goal:
            return True
        for nxt in neighbours[room]:
            if not visited[nxt]:
                visited[nxt] = True
                queue.append(nxt)
    return False
