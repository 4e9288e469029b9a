int bookedMinutes(vector<vector<int>> bookings) {
    sort(bookings.begin(), bookings.end());
    int total = 0;
    int blockStart = 0, blockEnd = -1;  // blockEnd < 0 means "no open block"
    for (auto& b : bookings) {
        if (blockEnd < 0 || b[0] > blockEnd) {
            if (blockEnd >= 0) total += blockEnd - blockStart;
            blockStart = b[0];
            blockEnd = b[1];
        } else {
            blockEnd = max(blockEnd, b[1]);
        }
    }
    if (blockEnd >= 0) total += blockEnd - blockStart;
    return total;
}
