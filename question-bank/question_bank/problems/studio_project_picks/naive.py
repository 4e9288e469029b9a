# Each round scans every unused project for the best affordable one: O(k * n).
def final_funds(k, funds, profit, required):
    used = [False] * len(profit)
    for _ in range(k):
        best = -1
        for i in range(len(profit)):
            if not used[i] and required[i] <= funds and (best < 0 or profit[i] > profit[best]):
                best = i
        if best < 0:
            break
        used[best] = True
        funds += profit[best]
    return funds
