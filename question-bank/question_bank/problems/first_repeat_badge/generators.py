"""Logs where nothing repeats until the very end (or never), so look-back scans do all the work."""


def distinct_then_repeat(rng, n, repeat):
    badges = rng.sample(range(-(10**9), 10**9), n)
    if repeat:
        badges[-1] = badges[0]
    return {"badges": badges}


def scaled(rng, n):
    return distinct_then_repeat(rng, n, repeat=False)
