class Solution {
    private static final class Node {
        final Node[] next = new Node[26];
        String word;  // the dictionary word ending here, until it is found
    }

    private char[][] grid;
    private final List<String> found = new ArrayList<>();

    public String[] findWords(String[] board, String[] words) {
        Node root = new Node();
        for (String w : words) {
            Node node = root;
            for (char ch : w.toCharArray()) {
                if (node.next[ch - 'a'] == null) node.next[ch - 'a'] = new Node();
                node = node.next[ch - 'a'];
            }
            node.word = w;
        }
        grid = new char[board.length][];
        for (int r = 0; r < board.length; r++) grid[r] = board[r].toCharArray();
        found.clear();
        for (int r = 0; r < grid.length; r++)
            for (int c = 0; c < grid[0].length; c++) dfs(r, c, root);
        Collections.sort(found);
        return found.toArray(new String[0]);
    }

    private void dfs(int r, int c, Node parent) {
        char letter = grid[r][c];
        Node node = parent.next[letter - 'a'];
        if (node == null) return;
        if (node.word != null) { found.add(node.word); node.word = null; }  // report each word once
        grid[r][c] = '#';  // mark the tile as used on this path
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (int[] s : steps) {
            int nr = r + s[0], nc = c + s[1];
            if (nr >= 0 && nr < grid.length && nc >= 0 && nc < grid[0].length && grid[nr][nc] != '#') dfs(nr, nc, node);
        }
        grid[r][c] = letter;
    }
}
