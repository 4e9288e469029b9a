vector<int> topKScores(vector<int> scores, int k) {
    priority_queue<int, vector<int>, greater<int>> heap;  // min-heap of the best k so far
    for (int s : scores) {
        if ((int)heap.size() < k) heap.push(s);
        else if (s > heap.top()) { heap.pop(); heap.push(s); }
    }
    vector<int> result;
    while (!heap.empty()) { result.push_back(heap.top()); heap.pop(); }
    reverse(result.begin(), result.end());
    return result;
}
