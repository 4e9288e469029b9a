int missingLocker(vector<int>& keys) {
    long long n = keys.size();
    long long total = n * (n + 1) / 2;  // about 5e9 for n = 1e5: needs 64 bits
    for (int key : keys) total -= key;
    return (int)total;
}
