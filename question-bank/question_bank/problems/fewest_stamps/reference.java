class Solution {
    public int fewestStamps(int[] stamps, int postage) {
        int unreachable = postage + 1; // more stamps than any real answer could need
        int[] best = new int[postage + 1]; // best[a]: fewest stamps for exactly a
        Arrays.fill(best, unreachable);
        best[0] = 0;
        for (int amount = 1; amount <= postage; amount++) {
            for (int stamp : stamps) {
                if (stamp <= amount && best[amount - stamp] + 1 < best[amount]) {
                    best[amount] = best[amount - stamp] + 1;
                }
            }
        }
        return best[postage] < unreachable ? best[postage] : -1;
    }
}
