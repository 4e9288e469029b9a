import random


def _place_ends(rng, grid):
    rows, cols = len(grid), len(grid[0])
    cells = rng.sample(range(rows * cols), 2)
    for cell, mark in zip(cells, "SE"):
        grid[cell // cols][cell % cols] = mark
    return {"floor": ["".join(row) for row in grid]}


def random_floor(rng: random.Random, rows: int, cols: int, shelves: float) -> dict:
    grid = [["#" if rng.random() < shelves else "." for _ in range(cols)] for _ in range(rows)]
    return _place_ends(rng, grid)


def serpentine_floor(rng: random.Random, rows: int, cols: int) -> dict:
    """Shelf rows with one gap at alternating ends force a single winding aisle from the top-left
    corner to the bottom; S is at the top, E at the far end of the last aisle."""
    grid = [["."] * cols for _ in range(rows)]
    for r in range(1, rows, 2):
        gap = cols - 1 if (r // 2) % 2 == 0 else 0
        for c in range(cols):
            if c != gap:
                grid[r][c] = "#"
    last = rows - 1 if rows % 2 == 1 else rows - 2
    grid[0][0] = "S"
    grid[last][cols - 1 if (last // 2) % 2 == 0 else 0] = "E"
    return {"floor": ["".join(row) for row in grid]}


def scaling_floor(rng: random.Random, n: int) -> dict:
    side = int(n**0.5)
    return serpentine_floor(rng, side, side)  # the search must cover the whole floor
