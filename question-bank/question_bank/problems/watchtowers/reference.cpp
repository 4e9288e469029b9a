class TowerCounter {
public:
    TowerCounter(int n, const vector<vector<int>>& swamps) : n(n), full((1 << n) - 1), swampMask(n, 0) {
        for (const auto& cell : swamps) swampMask[cell[0]] |= 1 << cell[1];
    }

    // cols / downRight / downLeft: columns this row cannot use because of earlier towers
    int place(int row, int cols, int downRight, int downLeft) {
        if (row == n) return 1;
        int ways = 0;
        int free = full & ~(cols | downRight | downLeft | swampMask[row]);
        while (free) {
            int bit = free & -free;  // lowest free column
            free ^= bit;
            ways += place(row + 1, cols | bit, ((downRight | bit) << 1) & full, (downLeft | bit) >> 1);
        }
        return ways;
    }

private:
    int n, full;
    vector<int> swampMask;  // per row, the columns that cannot hold a tower
};

int watchtowers(int n, vector<vector<int>>& swamps) {
    return TowerCounter(n, swamps).place(0, 0, 0, 0);
}
