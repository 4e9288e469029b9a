static int daysNeeded(const vector<int>& crates, long long capacity) {
    int used = 1;
    long long load = 0;
    for (int weight : crates) {
        if (load + weight > capacity) { used++; load = 0; }  // this crate waits for tomorrow
        load += weight;
    }
    return used;
}

int minTruckCapacity(vector<int>& crates, int days) {
    long long lo = *max_element(crates.begin(), crates.end());
    long long hi = accumulate(crates.begin(), crates.end(), 0LL);
    while (lo < hi) {
        long long mid = lo + (hi - lo) / 2;
        if (daysNeeded(crates, mid) <= days) hi = mid;
        else lo = mid + 1;
    }
    return (int)lo;
}
