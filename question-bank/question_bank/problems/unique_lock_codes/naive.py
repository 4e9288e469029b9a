from itertools import permutations


def unique_lock_codes(digits: list[int]) -> list[list[int]]:
    """All n! orderings, deduplicated afterwards."""
    return [list(code) for code in sorted(set(permutations(digits)))]
