int countSlicks(vector<string> photo) {
    int rows = photo.size();
    int cols = rows ? photo[0].size() : 0;
    vector<vector<bool>> seen(rows, vector<bool>(cols, false));
    const int dy[] = {1, -1, 0, 0}, dx[] = {0, 0, 1, -1};
    int slicks = 0;
    for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
            if (photo[r][c] != '#' || seen[r][c]) continue;
            slicks++;
            seen[r][c] = true;
            vector<pair<int, int>> stack{{r, c}};
            while (!stack.empty()) {
                auto [y, x] = stack.back();
                stack.pop_back();
                for (int d = 0; d < 4; d++) {
                    int ny = y + dy[d], nx = x + dx[d];
                    if (ny >= 0 && ny < rows && nx >= 0 && nx < cols && photo[ny][nx] == '#' && !seen[ny][nx]) {
                        seen[ny][nx] = true;
                        stack.push_back({ny, nx});
                    }
                }
            }
        }
    }
    return slicks;
}
