class Solution {
    public int maxXorPair(int[] codes) {
        // Decide the answer bit by bit from the top, keeping the largest prefix still achievable.
        int answer = 0;
        for (int bit = 30; bit >= 0; bit--) {
            Set<Integer> prefixes = new HashSet<>();
            for (int code : codes) prefixes.add(code >> bit);
            int want = (answer << 1) | 1;
            boolean found = false;
            for (int p : prefixes) {
                if (prefixes.contains(p ^ want)) { found = true; break; } // a ^ b == want <=> a ^ want == b
            }
            answer = found ? want : answer << 1;
        }
        return answer;
    }
}
