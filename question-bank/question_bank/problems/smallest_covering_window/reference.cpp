string smallestCoveringWindow(string text, string note) {
    int need[128] = {0};  // letters still owed by the window (negative: spare copies)
    for (char c : note) need[(unsigned char)c]++;
    int missing = note.size(), bestStart = 0, bestLength = text.size() + 1, left = 0;
    for (int right = 0; right < (int)text.size(); right++) {
        if (need[(unsigned char)text[right]]-- > 0) missing--;
        while (missing == 0) {  // covered: record, then try to shrink
            if (right - left + 1 < bestLength) { bestStart = left; bestLength = right - left + 1; }
            if (++need[(unsigned char)text[left]] > 0) missing++;
            left++;
        }
    }
    return bestLength > (int)text.size() ? "" : text.substr(bestStart, bestLength);
}
