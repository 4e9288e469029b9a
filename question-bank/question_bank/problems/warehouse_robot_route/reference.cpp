int fewestMoves(vector<string> floor) {
    int rows = floor.size(), cols = floor[0].size();
    vector<int> dist(rows * cols, -1);
    queue<int> q;
    for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            if (floor[r][c] == 'S') { dist[r * cols + c] = 0; q.push(r * cols + c); }
    const int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
    while (!q.empty()) {
        int cell = q.front();
        q.pop();
        int r = cell / cols, c = cell % cols;
        if (floor[r][c] == 'E') return dist[cell];
        for (int d = 0; d < 4; d++) {
            int nr = r + dr[d], nc = c + dc[d];
            if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && floor[nr][nc] != '#' && dist[nr * cols + nc] < 0) {
                dist[nr * cols + nc] = dist[cell] + 1;  // mark on push so each cell is queued once
                q.push(nr * cols + nc);
            }
        }
    }
    return -1;
}
