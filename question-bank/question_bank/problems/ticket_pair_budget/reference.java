class Solution {
    public int[] ticketPairBudget(int[] prices, int budget) {
        Map<Long, Integer> seen = new HashMap<>(); // price -> index of an earlier ticket
        for (int j = 0; j < prices.length; j++) {
            Integer partner = seen.get((long) budget - prices[j]);
            if (partner != null) return new int[] {partner, j};
            seen.put((long) prices[j], j);
        }
        return new int[0];
    }
}
