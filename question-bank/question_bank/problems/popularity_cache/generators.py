import random


def _calls(rng: random.Random, capacity: int, calls: int, pick_key) -> dict:
    operations, arguments = [], []
    for _ in range(calls):
        if rng.random() < 0.5:
            operations.append("get")
            arguments.append([pick_key()])
        else:
            operations.append("put")
            arguments.append([pick_key(), rng.randint(0, 10**9)])
    return {"constructor": [capacity], "operations": operations, "arguments": arguments}


def traffic(rng: random.Random, capacity: int, calls: int, keys: int) -> dict:
    return _calls(rng, capacity, calls, lambda: rng.randrange(keys))


def skewed_traffic(rng: random.Random, capacity: int, calls: int, keys: int) -> dict:
    """A few very popular keys plus a long tail: counts spread out, many evictions of the tail."""
    hot = rng.sample(range(keys), 50)
    return _calls(
        rng, capacity, calls, lambda: rng.choice(hot) if rng.random() < 0.3 else rng.randrange(keys)
    )


def scaling(rng: random.Random, n: int) -> dict:
    return traffic(rng, n // 4, n, n)
