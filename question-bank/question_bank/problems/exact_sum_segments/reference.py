from collections import defaultdict


def exact_sum_segments(changes: list[int], k: int) -> int:
    prefix_counts: dict[int, int] = defaultdict(int)
    prefix_counts[0] = 1  # the empty prefix: stretches that start on day 0
    total = stretches = 0
    for change in changes:
        total += change
        stretches += prefix_counts[total - k]  # earlier prefixes p with total - p == k
        prefix_counts[total] += 1
    return stretches
