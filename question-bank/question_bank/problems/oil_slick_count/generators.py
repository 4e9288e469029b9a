import random


def random_photo(rng: random.Random, rows: int, cols: int, oil: float) -> dict:
    return {"photo": ["".join("#" if rng.random() < oil else "." for _ in range(cols)) for _ in range(rows)]}


def serpentine(rng: random.Random, rows: int, cols: int) -> dict:
    """One long slick snaking left and right through the whole picture, plus a few stray drops in
    the gaps. Label-lowering sweeps need a pass per cell of every right-to-left run."""
    grid = [["."] * cols for _ in range(rows)]
    for r in range(0, rows, 2):
        for c in range(cols):
            grid[r][c] = "#"
        if r + 1 < rows:
            grid[r + 1][cols - 1 if (r // 2) % 2 == 0 else 0] = "#"
    for r in range(1, rows, 2):
        for c in range(2, cols - 2):
            if rng.random() < 0.05:
                grid[r][c] = "#"
    return {"photo": ["".join(row) for row in grid]}


def scaling_photo(rng: random.Random, n: int) -> dict:
    side = int(n**0.5)
    return random_photo(rng, side, side, 0.5)
