int gradeRoot(vector<int>& parent, int x) {
    int root = x;
    while (parent[root] != root) root = parent[root];
    while (parent[x] != root) {  // path compression
        int next = parent[x];
        parent[x] = root;
        x = next;
    }
    return root;
}

int gentlestSteepestGrade(int n, vector<vector<int>> roads, int source, int target) {
    if (source == target) return 0;
    vector<int> parent(n);
    iota(parent.begin(), parent.end(), 0);
    sort(roads.begin(), roads.end(), [](const vector<int>& p, const vector<int>& q) { return p[2] < q[2]; });
    for (auto& road : roads) {
        int ra = gradeRoot(parent, road[0]), rb = gradeRoot(parent, road[1]);
        if (ra != rb) {
            parent[ra] = rb;
            if (gradeRoot(parent, source) == gradeRoot(parent, target)) return road[2];
        }
    }
    return -1;
}
