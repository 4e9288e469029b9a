# Relaxes every cell from its neighbours until no distance changes; a winding aisle needs about one
# pass per cell of every aisle walked "against" the scan direction.
def fewest_moves(floor):
    rows, cols = len(floor), len(floor[0])
    INF = float("inf")
    dist = [[0 if floor[r][c] == "S" else INF for c in range(cols)] for r in range(rows)]
    changed = True
    while changed:
        changed = False
        for r in range(rows):
            for c in range(cols):
                if floor[r][c] == "#":
                    continue
                for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
                    if 0 <= nr < rows and 0 <= nc < cols and dist[nr][nc] + 1 < dist[r][c]:
                        dist[r][c] = dist[nr][nc] + 1
                        changed = True
    end = next(dist[r][c] for r in range(rows) for c in range(cols) if floor[r][c] == "E")
    return -1 if end == INF else end
