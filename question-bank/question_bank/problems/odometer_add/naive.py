def odometer_add(digits: list[int], miles: int) -> list[int]:
    """Click the odometer forward one mile at a time: O(miles)."""
    result = list(digits)
    for _ in range(miles):
        i = len(result) - 1
        while i >= 0 and result[i] == 9:
            result[i] = 0
            i -= 1
        if i < 0:
            result.insert(0, 1)
        else:
            result[i] += 1
    return result
