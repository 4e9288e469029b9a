class Solution {
    private int[] values;
    private final List<Integer> chosen = new ArrayList<>();
    private final List<int[]> collections = new ArrayList<>();

    public int[][] vendingCombinations(int[] coins, int price) {
        values = coins.clone();
        Arrays.sort(values);
        chosen.clear();
        collections.clear();
        pick(0, price);
        return collections.toArray(new int[0][]);
    }

    private void pick(int start, int remaining) {
        if (remaining == 0) {
            int[] copy = new int[chosen.size()];
            for (int i = 0; i < copy.length; i++) copy[i] = chosen.get(i);
            collections.add(copy);
            return;
        }
        for (int i = start; i < values.length; i++) {
            if (values[i] > remaining) break; // sorted: every later coin is too big as well
            chosen.add(values[i]);
            pick(i, remaining - values[i]); // i, not i + 1: the same coin may be used again
            chosen.remove(chosen.size() - 1);
        }
    }
}
