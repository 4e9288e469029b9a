class Solution {
    public int decodeSignal(String signal) {
        final long MOD = 1_000_000_007L;
        // twoBack / oneBack: decodings of the prefix ending two digits / one digit before position i.
        long twoBack = 1, oneBack = signal.charAt(0) == '0' ? 0 : 1;
        for (int i = 1; i < signal.length(); i++) {
            char cur = signal.charAt(i), prev = signal.charAt(i - 1);
            long here = cur != '0' ? oneBack : 0; // last letter is one digit
            if (prev == '1' || (prev == '2' && cur <= '6')) here += twoBack; // 10..26
            twoBack = oneBack;
            oneBack = here % MOD;
        }
        return (int) oneBack;
    }
}
