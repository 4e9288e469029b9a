def sensor_flip_window(readings, k):
    # Extend from every start until the zero budget runs out: O(n * window).
    best = 0
    n = len(readings)
    for start in range(n):
        zeros = 0
        end = start
        while end < n:
            zeros += readings[end] == 0
            if zeros > k:
                break
            end += 1
        best = max(best, end - start)
    return best
