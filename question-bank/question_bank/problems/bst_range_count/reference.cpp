int countInRange(TreeNode* root, int lo, int hi) {
    int count = 0;
    vector<TreeNode*> stack;
    if (root) stack.push_back(root);
    while (!stack.empty()) {
        TreeNode* node = stack.back();
        stack.pop_back();
        if (lo <= node->val && node->val <= hi) count++;
        if (node->left && node->val > lo) stack.push_back(node->left);
        if (node->right && node->val < hi) stack.push_back(node->right);
    }
    return count;
}
