# Drops the most expensive repair (found by a linear scan) until the rest fit: O(n^2).
def most_repairs(costs, budget):
    chosen = list(costs)
    total = sum(chosen)
    while total > budget:
        worst = max(range(len(chosen)), key=chosen.__getitem__)
        total -= chosen.pop(worst)
    return len(chosen)
