TreeNode* sharedAncestorWalk(TreeNode* node, int p, int q) {
    if (!node || node->val == p || node->val == q) return node;
    TreeNode* left = sharedAncestorWalk(node->left, p, q);
    TreeNode* right = sharedAncestorWalk(node->right, p, q);
    if (left && right) return node;
    return left ? left : right;
}

int closestSharedAncestor(TreeNode* root, int p, int q) {
    return sharedAncestorWalk(root, p, q)->val;
}
