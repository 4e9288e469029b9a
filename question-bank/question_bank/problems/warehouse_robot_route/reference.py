from collections import deque


def fewest_moves(floor):
    rows, cols = len(floor), len(floor[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if floor[r][c] == "S")
    dist = [[-1] * cols for _ in range(rows)]
    dist[start[0]][start[1]] = 0
    queue = deque([start])
    while queue:
        r, c = queue.popleft()
        if floor[r][c] == "E":
            return dist[r][c]
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and floor[nr][nc] != "#" and dist[nr][nc] < 0:
                dist[nr][nc] = dist[r][c] + 1  # mark on push so each cell is queued once
                queue.append((nr, nc))
    return -1
