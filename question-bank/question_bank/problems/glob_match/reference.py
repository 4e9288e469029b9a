def glob_match(text: str, pattern: str) -> bool:
    n = len(text)
    # prev[i]: does text[:i] match the pattern prefix handled so far (initially the empty pattern)?
    prev = [True] + [False] * n
    for p in pattern:
        cur = [False] * (n + 1)
        if p == "*":
            cur[0] = prev[0]
            for i in range(1, n + 1):
                cur[i] = prev[i] or cur[i - 1]  # '*' matches nothing, or one more character
        else:
            for i in range(1, n + 1):
                cur[i] = prev[i - 1] and (p == "?" or p == text[i - 1])
        prev = cur
    return prev[n]
