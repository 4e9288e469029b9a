class Solution {
    public int steppingStones(int n, int[] cracked) {
        final long MOD = 1_000_000_007L;
        boolean[] broken = new boolean[n + 1];
        for (int stone : cracked) broken[stone] = true;
        long twoBack = 0, oneBack = 1; // ways to reach stone i-2 and i-1
        for (int stone = 1; stone <= n; stone++) {
            long here = broken[stone] ? 0 : (oneBack + twoBack) % MOD;
            twoBack = oneBack;
            oneBack = here;
        }
        return (int) oneBack;
    }
}
