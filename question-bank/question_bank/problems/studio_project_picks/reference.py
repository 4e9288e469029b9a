import heapq


def final_funds(k, funds, profit, required):
    projects = sorted(zip(required, profit))
    affordable = []  # max-heap of profits (stored negated)
    nxt = 0
    for _ in range(k):
        while nxt < len(projects) and projects[nxt][0] <= funds:
            heapq.heappush(affordable, -projects[nxt][1])
            nxt += 1
        if not affordable:
            break  # nothing is affordable now, and funds will not grow
        funds -= heapq.heappop(affordable)
    return funds
