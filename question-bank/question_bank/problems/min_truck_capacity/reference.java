class Solution {
    public int minTruckCapacity(int[] crates, int days) {
        int lo = 0, hi = 0;
        for (int weight : crates) {
            lo = Math.max(lo, weight);
            hi += weight; // at most 5e8, fits in an int
        }
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (daysNeeded(crates, mid) <= days) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private int daysNeeded(int[] crates, int capacity) {
        int used = 1, load = 0;
        for (int weight : crates) {
            if (load + weight > capacity) { used++; load = 0; } // this crate waits for tomorrow
            load += weight;
        }
        return used;
    }
}
