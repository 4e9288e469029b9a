def lost_sock(ids: list[int]) -> int:
    # x ^ x == 0, so every pair cancels and only the lonely id survives.
    acc = 0
    for sock in ids:
        acc ^= sock
    return acc
