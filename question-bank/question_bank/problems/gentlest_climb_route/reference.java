class Solution {
    private int[] parent;

    public int gentlestSteepestGrade(int n, int[][] roads, int source, int target) {
        if (source == target) return 0;
        parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        int[][] sorted = roads.clone();
        Arrays.sort(sorted, (p, q) -> Integer.compare(p[2], q[2]));
        for (int[] road : sorted) {
            int ra = find(road[0]), rb = find(road[1]);
            if (ra != rb) {
                parent[ra] = rb;
                if (find(source) == find(target)) return road[2];
            }
        }
        return -1;
    }

    private int find(int x) {
        int root = x;
        while (parent[root] != root) root = parent[root];
        while (parent[x] != root) { int next = parent[x]; parent[x] = root; x = next; }  // path compression
        return root;
    }
}
