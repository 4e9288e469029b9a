class Solution {
    private int n, maxOn;
    private final StringBuilder current = new StringBuilder();
    private final List<String> patterns = new ArrayList<>();

    public String[] lampPatterns(int n, int maxOn) {
        this.n = n;
        this.maxOn = maxOn;
        patterns.clear();
        place(false, 0);
        return patterns.toArray(new String[0]);
    }

    private void place(boolean prevOn, int used) {
        if (current.length() == n) {
            patterns.add(current.toString());
            return;
        }
        current.append('0');
        place(false, used);
        current.deleteCharAt(current.length() - 1);
        if (!prevOn && used < maxOn) { // only prefixes that can still become valid
            current.append('1');
            place(true, used + 1);
            current.deleteCharAt(current.length() - 1);
        }
    }
}
