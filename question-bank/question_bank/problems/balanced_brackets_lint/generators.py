"""Deeply nested brackets: pair-deleting solutions need one pass per nesting level."""

KINDS = ["()", "[]", "{}", "<>"]


def deep_nesting(rng, depth, break_at_end=False):
    pairs = [rng.choice(KINDS) for _ in range(depth)]
    opening = "".join(p[0] for p in pairs)
    closing = "".join(p[1] for p in reversed(pairs))
    if break_at_end:
        closing = closing[:-1] + ("]" if closing[-1] != "]" else ")")
    return {"s": opening + closing}


def scaled(rng, n):
    return deep_nesting(rng, n // 2)
