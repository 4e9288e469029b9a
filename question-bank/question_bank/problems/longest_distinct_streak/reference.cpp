int longestDistinctStreak(vector<int>& flavours) {
    unordered_map<int, int> lastIndex;
    lastIndex.reserve(flavours.size() * 2);
    int left = 0, best = 0;
    for (int right = 0; right < (int)flavours.size(); right++) {
        auto it = lastIndex.find(flavours[right]);
        if (it != lastIndex.end() && it->second >= left) left = it->second + 1;  // repeat inside window
        lastIndex[flavours[right]] = right;
        best = max(best, right - left + 1);
    }
    return best;
}
