class Solution {
    public int mostRepairs(int[] costs, int budget) {
        int[] sorted = costs.clone();
        Arrays.sort(sorted);
        int done = 0;
        long spent = 0;  // several costs of 10^9 overflow an int
        for (int cost : sorted) {
            if (spent + cost > budget) break;
            spent += cost;
            done++;
        }
        return done;
    }
}
