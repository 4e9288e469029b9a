from bisect import bisect_right


def shelf_height_counts(heights: list[int], queries: list[int]) -> list[int]:
    # bisect_right = first index whose height is greater than the gap = number of boxes that fit.
    # (Hand-written, the loop is: lo, hi = 0, n; while lo < hi: mid = (lo + hi) // 2;
    #  if heights[mid] <= gap: lo = mid + 1 else: hi = mid.)
    return [bisect_right(heights, gap) for gap in queries]
