class Solution {
    private int[] parent;

    public int[] regionsAfterEach(int n, int[][] bridges) {
        parent = new int[n];
        int[] size = new int[n];
        for (int i = 0; i < n; i++) { parent[i] = i; size[i] = 1; }
        int regions = n;
        int[] counts = new int[bridges.length];
        for (int i = 0; i < bridges.length; i++) {
            int ra = find(bridges[i][0]), rb = find(bridges[i][1]);
            if (ra != rb) {
                if (size[ra] < size[rb]) { int t = ra; ra = rb; rb = t; }
                parent[rb] = ra;
                size[ra] += size[rb];
                regions--;
            }
            counts[i] = regions;
        }
        return counts;
    }

    private int find(int x) {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) { int next = parent[x]; parent[x] = root; x = next; }  // path compression
        return root;
    }
}
