def ticket_pair_budget(prices: list[int], budget: int) -> list[int]:
    seen: dict[int, int] = {}  # price -> index of an earlier ticket with that price
    for j, price in enumerate(prices):
        partner = seen.get(budget - price)
        if partner is not None:
            return [partner, j]
        seen[price] = j
    return []
