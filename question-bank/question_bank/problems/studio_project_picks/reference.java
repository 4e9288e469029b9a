class Solution {
    public long finalFunds(int k, int funds, int[] profit, int[] required) {
        int n = profit.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (x, y) -> Integer.compare(required[x], required[y]));
        PriorityQueue<Integer> affordable = new PriorityQueue<>(Collections.reverseOrder());
        long money = funds;
        int next = 0;
        for (int round = 0; round < k; round++) {
            while (next < n && required[order[next]] <= money) affordable.add(profit[order[next++]]);
            if (affordable.isEmpty()) break;
            money += affordable.poll();
        }
        return money;
    }
}
