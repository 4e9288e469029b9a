def higher_bid_wait(bids: list[int]) -> list[int]:
    wait = [0] * len(bids)
    waiting: list[int] = []  # minutes without a higher bid yet; their bids never increase upwards
    for i, bid in enumerate(bids):
        while waiting and bids[waiting[-1]] < bid:
            j = waiting.pop()
            wait[j] = i - j
        waiting.append(i)
    return wait
