vector<vector<string>> anagramTagGroups(vector<string>& tags) {
    unordered_map<string, int> groupOf;  // sorted letters -> index of its group
    vector<vector<string>> groups;
    for (const string& tag : tags) {
        string key = tag;
        sort(key.begin(), key.end());
        auto it = groupOf.find(key);
        if (it == groupOf.end()) {
            groupOf[key] = groups.size();
            groups.push_back({tag});
        } else {
            groups[it->second].push_back(tag);
        }
    }
    return groups;
}
