vector<int> prefixCounts(vector<string> titles, vector<string> prefixes) {
    // Trie in flat arrays: next[node][letter] (0 = missing, the root is node 0), passing[node].
    vector<array<int, 26>> next(1);
    next[0].fill(0);
    vector<int> passing(1, 0);
    for (const string& title : titles) {
        int node = 0;
        passing[0]++;
        for (char c : title) {
            int letter = c - 'a';
            if (!next[node][letter]) {
                next[node][letter] = (int)next.size();
                next.emplace_back();
                next.back().fill(0);
                passing.push_back(0);
            }
            node = next[node][letter];
            passing[node]++;
        }
    }
    vector<int> answers;
    for (const string& prefix : prefixes) {
        int node = 0;
        for (char c : prefix) {
            node = next[node][c - 'a'];
            if (!node) break;
        }
        answers.push_back(prefix.empty() || node ? passing[node] : 0);
    }
    return answers;
}
