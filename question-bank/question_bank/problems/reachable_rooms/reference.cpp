bool canReach(int n, vector<vector<int>> doors, int start, int goal) {
    vector<vector<int>> neighbours(n);
    for (auto& d : doors) {
        neighbours[d[0]].push_back(d[1]);
        neighbours[d[1]].push_back(d[0]);
    }
    vector<bool> visited(n, false);
    visited[start] = true;
    queue<int> q;
    q.push(start);
    while (!q.empty()) {
        int room = q.front();
        q.pop();
        if (room == goal) return true;
        for (int next : neighbours[room]) {
            if (!visited[next]) { visited[next] = true; q.push(next); }
        }
    }
    return false;
}
