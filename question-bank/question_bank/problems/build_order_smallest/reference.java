class Solution {
    public int[] buildOrder(int n, int[][] deps) {
        List<List<Integer>> dependents = new ArrayList<>();
        for (int i = 0; i < n; i++) dependents.add(new ArrayList<>());
        int[] missing = new int[n];  // unbuilt dependencies per package
        for (int[] d : deps) {
            dependents.get(d[1]).add(d[0]);
            missing[d[0]]++;
        }
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int p = 0; p < n; p++) if (missing[p] == 0) ready.add(p);
        int[] order = new int[n];
        int built = 0;
        while (!ready.isEmpty()) {
            int p = ready.poll();
            order[built++] = p;
            for (int d : dependents.get(p)) if (--missing[d] == 0) ready.add(d);
        }
        return built == n ? order : new int[0];
    }
}
