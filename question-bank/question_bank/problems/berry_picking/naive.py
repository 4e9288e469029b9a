def berry_picking(berries: list[int]) -> int:
    """Enumerate every non-adjacent choice of bushes (explicit stack): exponential."""
    best = 0
    stack = [(0, 0)]  # (next bush we may consider, berries so far)
    while stack:
        start, total = stack.pop()
        best = max(best, total)
        for bush in range(start, len(berries)):
            stack.append((bush + 2, total + berries[bush]))
    return best
