def rain_between_dunes(dunes: list[int]) -> int:
    lo, hi = 0, len(dunes) - 1
    left_max = right_max = water = 0
    while lo < hi:
        # The lower side is bounded by its own running maximum: the other side is at least as high.
        if dunes[lo] < dunes[hi]:
            left_max = max(left_max, dunes[lo])
            water += left_max - dunes[lo]
            lo += 1
        else:
            right_max = max(right_max, dunes[hi])
            water += right_max - dunes[hi]
            hi -= 1
    return water
