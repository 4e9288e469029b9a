vector<int> pressOrder(vector<vector<int>> jobs) {
    int n = jobs.size();
    vector<int> byArrival(n);
    iota(byArrival.begin(), byArrival.end(), 0);
    sort(byArrival.begin(), byArrival.end(), [&](int x, int y) { return jobs[x][0] < jobs[y][0]; });
    priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<>> waiting;  // (duration, index)
    vector<int> order;
    long long time = 0;
    int next = 0;
    while ((int)order.size() < n) {
        if (waiting.empty() && time < jobs[byArrival[next]][0]) time = jobs[byArrival[next]][0];
        while (next < n && jobs[byArrival[next]][0] <= time) {
            int i = byArrival[next++];
            waiting.push({jobs[i][1], i});
        }
        auto [duration, i] = waiting.top();
        waiting.pop();
        order.push_back(i);
        time += duration;
    }
    return order;
}
