class Solution {
    public long tripleProduct(int[] ratings) {
        // The winner is either the three largest, or the two most negative times the largest.
        long max1 = Long.MIN_VALUE, max2 = Long.MIN_VALUE, max3 = Long.MIN_VALUE; // max1 >= max2 >= max3
        long min1 = Long.MAX_VALUE, min2 = Long.MAX_VALUE;                         // min1 <= min2
        for (int value : ratings) {
            long r = value;
            if (r > max1) { max3 = max2; max2 = max1; max1 = r; }
            else if (r > max2) { max3 = max2; max2 = r; }
            else if (r > max3) { max3 = r; }
            if (r < min1) { min2 = min1; min1 = r; }
            else if (r < min2) { min2 = r; }
        }
        return Math.max(max1 * max2 * max3, min1 * min2 * max1);
    }
}
