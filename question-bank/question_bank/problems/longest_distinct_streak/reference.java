class Solution {
    public int longestDistinctStreak(int[] flavours) {
        Map<Integer, Integer> lastIndex = new HashMap<>();
        int left = 0, best = 0;
        for (int right = 0; right < flavours.length; right++) {
            Integer previous = lastIndex.get(flavours[right]);
            if (previous != null && previous >= left) left = previous + 1; // repeat inside window
            lastIndex.put(flavours[right], right);
            best = Math.max(best, right - left + 1);
        }
        return best;
    }
}
