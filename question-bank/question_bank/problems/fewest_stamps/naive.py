def fewest_stamps(stamps: list[int], postage: int) -> int:
    """Try every sequence of stamps (explicit stack, no memo): exponential."""
    best = -1
    stack = [(postage, 0)]  # (postage still to cover, stamps used)
    while stack:
        remaining, used = stack.pop()
        if remaining == 0:
            if best == -1 or used < best:
                best = used
            continue
        for stamp in stamps:
            if stamp <= remaining:
                stack.append((remaining - stamp, used + 1))
    return best
