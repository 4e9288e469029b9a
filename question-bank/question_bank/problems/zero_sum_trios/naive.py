def zero_sum_trios(entries):
    # Every triple of positions: O(n^3).
    found = set()
    n = len(entries)
    for i in range(n):
        for j in range(i + 1, n):
            for k in range(j + 1, n):
                if entries[i] + entries[j] + entries[k] == 0:
                    found.add(tuple(sorted((entries[i], entries[j], entries[k]))))
    return [list(t) for t in found]
