# Keeps a list of disjoint blocks and merges each booking by scanning all of them: O(n^2).
def booked_minutes(bookings):
    blocks = []
    for start, end in bookings:
        kept = []
        for s, e in blocks:
            if e < start or s > end:
                kept.append((s, e))
            else:
                start, end = min(s, start), max(e, end)
        kept.append((start, end))
        blocks = kept
    return sum(e - s for s, e in blocks)
