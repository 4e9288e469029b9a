struct BoardTrie {
    vector<array<int, 26>> next{array<int, 26>{}};  // 0 = no child; node 0 is the root
    vector<int> wordAt{-1};                         // index into words, or -1
};

void boardSearch(vector<string>& grid, int r, int c, int node, BoardTrie& trie, const vector<string>& words,
                 vector<string>& found) {
    char letter = grid[r][c];
    int child = trie.next[node][letter - 'a'];
    if (!child) return;
    if (trie.wordAt[child] >= 0) {
        found.push_back(words[trie.wordAt[child]]);
        trie.wordAt[child] = -1;  // report each word once
    }
    grid[r][c] = '#';  // mark the tile as used on this path
    const int dr[] = {1, -1, 0, 0}, dc[] = {0, 0, 1, -1};
    for (int d = 0; d < 4; d++) {
        int nr = r + dr[d], nc = c + dc[d];
        if (nr >= 0 && nr < (int)grid.size() && nc >= 0 && nc < (int)grid[0].size() && grid[nr][nc] != '#')
            boardSearch(grid, nr, nc, child, trie, words, found);
    }
    grid[r][c] = letter;
}

vector<string> findWords(vector<string> board, vector<string> words) {
    BoardTrie trie;
    for (int w = 0; w < (int)words.size(); w++) {
        int node = 0;
        for (char ch : words[w]) {
            if (!trie.next[node][ch - 'a']) {
                trie.next[node][ch - 'a'] = trie.next.size();
                trie.next.push_back(array<int, 26>{});
                trie.wordAt.push_back(-1);
            }
            node = trie.next[node][ch - 'a'];
        }
        trie.wordAt[node] = w;
    }
    vector<string> found;
    for (int r = 0; r < (int)board.size(); r++)
        for (int c = 0; c < (int)board[0].size(); c++) boardSearch(board, r, c, 0, trie, words, found);
    sort(found.begin(), found.end());
    return found;
}
