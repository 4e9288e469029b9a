int regionRoot(vector<int>& parent, int x) {
    int root = x;
    while (parent[root] != root) root = parent[root];
    while (parent[x] != root) {  // path compression
        int next = parent[x];
        parent[x] = root;
        x = next;
    }
    return root;
}

vector<int> regionsAfterEach(int n, vector<vector<int>> bridges) {
    vector<int> parent(n), size(n, 1);
    iota(parent.begin(), parent.end(), 0);
    int regions = n;
    vector<int> counts;
    for (auto& bridge : bridges) {
        int ra = regionRoot(parent, bridge[0]), rb = regionRoot(parent, bridge[1]);
        if (ra != rb) {
            if (size[ra] < size[rb]) swap(ra, rb);
            parent[rb] = ra;
            size[ra] += size[rb];
            regions--;
        }
        counts.push_back(regions);
    }
    return counts;
}
