import heapq


def kth_smallest_gap(readings, k):
    # Look at all n^2/2 gaps, keeping the k smallest in a heap: O(n^2 log k).
    n = len(readings)
    gaps = (abs(readings[i] - readings[j]) for i in range(n) for j in range(i + 1, n))
    return heapq.nsmallest(k, gaps)[-1]
