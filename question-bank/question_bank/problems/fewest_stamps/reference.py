def fewest_stamps(stamps: list[int], postage: int) -> int:
    unreachable = postage + 1  # more stamps than any real answer could need
    best = [0] + [unreachable] * postage  # best[a]: fewest stamps summing to exactly a
    for amount in range(1, postage + 1):
        fewest = unreachable
        for stamp in stamps:
            if stamp <= amount and best[amount - stamp] + 1 < fewest:
                fewest = best[amount - stamp] + 1
        best[amount] = fewest
    return best[postage] if best[postage] < unreachable else -1
