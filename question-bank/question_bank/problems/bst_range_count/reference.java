class Solution {
    public int countInRange(TreeNode root, int lo, int hi) {
        int count = 0;
        Deque<TreeNode> stack = new ArrayDeque<>();
        if (root != null) stack.push(root);
        while (!stack.isEmpty()) {
            TreeNode node = stack.pop();
            if (lo <= node.val && node.val <= hi) count++;
            if (node.left != null && node.val > lo) stack.push(node.left);
            if (node.right != null && node.val < hi) stack.push(node.right);
        }
        return count;
    }
}
