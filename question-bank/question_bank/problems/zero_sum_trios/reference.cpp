vector<vector<int>> zeroSumTrios(vector<int>& entries) {
    vector<int> values(entries);
    sort(values.begin(), values.end());
    int n = values.size();
    vector<vector<int>> trios;
    for (int i = 0; i + 2 < n; i++) {
        if (values[i] > 0) break;
        if (i > 0 && values[i] == values[i - 1]) continue;  // same first value: same trios
        int lo = i + 1, hi = n - 1;
        while (lo < hi) {
            int total = values[i] + values[lo] + values[hi];
            if (total < 0) lo++;
            else if (total > 0) hi--;
            else {
                trios.push_back({values[i], values[lo], values[hi]});
                lo++;
                while (lo < hi && values[lo] == values[lo - 1]) lo++;
                hi--;
            }
        }
    }
    return trios;
}
