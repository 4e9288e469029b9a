class Solution {
    public boolean globMatch(String text, String pattern) {
        int n = text.length();
        // prev[i]: does text[:i] match the pattern prefix handled so far (initially the empty pattern)?
        boolean[] prev = new boolean[n + 1], cur = new boolean[n + 1];
        prev[0] = true;
        for (char p : pattern.toCharArray()) {
            if (p == '*') {
                cur[0] = prev[0];
                for (int i = 1; i <= n; i++) cur[i] = prev[i] || cur[i - 1]; // nothing, or one more char
            } else {
                cur[0] = false;
                for (int i = 1; i <= n; i++) cur[i] = prev[i - 1] && (p == '?' || p == text.charAt(i - 1));
            }
            boolean[] tmp = prev; prev = cur; cur = tmp;
        }
        return prev[n];
    }
}
