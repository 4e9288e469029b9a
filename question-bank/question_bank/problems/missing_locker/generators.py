"""Shuffled key lists; the missing key is late in the 0..n order so a per-locker search is slow."""


def shuffled_keys(rng, n, missing):
    gone = n - 3 if missing == "near_end" else rng.randint(0, n)
    keys = [k for k in range(n + 1) if k != gone]
    rng.shuffle(keys)
    return {"keys": keys}


def scaled(rng, n):
    return shuffled_keys(rng, n, "near_end")
