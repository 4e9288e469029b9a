vector<int> shelfHeightCounts(vector<int>& heights, vector<int>& queries) {
    vector<int> answers;
    answers.reserve(queries.size());
    for (int gap : queries) {
        // upper_bound: first height strictly greater than the gap.
        answers.push_back((int)(upper_bound(heights.begin(), heights.end(), gap) - heights.begin()));
    }
    return answers;
}
