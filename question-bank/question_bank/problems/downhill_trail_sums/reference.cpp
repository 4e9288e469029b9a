void trailWalk(TreeNode* node, long long above, long long target, unordered_map<long long, long long>& prefixCounts,
               long long& total) {
    if (!node) return;
    long long running = above + node->val;
    auto it = prefixCounts.find(running - target);
    if (it != prefixCounts.end()) total += it->second;
    prefixCounts[running]++;
    trailWalk(node->left, running, target, prefixCounts, total);
    trailWalk(node->right, running, target, prefixCounts, total);
    prefixCounts[running]--;  // leave this branch
}

long long countTrails(TreeNode* root, int target) {
    unordered_map<long long, long long> prefixCounts{{0, 1}};
    long long total = 0;
    trailWalk(root, 0, target, prefixCounts, total);
    return total;
}
