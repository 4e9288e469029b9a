MOD = 1_000_000_007


def stepping_stones(n: int, cracked: list[int]) -> int:
    broken = set(cracked)
    two_back, one_back = 0, 1  # ways to reach stone i-2 and i-1; stone 0 is reached one way
    for stone in range(1, n + 1):
        here = 0 if stone in broken else (one_back + two_back) % MOD
        two_back, one_back = one_back, here
    return one_back
