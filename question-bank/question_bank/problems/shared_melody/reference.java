class Solution {
    public int sharedMelody(String tuneA, String tuneB) {
        // prev[j] / cur[j]: longest shared melody of tuneA[:i-1] / tuneA[:i] and tuneB[:j].
        int m = tuneB.length();
        int[] prev = new int[m + 1], cur = new int[m + 1];
        for (int i = 1; i <= tuneA.length(); i++) {
            for (int j = 1; j <= m; j++) {
                cur[j] = tuneA.charAt(i - 1) == tuneB.charAt(j - 1)
                        ? prev[j - 1] + 1
                        : Math.max(prev[j], cur[j - 1]);
            }
            int[] tmp = prev; prev = cur; cur = tmp;
        }
        return prev[m];
    }
}
