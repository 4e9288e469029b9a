import random
import string


def random_game(rng: random.Random, rows: int, cols: int, n_words: int, alphabet: int) -> dict:
    """Board and words over the first `alphabet` letters; half the words are read off real board
    paths (so they are found), half are random (mostly not found)."""
    letters = string.ascii_lowercase[:alphabet]
    board = ["".join(rng.choice(letters) for _ in range(cols)) for _ in range(rows)]
    words = []
    for _ in range(n_words):
        length = rng.randint(1, 10)
        if rng.random() < 0.5:
            words.append(_random_path_word(rng, board, length))
        else:
            words.append("".join(rng.choice(letters) for _ in range(length)))
    return {"board": board, "words": words}


def _random_path_word(rng, board, length):
    rows, cols = len(board), len(board[0])
    r, c = rng.randrange(rows), rng.randrange(cols)
    used, letters = {(r, c)}, [board[r][c]]
    while len(letters) < length:
        steps = [(r + dr, c + dc) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))]
        steps = [(y, x) for y, x in steps if 0 <= y < rows and 0 <= x < cols and (y, x) not in used]
        if not steps:
            break
        r, c = rng.choice(steps)
        used.add((r, c))
        letters.append(board[r][c])
    return "".join(letters)


def scaling_game(rng: random.Random, n: int) -> dict:
    return random_game(rng, 12, 12, n, 5)


def near_miss_game(
    rng: random.Random, rows: int, cols: int, n_words: int, alphabet: int, prefix_len: int
) -> dict:
    """Most words follow a real board path for `prefix_len` letters and then need two letters that
    are not on the board. Searching word by word re-walks those shared paths for every word; a trie
    walks each path once."""
    letters = string.ascii_lowercase[:alphabet]
    missing = string.ascii_lowercase[alphabet:]
    board = ["".join(rng.choice(letters) for _ in range(cols)) for _ in range(rows)]
    words = []
    for _ in range(n_words):
        word = _random_path_word(rng, board, prefix_len)
        if rng.random() < 0.9:
            word += rng.choice(missing) + rng.choice(missing)
        words.append(word)
    return {"board": board, "words": words}
