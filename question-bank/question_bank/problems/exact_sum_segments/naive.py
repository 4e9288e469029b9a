def exact_sum_segments(changes, k):
    # Sum every stretch by extending from each start: O(n^2).
    count = 0
    n = len(changes)
    for start in range(n):
        total = 0
        for end in range(start, n):
            total += changes[end]
            if total == k:
                count += 1
    return count
