from collections import Counter


def smallest_covering_window(text, note):
    # From every start, extend until the note is covered: O(n^2).
    required = Counter(note)
    best = ""
    for start in range(len(text)):
        have = Counter()
        satisfied = 0
        for end in range(start, len(text)):
            letter = text[end]
            have[letter] += 1
            if have[letter] == required.get(letter, 0):
                satisfied += 1
            if satisfied == len(required):
                if not best or end - start + 1 < len(best):
                    best = text[start : end + 1]
                break
    return best
