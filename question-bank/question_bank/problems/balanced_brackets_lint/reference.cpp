bool balancedBracketsLint(string s) {
    const string openers = "([{<", closers = ")]}>";
    vector<char> open;
    for (char ch : s) {
        if (openers.find(ch) != string::npos) {
            open.push_back(ch);
        } else {
            size_t kind = closers.find(ch);
            if (kind == string::npos) continue;  // a letter
            if (open.empty() || open.back() != openers[kind]) return false;
            open.pop_back();
        }
    }
    return open.empty();
}
