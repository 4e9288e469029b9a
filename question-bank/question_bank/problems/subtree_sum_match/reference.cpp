int matchedWalk(TreeNode* node, int& matched) {
    if (!node) return 0;
    int below = matchedWalk(node->left, matched) + matchedWalk(node->right, matched);
    if (below == node->val) matched++;
    return below + node->val;
}

int countMatched(TreeNode* root) {
    int matched = 0;
    matchedWalk(root, matched);
    return matched;
}
