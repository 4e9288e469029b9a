import heapq


def press_order(jobs):
    by_arrival = sorted(range(len(jobs)), key=lambda i: jobs[i][0])
    waiting = []  # (duration, index)
    order = []
    time = 0
    nxt = 0  # next job in arrival order not yet handed in
    while len(order) < len(jobs):
        if not waiting and time < jobs[by_arrival[nxt]][0]:
            time = jobs[by_arrival[nxt]][0]  # press idles until the next hand-in
        while nxt < len(jobs) and jobs[by_arrival[nxt]][0] <= time:
            i = by_arrival[nxt]
            heapq.heappush(waiting, (jobs[i][1], i))
            nxt += 1
        duration, i = heapq.heappop(waiting)
        order.append(i)
        time += duration
    return order
