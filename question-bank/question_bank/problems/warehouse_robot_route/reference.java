class Solution {
    public int fewestMoves(String[] floor) {
        int rows = floor.length, cols = floor[0].length();
        int[] dist = new int[rows * cols];
        Arrays.fill(dist, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                if (floor[r].charAt(c) == 'S') { dist[r * cols + c] = 0; queue.add(r * cols + c); }
        int[] dr = {1, -1, 0, 0}, dc = {0, 0, 1, -1};
        while (!queue.isEmpty()) {
            int cell = queue.poll();
            int r = cell / cols, c = cell % cols;
            if (floor[r].charAt(c) == 'E') return dist[cell];
            for (int d = 0; d < 4; d++) {
                int nr = r + dr[d], nc = c + dc[d];
                if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && floor[nr].charAt(nc) != '#' && dist[nr * cols + nc] < 0) {
                    dist[nr * cols + nc] = dist[cell] + 1;  // mark on push so each cell is queued once
                    queue.add(nr * cols + nc);
                }
            }
        }
        return -1;
    }
}
