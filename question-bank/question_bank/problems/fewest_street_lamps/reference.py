def fewest_lamps(n, reach):
    # far[p] = furthest right end of any lamp whose lit stretch starts at or before p (clamped to 0).
    far = [0] * (n + 1)
    for i, r in enumerate(reach):
        if r > 0:
            start = max(0, i - r)
            far[start] = max(far[start], min(n, i + r))
    lamps = 0
    lit_until = 0  # [0, lit_until] is lit by the lamps chosen so far
    best = 0  # furthest reach of a lamp starting within [0, current point]
    for p in range(n):
        best = max(best, far[p])
        if p == lit_until:
            if best <= p:
                return -1  # nothing reaches past p
            lamps += 1
            lit_until = best
    return lamps
