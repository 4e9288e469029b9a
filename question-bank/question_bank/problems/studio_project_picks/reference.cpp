long long finalFunds(int k, int funds, vector<int> profit, vector<int> required) {
    int n = profit.size();
    vector<int> order(n);
    iota(order.begin(), order.end(), 0);
    sort(order.begin(), order.end(), [&](int x, int y) { return required[x] < required[y]; });
    priority_queue<int> affordable;  // profits of projects we can start
    long long money = funds;
    int next = 0;
    for (int round = 0; round < k; round++) {
        while (next < n && required[order[next]] <= money) affordable.push(profit[order[next++]]);
        if (affordable.empty()) break;
        money += affordable.top();
        affordable.pop();
    }
    return money;
}
