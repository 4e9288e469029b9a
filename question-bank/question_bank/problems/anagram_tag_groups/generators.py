"""Many tags drawn from many anagram families, so pairwise grouping is slow."""

import string


def many_tags(rng, n, families):
    bases = [
        "".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(8, 20)))
        for _ in range(families)
    ]
    tags = []
    for _ in range(n):
        letters = list(rng.choice(bases))
        rng.shuffle(letters)
        tags.append("".join(letters))
    return {"tags": tags}


def scaled(rng, n):
    return many_tags(rng, n, n // 5)
