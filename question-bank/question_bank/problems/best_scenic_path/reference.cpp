int hikeGain(TreeNode* node, int& best) {
    if (!node) return 0;
    int left = max(0, hikeGain(node->left, best));
    int right = max(0, hikeGain(node->right, best));
    best = max(best, node->val + left + right);  // the hike that bends here
    return node->val + max(left, right);         // a parent can extend only one arm
}

int bestHike(TreeNode* root) {
    int best = root->val;
    hikeGain(root, best);
    return best;
}
