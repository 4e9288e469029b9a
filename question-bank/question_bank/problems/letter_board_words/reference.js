function findWords(board, words) {
  // Trie nodes are plain objects: letter -> child, and "$" -> the word ending here.
  const trie = {};
  for (const word of words) {
    let node = trie;
    for (const letter of word) node = node[letter] || (node[letter] = {});
    node.$ = word;
  }
  const rows = board.length, cols = board[0].length;
  const grid = board.map((row) => row.split(''));  // '#' marks a tile on the current path
  const found = [];
  function dfs(r, c, parent) {
    const letter = grid[r][c];
    const node = parent[letter];
    if (!node) return;
    if (node.$ !== undefined) { found.push(node.$); delete node.$; }  // report each word once
    grid[r][c] = '#';
    for (const [nr, nc] of [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]]) {
      if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && grid[nr][nc] !== '#') dfs(nr, nc, node);
    }
    grid[r][c] = letter;
    if (Object.keys(node).length === 0) delete parent[letter];  // prune a finished branch
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) dfs(r, c, trie);
  return found.sort();
}
