MOD = 1_000_000_007


def decode_signal(signal: str) -> int:
    """Enumerate every way of cutting the string into letters (explicit stack): exponential."""
    count = 0
    stack = [0]  # positions where the next letter starts
    while stack:
        pos = stack.pop()
        if pos == len(signal):
            count += 1
            continue
        if signal[pos] != "0":
            stack.append(pos + 1)
            if pos + 2 <= len(signal) and int(signal[pos : pos + 2]) <= 26:
                stack.append(pos + 2)
    return count % MOD
