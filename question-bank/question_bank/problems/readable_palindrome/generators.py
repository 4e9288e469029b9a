"""Long signs mixing letters, digits, spaces and punctuation; a palindrome or broken in the middle."""

import string

ALNUM = string.ascii_letters + string.digits
JUNK = " ,.!?-:;'"


def long_sign(rng, n, palindrome):
    half = [rng.choice(ALNUM) for _ in range(n // 4)]
    mirrored = half + [c.swapcase() if rng.random() < 0.5 else c for c in reversed(half)]
    if not palindrome:
        middle = len(mirrored) // 2
        mirrored[middle] = "x" if mirrored[middle - 1].lower() != "x" else "y"
    chars = []
    for c in mirrored:
        chars.append(c)
        if rng.random() < 0.5:
            chars.append(rng.choice(JUNK))
    return {"s": "".join(chars)}


def scaled(rng, n):
    return long_sign(rng, n, palindrome=True)
