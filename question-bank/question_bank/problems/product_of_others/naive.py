def product_of_others(cards):
    # Multiply everyone else for every player: O(n^2).
    n = len(cards)
    score = []
    for i in range(n):
        product = 1
        for j in range(n):
            if j != i:
                product *= cards[j]
        score.append(product)
    return score
