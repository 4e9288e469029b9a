class Solution {
    private final Map<Long, Long> prefixCounts = new HashMap<>();
    private long total;
    private long target;

    public long countTrails(TreeNode root, int target) {
        this.target = target;
        prefixCounts.clear();
        prefixCounts.put(0L, 1L);
        total = 0;
        walk(root, 0);
        return total;
    }

    private void walk(TreeNode node, long above) {
        if (node == null) return;
        long running = above + node.val;
        total += prefixCounts.getOrDefault(running - target, 0L);
        prefixCounts.merge(running, 1L, Long::sum);
        walk(node.left, running);
        walk(node.right, running);
        prefixCounts.merge(running, -1L, Long::sum);  // leave this branch
    }
}
