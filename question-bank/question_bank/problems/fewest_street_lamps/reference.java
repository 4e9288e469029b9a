class Solution {
    public int fewestLamps(int n, int[] reach) {
        // far[p] = furthest right end of any lamp whose lit stretch starts at or before p (clamped to 0).
        int[] far = new int[n + 1];
        for (int i = 0; i <= n; i++) {
            if (reach[i] > 0) {
                int start = Math.max(0, i - reach[i]);
                far[start] = Math.max(far[start], Math.min(n, i + reach[i]));
            }
        }
        int lamps = 0, litUntil = 0, best = 0;
        for (int p = 0; p < n; p++) {
            best = Math.max(best, far[p]);
            if (p == litUntil) {
                if (best <= p) return -1;
                lamps++;
                litUntil = best;
            }
        }
        return lamps;
    }
}
