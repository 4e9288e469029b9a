int steppingStones(int n, vector<int>& cracked) {
    const long long MOD = 1000000007LL;
    vector<bool> broken(n + 1, false);
    for (int stone : cracked) broken[stone] = true;
    long long twoBack = 0, oneBack = 1;  // ways to reach stone i-2 and i-1
    for (int stone = 1; stone <= n; stone++) {
        long long here = broken[stone] ? 0 : (oneBack + twoBack) % MOD;
        twoBack = oneBack;
        oneBack = here;
    }
    return (int)oneBack;
}
