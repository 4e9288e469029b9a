import random


def history(rng: random.Random, keys: int, sets: int, gets: int) -> dict:
    names = [f"flag_{i}" for i in range(keys)]
    # set timestamps strictly increase; gets are spread over the whole range
    set_times = sorted(rng.sample(range(1, 10**9), sets))
    calls = [("set", t) for t in set_times] + [("get", rng.randint(1, 10**9)) for _ in range(gets)]
    # keep sets in time order while mixing gets in between
    rng.shuffle(calls)
    set_iter = iter(set_times)
    operations, arguments = [], []
    for kind, t in calls:
        key = rng.choice(names)
        if kind == "set":
            operations.append("set")
            arguments.append([key, f"v{rng.randrange(1000)}", next(set_iter)])
        else:
            operations.append("get")
            arguments.append([key, t])
    return {"constructor": [], "operations": operations, "arguments": arguments}


def scaling(rng: random.Random, n: int) -> dict:
    return history(rng, 2, n // 2, n // 2)
