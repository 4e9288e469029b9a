long long exactSumSegments(vector<int>& changes, int k) {
    unordered_map<long long, long long> prefixCounts;
    prefixCounts.reserve(changes.size() * 2);
    prefixCounts[0] = 1;  // the empty prefix: stretches that start on day 0
    long long total = 0, stretches = 0;
    for (int change : changes) {
        total += change;
        auto it = prefixCounts.find(total - k);
        if (it != prefixCounts.end()) stretches += it->second;
        prefixCounts[total]++;
    }
    return stretches;
}
