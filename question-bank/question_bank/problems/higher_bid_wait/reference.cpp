vector<int> higherBidWait(vector<int>& bids) {
    vector<int> wait(bids.size(), 0), waiting;  // waiting: minutes without a higher bid yet
    for (int i = 0; i < (int)bids.size(); i++) {
        while (!waiting.empty() && bids[waiting.back()] < bids[i]) {
            wait[waiting.back()] = i - waiting.back();
            waiting.pop_back();
        }
        waiting.push_back(i);
    }
    return wait;
}
