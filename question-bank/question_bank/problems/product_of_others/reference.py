def product_of_others(cards: list[int]) -> list[int]:
    n = len(cards)
    score = [1] * n
    left = 1
    for i in range(n):  # score[i] = product of cards[0..i-1]
        score[i] = left
        left *= cards[i]
    right = 1
    for i in range(n - 1, -1, -1):  # times product of cards[i+1..n-1]
        score[i] *= right
        right *= cards[i]
    return score
