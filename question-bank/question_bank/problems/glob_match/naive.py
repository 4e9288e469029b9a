import sys


def glob_match(text: str, pattern: str) -> bool:
    """Try both choices for every '*' without memoisation: exponential."""
    sys.setrecursionlimit(10_000)

    def match(i: int, j: int) -> bool:
        if j == len(pattern):
            return i == len(text)
        if pattern[j] == "*":
            return match(i, j + 1) or (i < len(text) and match(i + 1, j))
        return i < len(text) and pattern[j] in ("?", text[i]) and match(i + 1, j + 1)

    return match(0, 0)
