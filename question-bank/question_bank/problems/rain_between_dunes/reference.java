class Solution {
    public long rainBetweenDunes(int[] dunes) {
        int lo = 0, hi = dunes.length - 1, leftMax = 0, rightMax = 0;
        long water = 0;
        while (lo < hi) {
            if (dunes[lo] < dunes[hi]) { // the lower side is bounded by its own running maximum
                leftMax = Math.max(leftMax, dunes[lo]);
                water += leftMax - dunes[lo];
                lo++;
            } else {
                rightMax = Math.max(rightMax, dunes[hi]);
                water += rightMax - dunes[hi];
                hi--;
            }
        }
        return water;
    }
}
