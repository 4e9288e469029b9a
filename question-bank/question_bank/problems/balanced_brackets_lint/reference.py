PARTNER = {")": "(", "]": "[", "}": "{", ">": "<"}
OPENERS = set(PARTNER.values())


def balanced_brackets_lint(s: str) -> bool:
    open_brackets: list[str] = []
    for ch in s:
        if ch in OPENERS:
            open_brackets.append(ch)
        elif ch in PARTNER and (not open_brackets or open_brackets.pop() != PARTNER[ch]):
            return False
    return not open_brackets
