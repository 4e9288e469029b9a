from collections import Counter


def unique_lock_codes(digits: list[int]) -> list[list[int]]:
    remaining = Counter(digits)  # digit value -> presses still to place
    codes: list[list[int]] = []
    code: list[int] = []

    def place() -> None:
        if len(code) == len(digits):
            codes.append(code.copy())
            return
        for value in sorted(remaining):  # each distinct value once, smallest first: sorted, no duplicates
            if remaining[value]:
                remaining[value] -= 1
                code.append(value)
                place()
                code.pop()
                remaining[value] += 1

    place()
    return codes
