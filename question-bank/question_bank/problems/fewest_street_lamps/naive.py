# dp[x] = fewest lamps lighting [0, x]; every lamp updates every point it lights: O(n * reach).
def fewest_lamps(n, reach):
    INF = float("inf")
    dp = [INF] * (n + 1)
    dp[0] = 0
    lamps = sorted((max(0, i - r), min(n, i + r)) for i, r in enumerate(reach) if r > 0)
    for lo, hi in lamps:  # by left end, so dp[lo] is final when used
        if dp[lo] == INF:
            continue
        for x in range(lo + 1, hi + 1):
            dp[x] = min(dp[x], dp[lo] + 1)
    return -1 if dp[n] == INF else dp[n]
