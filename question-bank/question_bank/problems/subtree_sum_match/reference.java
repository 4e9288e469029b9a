class Solution {
    private int matched;

    public int countMatched(TreeNode root) {
        matched = 0;
        walk(root);
        return matched;
    }

    private int walk(TreeNode node) {
        if (node == null) return 0;
        int below = walk(node.left) + walk(node.right);
        if (below == node.val) matched++;
        return below + node.val;
    }
}
