"""Texts where the covering windows are long, so extending from every start is quadratic."""

import string


def rare_letter_text(rng, n):
    # 'Z' appears only at the very end, so every start must extend to the end before it is covered.
    body = [rng.choice(string.ascii_lowercase) for _ in range(n - 1)]
    return {"text": "".join(body) + "Z", "note": "aeiouZ"}


def random_text(rng, n, note_length):
    text = "".join(rng.choice(string.ascii_letters) for _ in range(n))
    note = "".join(rng.choice(string.ascii_letters) for _ in range(note_length))
    return {"text": text, "note": note}


def scaled(rng, n):
    return rare_letter_text(rng, n)
