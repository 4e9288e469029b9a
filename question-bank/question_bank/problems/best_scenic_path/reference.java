class Solution {
    private int best;

    public int bestHike(TreeNode root) {
        best = root.val;
        gain(root);
        return best;
    }

    private int gain(TreeNode node) {
        if (node == null) return 0;
        int left = Math.max(0, gain(node.left));
        int right = Math.max(0, gain(node.right));
        best = Math.max(best, node.val + left + right);  // the hike that bends here
        return node.val + Math.max(left, right);         // a parent can extend only one arm
    }
}
