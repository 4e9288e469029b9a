vector<int> ticketPairBudget(vector<int>& prices, int budget) {
    unordered_map<long long, int> seen;  // price -> index of an earlier ticket with that price
    seen.reserve(prices.size() * 2);
    for (int j = 0; j < (int)prices.size(); j++) {
        auto it = seen.find((long long)budget - prices[j]);
        if (it != seen.end()) return {it->second, j};
        seen[prices[j]] = j;
    }
    return {};
}
