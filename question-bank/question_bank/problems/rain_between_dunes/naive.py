def rain_between_dunes(dunes):
    # For every column, scan both directions for the highest sand: O(n^2).
    water = 0
    n = len(dunes)
    for i in range(n):
        left_max = max(dunes[: i + 1])
        right_max = max(dunes[i:])
        water += min(left_max, right_max) - dunes[i]
    return water
