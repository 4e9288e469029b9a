class Solution {
    public int kthSmallestGap(int[] readings, int k) {
        int[] values = readings.clone();
        Arrays.sort(values);
        int lo = 0, hi = values[values.length - 1] - values[0];
        while (lo < hi) { // smallest gap g with at least k gaps <= g
            int mid = lo + (hi - lo) / 2;
            if (gapsAtMost(values, mid) >= k) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    private long gapsAtMost(int[] values, int limit) {
        long count = 0;
        int left = 0;
        for (int right = 0; right < values.length; right++) {
            while (values[right] - values[left] > limit) left++;
            count += right - left;
        }
        return count;
    }
}
