import random
import string


def _word(rng, alphabet, max_len):
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, max_len)))


def random_catalogue(rng: random.Random, n: int, q: int, alphabet: int) -> dict:
    """Small alphabets make many titles share beginnings; half the prefixes are cut from real titles."""
    letters = string.ascii_lowercase[:alphabet]
    titles = [_word(rng, letters, 30) for _ in range(n)]
    prefixes = []
    for _ in range(q):
        if titles and rng.random() < 0.5:
            title = rng.choice(titles)
            prefixes.append(title[: rng.randint(0, len(title))])
        else:
            prefixes.append(_word(rng, letters, 8))
    return {"titles": titles, "prefixes": prefixes}


def scaling_catalogue(rng: random.Random, n: int) -> dict:
    return random_catalogue(rng, n, n, 5)
