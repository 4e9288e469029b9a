class Solution {
    public long exactSumSegments(int[] changes, int k) {
        Map<Long, Long> prefixCounts = new HashMap<>();
        prefixCounts.put(0L, 1L); // the empty prefix: stretches that start on day 0
        long total = 0, stretches = 0;
        for (int change : changes) {
            total += change;
            stretches += prefixCounts.getOrDefault(total - k, 0L);
            prefixCounts.merge(total, 1L, Long::sum);
        }
        return stretches;
    }
}
