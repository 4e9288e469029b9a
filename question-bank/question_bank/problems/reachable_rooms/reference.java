class Solution {
    public boolean canReach(int n, int[][] doors, int start, int goal) {
        List<List<Integer>> neighbours = new ArrayList<>();
        for (int i = 0; i < n; i++) neighbours.add(new ArrayList<>());
        for (int[] d : doors) {
            neighbours.get(d[0]).add(d[1]);
            neighbours.get(d[1]).add(d[0]);
        }
        boolean[] visited = new boolean[n];
        visited[start] = true;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(start);
        while (!queue.isEmpty()) {
            int room = queue.poll();
            if (room == goal) return true;
            for (int next : neighbours.get(room)) {
                if (!visited[next]) { visited[next] = true; queue.add(next); }
            }
        }
        return false;
    }
}
