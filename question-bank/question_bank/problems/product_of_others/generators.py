"""Long hands of mostly +1/-1 cards with a few larger ones, so every product stays within 32 bits."""


def mostly_unit_cards(rng, n, zeros):
    cards = [rng.choice((1, -1)) for _ in range(n)]
    for position in rng.sample(range(n), 15):
        cards[position] = rng.choice((2, -2, 3))  # |any product| <= 3^15, far inside 32 bits
    for position in rng.sample(range(n), zeros):
        cards[position] = 0
    return {"cards": cards}


def scaled(rng, n):
    return mostly_unit_cards(rng, n, 0)
