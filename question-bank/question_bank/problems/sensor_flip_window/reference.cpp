int sensorFlipWindow(vector<int>& readings, int k) {
    int left = 0, zeros = 0, best = 0;
    for (int right = 0; right < (int)readings.size(); right++) {
        if (readings[right] == 0) zeros++;
        while (zeros > k) {  // too many zeros: slide the left edge past one
            if (readings[left] == 0) zeros--;
            left++;
        }
        best = max(best, right - left + 1);
    }
    return best;
}
