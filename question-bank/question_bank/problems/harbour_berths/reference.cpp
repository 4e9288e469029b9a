int berthsNeeded(vector<vector<int>> visits) {
    sort(visits.begin(), visits.end());
    priority_queue<int, vector<int>, greater<int>> docked;  // departure times of docked boats
    int most = 0;
    for (auto& v : visits) {
        while (!docked.empty() && docked.top() <= v[0]) docked.pop();  // freed at t serves arrival at t
        docked.push(v[1]);
        most = max(most, (int)docked.size());
    }
    return most;
}
