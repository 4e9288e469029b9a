def max_xor_pair(codes: list[int]) -> int:
    """Every pair: O(n^2)."""
    best = 0
    for i in range(len(codes)):
        for j in range(i + 1, len(codes)):
            best = max(best, codes[i] ^ codes[j])
    return best
