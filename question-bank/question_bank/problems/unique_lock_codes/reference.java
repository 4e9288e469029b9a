class Solution {
    private final int[] remaining = new int[10]; // digit value -> presses still to place
    private int[] code;
    private int filled;
    private final List<int[]> codes = new ArrayList<>();

    public int[][] uniqueLockCodes(int[] digits) {
        Arrays.fill(remaining, 0);
        for (int d : digits) remaining[d]++;
        code = new int[digits.length];
        filled = 0;
        codes.clear();
        place();
        return codes.toArray(new int[0][]);
    }

    private void place() {
        if (filled == code.length) {
            codes.add(code.clone());
            return;
        }
        for (int value = 0; value < 10; value++) { // each distinct value once per position
            if (remaining[value] == 0) continue;
            remaining[value]--;
            code[filled++] = value;
            place();
            filled--;
            remaining[value]++;
        }
    }
}
