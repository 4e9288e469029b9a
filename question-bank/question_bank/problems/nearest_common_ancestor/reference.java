class Solution {
    public int closestSharedAncestor(TreeNode root, int p, int q) {
        return walk(root, p, q).val;
    }

    // Returns the answer if both are below `node`, else whichever of p / q was seen (or null).
    private TreeNode walk(TreeNode node, int p, int q) {
        if (node == null || node.val == p || node.val == q) return node;
        TreeNode left = walk(node.left, p, q);
        TreeNode right = walk(node.right, p, q);
        if (left != null && right != null) return node;
        return left != null ? left : right;
    }
}
