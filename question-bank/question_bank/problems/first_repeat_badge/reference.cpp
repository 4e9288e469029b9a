int firstRepeatBadge(vector<int>& badges) {
    unordered_set<int> seen;
    seen.reserve(badges.size() * 2);
    for (int badge : badges) {
        if (!seen.insert(badge).second) return badge;
    }
    return -1;
}
