long long rainBetweenDunes(vector<int>& dunes) {
    int lo = 0, hi = (int)dunes.size() - 1;
    int leftMax = 0, rightMax = 0;
    long long water = 0;
    while (lo < hi) {
        if (dunes[lo] < dunes[hi]) {  // the lower side is bounded by its own running maximum
            leftMax = max(leftMax, dunes[lo]);
            water += leftMax - dunes[lo];
            lo++;
        } else {
            rightMax = max(rightMax, dunes[hi]);
            water += rightMax - dunes[hi];
            hi--;
        }
    }
    return water;
}
