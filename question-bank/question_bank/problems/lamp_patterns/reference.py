def lamp_patterns(n: int, max_on: int) -> list[str]:
    patterns: list[str] = []
    chars: list[str] = []

    def place(prev_on: bool, used: int) -> None:
        if len(chars) == n:
            patterns.append("".join(chars))
            return
        chars.append("0")
        place(False, used)
        chars.pop()
        if not prev_on and used < max_on:  # only prefixes that can still become valid
            chars.append("1")
            place(True, used + 1)
            chars.pop()

    place(False, 0)
    return patterns
