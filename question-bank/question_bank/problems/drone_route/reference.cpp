int droneRoute(vector<vector<int>>& cost) {
    int n = cost.size();
    if (n == 1) return 0;
    int others = n - 1;  // checkpoints 1..n-1 are bits 0..n-2 of a mask
    int full = (1 << others) - 1;
    const long long INF = LLONG_MAX / 4;
    // best[mask][j]: cheapest flight from the pad over exactly `mask`, ending at checkpoint j + 1
    vector<vector<long long>> best(full + 1, vector<long long>(others, INF));
    for (int j = 0; j < others; j++) best[1 << j][j] = cost[0][j + 1];
    for (int mask = 1; mask <= full; mask++) {
        for (int j = 0; j < others; j++) {
            long long here = best[mask][j];
            if (here == INF) continue;
            for (int k = 0; k < others; k++) {
                if (mask & (1 << k)) continue;
                long long& slot = best[mask | (1 << k)][k];
                slot = min(slot, here + cost[j + 1][k + 1]);
            }
        }
    }
    long long answer = INF;
    for (int j = 0; j < others; j++) answer = min(answer, best[full][j] + cost[j + 1][0]);
    return (int)answer;
}
