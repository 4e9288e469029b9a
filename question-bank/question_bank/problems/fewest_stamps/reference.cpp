int fewestStamps(vector<int>& stamps, int postage) {
    const int unreachable = postage + 1;  // more stamps than any real answer could need
    vector<int> best(postage + 1, unreachable);  // best[a]: fewest stamps for exactly a
    best[0] = 0;
    for (int amount = 1; amount <= postage; amount++) {
        for (int stamp : stamps) {
            if (stamp <= amount && best[amount - stamp] + 1 < best[amount]) {
                best[amount] = best[amount - stamp] + 1;
            }
        }
    }
    return best[postage] < unreachable ? best[postage] : -1;
}
