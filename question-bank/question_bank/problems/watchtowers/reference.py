def watchtowers(n: int, swamps: list[list[int]]) -> int:
    swamp_mask = [0] * n  # per row, the columns that cannot hold a tower
    for row, col in swamps:
        swamp_mask[row] |= 1 << col
    full = (1 << n) - 1

    def place(row: int, cols: int, down_right: int, down_left: int) -> int:
        # cols / down_right / down_left: columns this row cannot use because of earlier towers
        if row == n:
            return 1
        ways = 0
        free = full & ~(cols | down_right | down_left | swamp_mask[row])
        while free:
            bit = free & -free  # lowest free column
            free ^= bit
            ways += place(row + 1, cols | bit, ((down_right | bit) << 1) & full, (down_left | bit) >> 1)
        return ways

    return place(0, 0, 0, 0)
