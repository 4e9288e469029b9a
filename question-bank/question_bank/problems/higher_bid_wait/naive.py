def higher_bid_wait(bids):
    # Look ahead from every minute: O(n^2) when bids keep falling.
    n = len(bids)
    wait = [0] * n
    for i in range(n):
        for j in range(i + 1, n):
            if bids[j] > bids[i]:
                wait[i] = j - i
                break
    return wait
