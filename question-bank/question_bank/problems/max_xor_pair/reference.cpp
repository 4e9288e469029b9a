int maxXorPair(vector<int>& codes) {
    // Decide the answer bit by bit from the top, keeping the largest prefix still achievable.
    int answer = 0;
    for (int bit = 30; bit >= 0; bit--) {
        unordered_set<int> prefixes;
        prefixes.reserve(codes.size() * 2);
        for (int code : codes) prefixes.insert(code >> bit);
        int want = (answer << 1) | 1;
        bool found = false;
        for (int p : prefixes) {
            if (prefixes.count(p ^ want)) { found = true; break; }  // a ^ b == want <=> a ^ want == b
        }
        answer = found ? want : answer << 1;
    }
    return answer;
}
