class Solution {
    public int bookedMinutes(int[][] bookings) {
        int[][] sorted = bookings.clone();
        Arrays.sort(sorted, (a, b) -> Integer.compare(a[0], b[0]));
        int total = 0;
        int blockStart = 0, blockEnd = -1;  // blockEnd < 0 means "no open block"
        for (int[] b : sorted) {
            if (blockEnd < 0 || b[0] > blockEnd) {
                if (blockEnd >= 0) total += blockEnd - blockStart;
                blockStart = b[0];
                blockEnd = b[1];
            } else {
                blockEnd = Math.max(blockEnd, b[1]);
            }
        }
        if (blockEnd >= 0) total += blockEnd - blockStart;
        return total;
    }
}
