int decodeSignal(string signal) {
    const long long MOD = 1000000007LL;
    // twoBack / oneBack: decodings of the prefix ending two digits / one digit before position i.
    long long twoBack = 1, oneBack = signal[0] == '0' ? 0 : 1;
    for (size_t i = 1; i < signal.size(); i++) {
        long long here = signal[i] != '0' ? oneBack : 0;  // last letter is one digit
        char prev = signal[i - 1];
        if (prev == '1' || (prev == '2' && signal[i] <= '6')) here += twoBack;  // 10..26
        twoBack = oneBack;
        oneBack = here % MOD;
    }
    return (int)oneBack;
}
