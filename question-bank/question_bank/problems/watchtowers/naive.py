from itertools import permutations


def watchtowers(n: int, swamps: list[list[int]]) -> int:
    """Every column order (one tower per row and column), checked afterwards: O(n! * n^2)."""
    swamp = {(r, c) for r, c in swamps}
    count = 0
    for columns in permutations(range(n)):
        if any((r, c) in swamp for r, c in enumerate(columns)):
            continue
        if (
            len({r - c for r, c in enumerate(columns)}) == n
            and len({r + c for r, c in enumerate(columns)}) == n
        ):
            count += 1
    return count
