def booked_minutes(bookings):
    total = 0
    block_start = block_end = None
    for start, end in sorted(bookings):
        if block_end is None or start > block_end:
            if block_end is not None:
                total += block_end - block_start
            block_start, block_end = start, end
        else:
            block_end = max(block_end, end)
    if block_end is not None:
        total += block_end - block_start
    return total
