MOD = 1_000_000_007


def stepping_stones(n: int, cracked: list[int]) -> int:
    """Walk every hop sequence explicitly: correct, but exponential in n."""
    broken = set(cracked)
    count, stack = 0, [0]
    while stack:
        stone = stack.pop()
        if stone == n:
            count += 1
            continue
        for hop in (1, 2):
            nxt = stone + hop
            if nxt <= n and nxt not in broken:
                stack.append(nxt)
    return count % MOD
