import random

CHARS = "ab"


def _text(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(CHARS) for _ in range(length))


def matching_pair(rng: random.Random, length: int, stars: int) -> dict:
    """Cut a random text into pieces and replace some pieces by '*' and some letters by '?'."""
    text = _text(rng, length)
    cuts = sorted(rng.sample(range(1, length), 2 * stars))
    pieces, last = [], 0
    for k, cut in enumerate(cuts):
        chunk = text[last:cut]
        pieces.append("*" if k % 2 else "".join("?" if rng.random() < 0.1 else c for c in chunk))
        last = cut
    pieces.append(text[last:])
    return {"text": text, "pattern": "".join(pieces)}


def star_trap(rng: random.Random, length: int, stars: int) -> dict:
    """'aaa…a' against '*a*a*…*b': every split of the text is tried by naive recursion."""
    return {"text": "a" * length, "pattern": "*a" * stars + "*b"}


def random_fail(rng: random.Random, length: int, stars: int) -> dict:
    """A matching pattern plus a tail that can never match: the text ends in 'aaaa', the pattern in
    '*aaab', so the answer is false but only the very end of the text reveals it."""
    pair = matching_pair(rng, length, stars)
    return {"text": pair["text"] + "aaaa", "pattern": pair["pattern"] + "*aaab"}


def scaling(rng: random.Random, n: int) -> dict:
    return matching_pair(rng, n, n // 40)
