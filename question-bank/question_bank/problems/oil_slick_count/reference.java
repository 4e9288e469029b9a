class Solution {
    public int countSlicks(String[] photo) {
        int rows = photo.length;
        int cols = rows > 0 ? photo[0].length() : 0;
        boolean[][] seen = new boolean[rows][cols];
        int[] dy = {1, -1, 0, 0}, dx = {0, 0, 1, -1};
        int slicks = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (photo[r].charAt(c) != '#' || seen[r][c]) continue;
                slicks++;
                seen[r][c] = true;
                ArrayDeque<int[]> stack = new ArrayDeque<>();
                stack.push(new int[] {r, c});
                while (!stack.isEmpty()) {
                    int[] cell = stack.pop();
                    for (int d = 0; d < 4; d++) {
                        int ny = cell[0] + dy[d], nx = cell[1] + dx[d];
                        if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && photo[ny].charAt(nx) == '#' && !seen[ny][nx]) {
                            seen[ny][nx] = true;
                            stack.push(new int[] {ny, nx});
                        }
                    }
                }
            }
        }
        return slicks;
    }
}
