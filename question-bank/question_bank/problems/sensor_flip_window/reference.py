def sensor_flip_window(readings: list[int], k: int) -> int:
    left = zeros = best = 0
    for right, bit in enumerate(readings):
        zeros += bit == 0
        while zeros > k:  # too many zeros: slide the left edge past one
            zeros -= readings[left] == 0
            left += 1
        best = max(best, right - left + 1)
    return best
