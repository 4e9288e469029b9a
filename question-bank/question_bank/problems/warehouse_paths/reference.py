MOD = 1_000_000_007


def warehouse_paths(floor: list[list[int]]) -> int:
    cols = len(floor[0])
    ways = [0] * cols  # ways[c]: routes reaching (current row, c)
    ways[0] = 1 if floor[0][0] == 0 else 0
    for row in floor:
        for c in range(cols):
            if row[c] == 1:
                ways[c] = 0
            elif c > 0:
                ways[c] = (ways[c] + ways[c - 1]) % MOD  # from above + from the left
    return ways[-1]
