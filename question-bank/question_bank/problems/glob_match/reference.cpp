bool globMatch(string text, string pattern) {
    size_t n = text.size();
    // prev[i]: does text[:i] match the pattern prefix handled so far (initially the empty pattern)?
    vector<char> prev(n + 1, 0), cur(n + 1, 0);
    prev[0] = 1;
    for (char p : pattern) {
        if (p == '*') {
            cur[0] = prev[0];
            for (size_t i = 1; i <= n; i++) cur[i] = prev[i] || cur[i - 1];  // nothing, or one more char
        } else {
            cur[0] = 0;
            for (size_t i = 1; i <= n; i++) cur[i] = prev[i - 1] && (p == '?' || p == text[i - 1]);
        }
        swap(prev, cur);
    }
    return prev[n];
}
