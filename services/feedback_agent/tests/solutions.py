"""Candidate solutions of known complexity, written the way candidates write them (not the bank's own).

The O(n log n) ones do their log factor in Python (a hand-written binary search or merge sort), as a
candidate would at the whiteboard; `sorted()` alone runs in C and is too cheap to show a log factor.
"""

FIRST_REPEAT_BADGE = {
    "O(n)": """
def first_repeat_badge(badges):
    seen = set()
    for badge in badges:
        if badge in seen:
            return badge
        seen.add(badge)
    return -1
""",
    "O(n log n)": """
def first_repeat_badge(badges):
    # Sort (badge, position); a badge repeats at j if its first sorted occurrence is before j.
    pairs = sorted((badge, j) for j, badge in enumerate(badges))
    values = [badge for badge, _ in pairs]
    for j, badge in enumerate(badges):
        lo, hi = 0, len(values)
        while lo < hi:
            mid = (lo + hi) // 2
            if values[mid] < badge:
                lo = mid + 1
            else:
                hi = mid
        if pairs[lo][1] < j:
            return badge
    return -1
""",
    "O(n²)": """
def first_repeat_badge(badges):
    for j in range(len(badges)):
        for i in range(j):
            if badges[i] == badges[j]:
                return badges[j]
    return -1
""",
}

TICKET_PAIR_BUDGET = {
    "O(n)": """
def ticket_pair_budget(prices, budget):
    index_of = {}
    for j in range(len(prices)):
        want = budget - prices[j]
        if want in index_of:
            return [index_of[want], j]
        index_of[prices[j]] = j
    return []
""",
    "O(n log n)": """
def ticket_pair_budget(prices, budget):
    order = sorted(range(len(prices)), key=lambda i: prices[i])
    for j in range(len(prices)):
        want = budget - prices[j]
        lo, hi = 0, len(order)
        while lo < hi:
            mid = (lo + hi) // 2
            if prices[order[mid]] < want:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(order) and prices[order[lo]] == want and order[lo] != j:
            return sorted([order[lo], j])
    return []
""",
    "O(n²)": """
def ticket_pair_budget(prices, budget):
    for i in range(len(prices)):
        for j in range(i + 1, len(prices)):
            if prices[i] + prices[j] == budget:
                return [i, j]
    return []
""",
}

MISSING_LOCKER = {
    "O(n)": """
def missing_locker(keys):
    present = [False] * (len(keys) + 1)
    for key in keys:
        present[key] = True
    for locker, here in enumerate(present):
        if not here:
            return locker
    return -1
""",
    "O(n log n)": """
def missing_locker(keys):
    def merge_sort(items):
        if len(items) <= 1:
            return items
        middle = len(items) // 2
        left, right = merge_sort(items[:middle]), merge_sort(items[middle:])
        merged, i, j = [], 0, 0
        while i < len(left) and j < len(right):
            if left[i] <= right[j]:
                merged.append(left[i])
                i += 1
            else:
                merged.append(right[j])
                j += 1
        return merged + left[i:] + right[j:]

    for locker, key in enumerate(merge_sort(keys)):
        if key != locker:
            return locker
    return len(keys)
""",
    "O(n²)": """
def missing_locker(keys):
    for locker in range(len(keys) + 1):
        if locker not in keys:
            return locker
    return -1
""",
}

BY_PROBLEM = {
    "first_repeat_badge": FIRST_REPEAT_BADGE,
    "ticket_pair_budget": TICKET_PAIR_BUDGET,
    "missing_locker": MISSING_LOCKER,
}
