int mostRepairs(vector<int> costs, int budget) {
    sort(costs.begin(), costs.end());
    int done = 0;
    long long spent = 0;  // several costs of 10^9 overflow 32 bits
    for (int cost : costs) {
        if (spent + cost > budget) break;
        spent += cost;
        done++;
    }
    return done;
}
