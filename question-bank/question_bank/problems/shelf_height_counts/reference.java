class Solution {
    public int[] shelfHeightCounts(int[] heights, int[] queries) {
        int[] answers = new int[queries.length];
        for (int k = 0; k < queries.length; k++) {
            int lo = 0, hi = heights.length; // first index with height > gap
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (heights[mid] <= queries[k]) lo = mid + 1;
                else hi = mid;
            }
            answers[k] = lo;
        }
        return answers;
    }
}
