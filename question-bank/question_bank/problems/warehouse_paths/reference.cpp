int warehousePaths(vector<vector<int>>& floor) {
    const long long MOD = 1000000007LL;
    size_t cols = floor[0].size();
    vector<long long> ways(cols, 0);  // ways[c]: routes reaching (current row, c)
    ways[0] = floor[0][0] == 0 ? 1 : 0;
    for (const auto& row : floor) {
        for (size_t c = 0; c < cols; c++) {
            if (row[c] == 1) ways[c] = 0;
            else if (c > 0) ways[c] = (ways[c] + ways[c - 1]) % MOD;  // from above + from the left
        }
    }
    return (int)ways[cols - 1];
}
