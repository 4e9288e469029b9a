int kthSmallestGap(vector<int>& readings, int k) {
    vector<int> values(readings);
    sort(values.begin(), values.end());
    int n = values.size();
    auto gapsAtMost = [&](int limit) {
        long long count = 0;
        int left = 0;
        for (int right = 0; right < n; right++) {
            while (values[right] - values[left] > limit) left++;
            count += right - left;
        }
        return count;
    };
    int lo = 0, hi = values[n - 1] - values[0];
    while (lo < hi) {  // smallest gap g with at least k gaps <= g
        int mid = lo + (hi - lo) / 2;
        if (gapsAtMost(mid) >= k) hi = mid;
        else lo = mid + 1;
    }
    return lo;
}
