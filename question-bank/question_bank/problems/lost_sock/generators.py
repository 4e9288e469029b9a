import random

LOW, HIGH = -(2**31), 2**31 - 1


def _distinct_ids(rng: random.Random, count: int) -> list[int]:
    ids: set[int] = set()
    while len(ids) < count:
        ids.add(rng.randint(LOW, HIGH))
    return list(ids)


def pile(rng: random.Random, pairs: int) -> dict:
    ids = _distinct_ids(rng, pairs + 1)
    socks = ids[:pairs] * 2 + [ids[pairs]]
    rng.shuffle(socks)
    return {"ids": socks}


def pile_lonely_last(rng: random.Random, pairs: int) -> dict:
    """Worst case for scan-and-count: the lonely sock is at the very end."""
    ids = _distinct_ids(rng, pairs + 1)
    socks = ids[:pairs] * 2
    rng.shuffle(socks)
    return {"ids": socks + [ids[pairs]]}


def scaling(rng: random.Random, n: int) -> dict:
    return pile(rng, n // 2)
