MOD = 1_000_000_007


def decode_signal(signal: str) -> int:
    # two_back / one_back: decodings of the prefix ending two digits / one digit before position i.
    two_back, one_back = 1, (0 if signal[0] == "0" else 1)
    for i in range(1, len(signal)):
        here = one_back if signal[i] != "0" else 0  # last letter is one digit
        if signal[i - 1] == "1" or (signal[i - 1] == "2" and signal[i] <= "6"):
            here += two_back  # last letter is the two digits 10..26
        two_back, one_back = one_back, here % MOD
    return one_back
