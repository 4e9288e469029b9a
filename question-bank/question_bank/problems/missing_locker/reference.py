def missing_locker(keys: list[int]) -> int:
    n = len(keys)
    return n * (n + 1) // 2 - sum(keys)  # Python ints do not overflow; see other languages
