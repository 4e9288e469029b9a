def ticket_pair_budget(prices, budget):
    # Try every pair: O(n^2).
    n = len(prices)
    for i in range(n):
        for j in range(i + 1, n):
            if prices[i] + prices[j] == budget:
                return [i, j]
    return []
