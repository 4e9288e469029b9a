def vending_combinations(coins: list[int], price: int) -> list[list[int]]:
    values = sorted(coins)
    collections: list[list[int]] = []
    chosen: list[int] = []

    def pick(start: int, remaining: int) -> None:
        if remaining == 0:
            collections.append(chosen.copy())
            return
        for i in range(start, len(values)):
            if values[i] > remaining:
                break  # values are sorted, so every later coin is too big as well
            chosen.append(values[i])
            pick(i, remaining - values[i])  # i, not i + 1: the same coin may be used again
            chosen.pop()

    pick(0, price)
    return collections
