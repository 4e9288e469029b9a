import random
import string


def tunes(rng: random.Random, len_a: int, len_b: int, notes: int) -> dict:
    alphabet = string.ascii_lowercase[:notes]
    return {
        "tune_a": "".join(rng.choice(alphabet) for _ in range(len_a)),
        "tune_b": "".join(rng.choice(alphabet) for _ in range(len_b)),
    }


def scaling(rng: random.Random, n: int) -> dict:
    return tunes(rng, n, n, 7)
