def shared_melody(tune_a: str, tune_b: str) -> int:
    # prev[j] / cur[j]: longest shared melody of tune_a[:i-1] / tune_a[:i] and tune_b[:j].
    prev = [0] * (len(tune_b) + 1)
    for note_a in tune_a:
        cur = [0] * (len(tune_b) + 1)
        for j, note_b in enumerate(tune_b, start=1):
            if note_a == note_b:
                cur[j] = prev[j - 1] + 1
            else:
                cur[j] = max(prev[j], cur[j - 1])
        prev = cur
    return prev[-1]
