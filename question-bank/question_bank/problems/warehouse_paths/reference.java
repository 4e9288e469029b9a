class Solution {
    public int warehousePaths(int[][] floor) {
        final long MOD = 1_000_000_007L;
        int cols = floor[0].length;
        long[] ways = new long[cols]; // ways[c]: routes reaching (current row, c)
        ways[0] = floor[0][0] == 0 ? 1 : 0;
        for (int[] row : floor) {
            for (int c = 0; c < cols; c++) {
                if (row[c] == 1) ways[c] = 0;
                else if (c > 0) ways[c] = (ways[c] + ways[c - 1]) % MOD; // from above + from the left
            }
        }
        return (int) ways[cols - 1];
    }
}
