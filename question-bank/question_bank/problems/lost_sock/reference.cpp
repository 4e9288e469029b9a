int lostSock(vector<int>& ids) {
    // x ^ x == 0, so every pair cancels and only the lonely id survives.
    int acc = 0;
    for (int sock : ids) acc ^= sock;
    return acc;
}
