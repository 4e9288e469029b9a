class Solution {
    public int berryPicking(int[] berries) {
        // skip: best total without the previous bush; take: best total up to the previous bush.
        int skip = 0, take = 0;
        for (int count : berries) {
            int next = Math.max(take, skip + count);
            skip = take;
            take = next;
        }
        return take;
    }
}
