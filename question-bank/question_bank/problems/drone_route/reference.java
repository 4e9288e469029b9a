class Solution {
    public int droneRoute(int[][] cost) {
        int n = cost.length;
        if (n == 1) return 0;
        int others = n - 1; // checkpoints 1..n-1 are bits 0..n-2 of a mask
        int full = (1 << others) - 1;
        final long INF = Long.MAX_VALUE / 4;
        // best[mask][j]: cheapest flight from the pad over exactly `mask`, ending at checkpoint j + 1
        long[][] best = new long[full + 1][others];
        for (long[] row : best) Arrays.fill(row, INF);
        for (int j = 0; j < others; j++) best[1 << j][j] = cost[0][j + 1];
        for (int mask = 1; mask <= full; mask++) {
            for (int j = 0; j < others; j++) {
                long here = best[mask][j];
                if (here == INF) continue;
                for (int k = 0; k < others; k++) {
                    if ((mask & (1 << k)) != 0) continue;
                    int next = mask | (1 << k);
                    best[next][k] = Math.min(best[next][k], here + cost[j + 1][k + 1]);
                }
            }
        }
        long answer = INF;
        for (int j = 0; j < others; j++) answer = Math.min(answer, best[full][j] + cost[j + 1][0]);
        return (int) answer;
    }
}
