from collections import Counter


def smallest_covering_window(text: str, note: str) -> str:
    need = Counter(note)  # letters still owed by the current window (negative: spare copies)
    missing = len(note)
    best_start, best_length = 0, len(text) + 1
    left = 0
    for right, letter in enumerate(text):
        if need[letter] > 0:
            missing -= 1
        need[letter] -= 1
        while missing == 0:  # the window covers the note: record it, then try to shrink it
            if right - left + 1 < best_length:
                best_start, best_length = left, right - left + 1
            dropped = text[left]
            need[dropped] += 1
            if need[dropped] > 0:
                missing += 1
            left += 1
    return "" if best_length > len(text) else text[best_start : best_start + best_length]
