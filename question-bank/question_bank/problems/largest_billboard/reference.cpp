long long largestBillboard(vector<int>& heights) {
    long long best = 0;
    vector<int> rising;  // indices with increasing heights, each waiting for a lower building
    int n = heights.size();
    for (int i = 0; i <= n; i++) {
        int height = i == n ? 0 : heights[i];  // sentinel flushes the stack
        while (!rising.empty() && heights[rising.back()] >= height) {
            int top = rising.back();
            rising.pop_back();
            int left = rising.empty() ? -1 : rising.back();
            best = max(best, (long long)heights[top] * (i - left - 1));
        }
        rising.push_back(i);
    }
    return best;
}
