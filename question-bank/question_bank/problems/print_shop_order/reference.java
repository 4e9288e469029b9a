class Solution {
    public int[] pressOrder(int[][] jobs) {
        int n = jobs.length;
        Integer[] byArrival = new Integer[n];
        for (int i = 0; i < n; i++) byArrival[i] = i;
        Arrays.sort(byArrival, (x, y) -> Integer.compare(jobs[x][0], jobs[y][0]));
        // waiting jobs by (duration, index)
        PriorityQueue<Integer> waiting = new PriorityQueue<>(
            (x, y) -> jobs[x][1] != jobs[y][1] ? Integer.compare(jobs[x][1], jobs[y][1]) : Integer.compare(x, y));
        int[] order = new int[n];
        int started = 0, next = 0;
        long time = 0;
        while (started < n) {
            if (waiting.isEmpty() && time < jobs[byArrival[next]][0]) time = jobs[byArrival[next]][0];
            while (next < n && jobs[byArrival[next]][0] <= time) waiting.add(byArrival[next++]);
            int i = waiting.poll();
            order[started++] = i;
            time += jobs[i][1];
        }
        return order;
    }
}
