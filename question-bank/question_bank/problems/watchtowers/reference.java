class Solution {
    private int n, full;
    private int[] swampMask; // per row, the columns that cannot hold a tower

    public int watchtowers(int n, int[][] swamps) {
        this.n = n;
        this.full = (1 << n) - 1;
        this.swampMask = new int[n];
        for (int[] cell : swamps) swampMask[cell[0]] |= 1 << cell[1];
        return place(0, 0, 0, 0);
    }

    // cols / downRight / downLeft: columns this row cannot use because of earlier towers
    private int place(int row, int cols, int downRight, int downLeft) {
        if (row == n) return 1;
        int ways = 0;
        int free = full & ~(cols | downRight | downLeft | swampMask[row]);
        while (free != 0) {
            int bit = free & -free; // lowest free column
            free ^= bit;
            ways += place(row + 1, cols | bit, ((downRight | bit) << 1) & full, (downLeft | bit) >> 1);
        }
        return ways;
    }
}
