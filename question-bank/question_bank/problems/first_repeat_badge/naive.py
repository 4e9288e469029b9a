def first_repeat_badge(badges):
    # For every scan, look back over all earlier scans: O(n^2).
    for j in range(len(badges)):
        for i in range(j):
            if badges[i] == badges[j]:
                return badges[j]
    return -1
