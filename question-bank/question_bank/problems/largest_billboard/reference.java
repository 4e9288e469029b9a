class Solution {
    public long largestBillboard(int[] heights) {
        int n = heights.length;
        int[] rising = new int[n + 1]; // stack of indices with increasing heights
        int top = 0;
        long best = 0;
        for (int i = 0; i <= n; i++) {
            int height = i == n ? 0 : heights[i]; // sentinel flushes the stack
            while (top > 0 && heights[rising[top - 1]] >= height) {
                int tallest = rising[--top];
                int left = top > 0 ? rising[top - 1] : -1;
                best = Math.max(best, (long) heights[tallest] * (i - left - 1));
            }
            rising[top++] = i;
        }
        return best;
    }
}
