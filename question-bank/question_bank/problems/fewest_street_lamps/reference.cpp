int fewestLamps(int n, vector<int> reach) {
    // far[p] = furthest right end of any lamp whose lit stretch starts at or before p (clamped to 0).
    vector<int> far(n + 1, 0);
    for (int i = 0; i <= n; i++) {
        if (reach[i] > 0) {
            int start = max(0, i - reach[i]);
            far[start] = max(far[start], min(n, i + reach[i]));
        }
    }
    int lamps = 0, litUntil = 0, best = 0;
    for (int p = 0; p < n; p++) {
        best = max(best, far[p]);
        if (p == litUntil) {
            if (best <= p) return -1;
            lamps++;
            litUntil = best;
        }
    }
    return lamps;
}
