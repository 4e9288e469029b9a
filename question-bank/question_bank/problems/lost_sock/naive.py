def lost_sock(ids: list[int]) -> int:
    """Count every id with a nested scan: O(n^2)."""
    for candidate in ids:
        if sum(1 for other in ids if other == candidate) == 1:
            return candidate
    raise ValueError("no lonely sock")
