def find_words(board, words):
    # Trie of dicts; the key "$" holds the word that ends at a node.
    trie = {}
    for word in words:
        node = trie
        for letter in word:
            node = node.setdefault(letter, {})
        node["$"] = word
    rows, cols = len(board), len(board[0])
    grid = [list(row) for row in board]  # "#" marks a tile used on the current path
    found = []

    def dfs(r, c, parent):
        letter = grid[r][c]
        node = parent.get(letter)
        if node is None:
            return
        word = node.pop("$", None)  # pop: report each word once
        if word is not None:
            found.append(word)
        grid[r][c] = "#"
        for nr, nc in ((r + 1, c), (r - 1, c), (r, c + 1), (r, c - 1)):
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#":
                dfs(nr, nc, node)
        grid[r][c] = letter
        if not node:
            del parent[letter]  # prune a branch whose words are all found

    for r in range(rows):
        for c in range(cols):
            dfs(r, c, trie)
    return sorted(found)
