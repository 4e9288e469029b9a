def zero_sum_trios(entries: list[int]) -> list[list[int]]:
    values = sorted(entries)
    n = len(values)
    trios = []
    for i in range(n - 2):
        if values[i] > 0:
            break  # the two larger values cannot bring a positive sum back to zero
        if i > 0 and values[i] == values[i - 1]:
            continue  # same first value as before: same trios
        lo, hi = i + 1, n - 1
        while lo < hi:
            total = values[i] + values[lo] + values[hi]
            if total < 0:
                lo += 1
            elif total > 0:
                hi -= 1
            else:
                trios.append([values[i], values[lo], values[hi]])
                lo += 1
                while lo < hi and values[lo] == values[lo - 1]:
                    lo += 1
                hi -= 1
    return trios
