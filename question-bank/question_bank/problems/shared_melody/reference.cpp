int sharedMelody(string tuneA, string tuneB) {
    // prev[j] / cur[j]: longest shared melody of tuneA[:i-1] / tuneA[:i] and tuneB[:j].
    vector<int> prev(tuneB.size() + 1, 0), cur(tuneB.size() + 1, 0);
    for (size_t i = 1; i <= tuneA.size(); i++) {
        for (size_t j = 1; j <= tuneB.size(); j++) {
            cur[j] = tuneA[i - 1] == tuneB[j - 1] ? prev[j - 1] + 1 : max(prev[j], cur[j - 1]);
        }
        swap(prev, cur);
    }
    return prev[tuneB.size()];
}
