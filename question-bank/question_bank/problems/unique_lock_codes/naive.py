def unique_lock_codes(digits: list[int]) -> list[list[int]]:
    """The first idea most candidates write: try every ordering of the key presses (n! of them, each
    repeat counted again), collect the codes in a set, sort at the end. 11 digits: 39.9 million
    orderings built one digit at a time; the reference builds only the distinct codes (at most a few
    thousand for repeated digits)."""
    n = len(digits)
    used = [False] * n
    code: list[int] = []
    seen: set[tuple[int, ...]] = set()

    def place() -> None:
        if len(code) == n:
            seen.add(tuple(code))
            return
        for i in range(n):
            if not used[i]:
                used[i] = True
                code.append(digits[i])
                place()
                code.pop()
                used[i] = False

    place()
    return [list(c) for c in sorted(seen)]
