MOD = 1_000_000_007


def warehouse_paths(floor: list[list[int]]) -> int:
    """Walk every route explicitly (DFS with a stack): exponential."""
    rows, cols = len(floor), len(floor[0])
    if floor[0][0] == 1:
        return 0
    count, stack = 0, [(0, 0)]
    while stack:
        r, c = stack.pop()
        if (r, c) == (rows - 1, cols - 1):
            count += 1
            continue
        if r + 1 < rows and floor[r + 1][c] == 0:
            stack.append((r + 1, c))
        if c + 1 < cols and floor[r][c + 1] == 0:
            stack.append((r, c + 1))
    return count % MOD
