long long tripleProduct(vector<int>& ratings) {
    // The winner is either the three largest, or the two most negative times the largest.
    long long max1 = LLONG_MIN, max2 = LLONG_MIN, max3 = LLONG_MIN;  // max1 >= max2 >= max3
    long long min1 = LLONG_MAX, min2 = LLONG_MAX;                    // min1 <= min2
    for (int value : ratings) {
        long long r = value;
        if (r > max1) { max3 = max2; max2 = max1; max1 = r; }
        else if (r > max2) { max3 = max2; max2 = r; }
        else if (r > max3) { max3 = r; }
        if (r < min1) { min2 = min1; min1 = r; }
        else if (r < min2) { min2 = r; }
    }
    return max(max1 * max2 * max3, min1 * min2 * max1);
}
