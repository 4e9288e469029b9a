class Solution {
    public int berthsNeeded(int[][] visits) {
        int[][] sorted = visits.clone();
        Arrays.sort(sorted, (a, b) -> Integer.compare(a[0], b[0]));
        PriorityQueue<Integer> docked = new PriorityQueue<>();  // departure times of docked boats
        int most = 0;
        for (int[] v : sorted) {
            while (!docked.isEmpty() && docked.peek() <= v[0]) docked.poll();  // freed at t serves arrival at t
            docked.add(v[1]);
            most = Math.max(most, docked.size());
        }
        return most;
    }
}
