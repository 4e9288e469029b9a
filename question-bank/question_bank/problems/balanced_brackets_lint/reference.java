class Solution {
    public boolean balancedBracketsLint(String s) {
        String openers = "([{<", closers = ")]}>";
        Deque<Character> open = new ArrayDeque<>();
        for (char ch : s.toCharArray()) {
            if (openers.indexOf(ch) >= 0) {
                open.push(ch);
            } else {
                int kind = closers.indexOf(ch);
                if (kind < 0) continue; // a letter
                if (open.isEmpty() || open.pop() != openers.charAt(kind)) return false;
            }
        }
        return open.isEmpty();
    }
}
