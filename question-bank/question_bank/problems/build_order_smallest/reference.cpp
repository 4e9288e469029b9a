vector<int> buildOrder(int n, vector<vector<int>> deps) {
    vector<vector<int>> dependents(n);
    vector<int> missing(n, 0);  // unbuilt dependencies per package
    for (auto& d : deps) {
        dependents[d[1]].push_back(d[0]);
        missing[d[0]]++;
    }
    priority_queue<int, vector<int>, greater<int>> ready;
    for (int p = 0; p < n; p++)
        if (missing[p] == 0) ready.push(p);
    vector<int> order;
    while (!ready.empty()) {
        int p = ready.top();
        ready.pop();
        order.push_back(p);
        for (int d : dependents[p])
            if (--missing[d] == 0) ready.push(d);
    }
    if ((int)order.size() != n) return {};
    return order;
}
